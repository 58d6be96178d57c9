package org.thememiner.ingest;

import java.io.Serializable;

/** One input that a stage could not process: a line of {@code errors.jsonl}. */
public record InputFailure(String path, String paperId, String stage, String reason) implements Serializable {}
