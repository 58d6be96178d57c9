package org.thememiner.ingest;

import java.io.Serializable;

/** A file found under the job's inputs, before it is read: what the extract stage is handed. */
public record InputFile(String path, String id, String format, long size) implements Serializable {}
