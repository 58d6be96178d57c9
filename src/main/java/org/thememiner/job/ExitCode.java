package org.thememiner.job;

/**
 * thememiner's exit codes, defined once: the job and the subcommands return them, the command line's help lists
 * them ({@link Main}), run.json records them, README.md's table and jobs/submit.sh describe them.
 */
public final class ExitCode {
  /** Every input was processed. */
  public static final int OK = 0;
  /** The run started but could not finish (no input readable, too little text for themes, an internal error). */
  public static final int FAILED = 1;
  /** Nothing was done: invalid arguments, job spec, construct file or output folder. */
  public static final int CONFIG = 2;
  /** The run finished, but some inputs failed: see errors.jsonl. */
  public static final int PARTIAL = 3;
  /** {@code rerun} only: another run of the same job holds its lock; nothing was done. */
  public static final int LOCKED = 4;

  private ExitCode() {}
}
