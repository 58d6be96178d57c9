package org.thememiner.compare;

/** A coding TSV (a gold paper coding or coded examples) that cannot be used; the message names the file, the line and the column. */
public final class InvalidGoldCodingException extends RuntimeException {
  public InvalidGoldCodingException(String message) {
    super(message);
  }

  public InvalidGoldCodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
