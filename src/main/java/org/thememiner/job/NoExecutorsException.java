package org.thememiner.job;

/**
 * The cluster gave the job no executor in time (or its master could not be reached): the message says what was
 * asked for, what the cluster offers, and how to change either.
 */
public final class NoExecutorsException extends Exception {
  public NoExecutorsException(String message) {
    super(message);
  }
}
