package org.thememiner.ingest;

/** An input that cannot be turned into a {@link Paper}; the message is the reason a user reads. */
public final class ExtractionException extends Exception {
  public ExtractionException(String reason) {
    super(reason);
  }

  public ExtractionException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
