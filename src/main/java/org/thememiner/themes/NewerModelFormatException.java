package org.thememiner.themes;

import java.io.IOException;

/** A saved theme model written by a newer thememiner, in a format this one does not read. */
public final class NewerModelFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  NewerModelFormatException(String message) {
    super(message);
  }
}
