package org.thememiner.job;

import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.thememiner.job.rerun.CorpusCache;
import org.thememiner.job.spec.JobConfig;

/**
 * What every stage of one run works with.
 *
 * @param cache    the corpus cache, or null when the job has none
 * @param outDir   the run folder
 * @param console  where the stage lines and any other word to the user go
 * @param failures the inputs that failed so far; a stage adds those it finds
 * @param runner   runs the stages, also a stage inside another ({@link #run})
 */
record StageContext(SparkSession spark, JobConfig config, CorpusCache cache, Path outDir, PrintStream console,
    InputFailures failures, StageRunner runner) {
  /** Runs {@code stage} on {@code input} as {@link StageRunner#run} does. */
  <I, O> O run(Stage<I, O> stage, I input) throws java.io.IOException, RunStoppedException {
    return runner.run(stage, input, this);
  }

  /** Progress of the stage running now ({@link Progress}), once it knows how much it has to do. */
  Progress progress(long papersTotal, long workTotal, boolean tokensEstimated) {
    return runner.progress(spark.sparkContext(), papersTotal, workTotal, tokensEstimated);
  }
}
