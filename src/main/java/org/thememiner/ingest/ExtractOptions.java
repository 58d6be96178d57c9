package org.thememiner.ingest;

import java.io.Serializable;

/**
 * Limits for reading one input.
 *
 * @param maxBytes       larger files are refused without being read
 * @param maxChars       a document with more characters of body text is refused before annotation, whose memory
 *                       follows the text's length
 * @param timeoutSeconds extraction of one document is abandoned after this long
 */
public record ExtractOptions(long maxBytes, long maxChars, int timeoutSeconds) implements Serializable {

  public static final ExtractOptions DEFAULT = new ExtractOptions(200L * 1024 * 1024, 2_000_000, 120);

  public ExtractOptions {
    if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    if (maxChars <= 0) throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
    if (timeoutSeconds <= 0) throw new IllegalArgumentException("timeoutSeconds must be positive: " + timeoutSeconds);
  }
}
