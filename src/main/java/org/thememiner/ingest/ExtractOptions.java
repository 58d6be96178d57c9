package org.thememiner.ingest;

import java.io.Serializable;

/** Limits per input document. */
public record ExtractOptions(long maxBytes, int timeoutSeconds) implements Serializable {
  public static final ExtractOptions DEFAULT = new ExtractOptions(200L * 1024 * 1024, 120);
}
