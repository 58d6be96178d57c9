package org.thememiner.job;

/** A stage found that the run cannot go on (the message says why); the job keeps what was done and exits failed. */
final class RunStoppedException extends Exception {
  private final int exitCode;

  RunStoppedException(String reason) {
    this(reason, ExitCode.FAILED);
  }

  RunStoppedException(String reason, Throwable cause) {
    super(reason, cause);
    this.exitCode = ExitCode.FAILED;
  }

  /** @param exitCode {@link ExitCode#CONFIG} when a setting is what stopped the run and only the run could tell */
  RunStoppedException(String reason, int exitCode) {
    super(reason);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
