package org.thememiner.ingest;

import java.io.Serializable;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * What a stage's tasks have finished, for the driver to show progress: papers, tokens, and units of work that
 * measure how far the stage has come (bytes read for extraction, characters annotated for annotation). Spark
 * accumulators, so executors of a cluster count as a local run does; the driver sees a task's counts when the
 * task ends. A partition computed twice (a lost executor) counts twice, so readers cap at their totals.
 */
public record StageCounters(LongAccumulator papers, LongAccumulator tokens, LongAccumulator work) implements Serializable {

  /** Counts nothing: for callers that show no progress. */
  public static final StageCounters NONE = new StageCounters(null, null, null);

  public static StageCounters register(SparkContext sc, String stage) {
    return new StageCounters(sc.longAccumulator(stage + " papers"), sc.longAccumulator(stage + " tokens"),
        sc.longAccumulator(stage + " work"));
  }

  /** One paper finished (or failed) with this many tokens and units of work. */
  public void paperDone(long paperTokens, long paperWork) {
    if (papers == null) return;
    papers.add(1);
    tokens.add(paperTokens);
    work.add(paperWork);
  }
}
