package org.thememiner.compare;

/** A gold-coding TSV that cannot be used; the message names the file, the line and the column. */
public final class InvalidGoldCodingException extends RuntimeException {
  public InvalidGoldCodingException(String message) {
    super(message);
  }

  public InvalidGoldCodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
