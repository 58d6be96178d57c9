package org.thememiner.compare;

/** A construct-set file that cannot be used; the message names the file and the offending field. */
public final class InvalidConstructSetException extends RuntimeException {
  public InvalidConstructSetException(String message) {
    super(message);
  }

  public InvalidConstructSetException(String message, Throwable cause) {
    super(message, cause);
  }
}
