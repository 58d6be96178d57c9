package org.thememiner.job;

/** A stage found that the run cannot go on (the message says why); the job keeps what was done and exits failed. */
final class RunStoppedException extends Exception {
  RunStoppedException(String reason) {
    super(reason);
  }

  RunStoppedException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
