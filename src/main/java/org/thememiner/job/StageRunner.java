package org.thememiner.job;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkContext;
import org.thememiner.report.StageTiming;

/**
 * Runs the stages of a run: times each, prints its one line for the user, shows its progress, and keeps the same
 * figures for run.json. A stage may run another inside it (the themes stage has the sentences embedded first); the
 * inner one gets its own line and timing, and its time is not counted again in the outer one's.
 */
final class StageRunner {
  private final PrintStream console;
  private final List<StageTiming> timings = new ArrayList<>();
  private final Deque<Running> running = new ArrayDeque<>();

  /** A stage under way, and the time of the stages run inside it so far. */
  private static final class Running {
    final String stage;
    long innerNanos;

    Running(String stage) {
      this.stage = stage;
    }
  }

  StageRunner(PrintStream console) {
    this.console = console;
  }

  /**
   * The stage's output. A stage that throws gets no line and no timing: the run stops with it.
   */
  <I, O> O run(Stage<I, O> stage, I input, StageContext context) throws IOException, RunStoppedException {
    Running now = new Running(stage.name());
    running.push(now);
    long started = System.nanoTime();
    Stage.Done<O> done;
    try {
      done = stage.run(context, input);
    } finally {
      running.pop();
      if (!running.isEmpty()) running.peek().innerNanos += System.nanoTime() - started;
    }
    double seconds = (System.nanoTime() - started - now.innerNanos) / 1e9;
    timings.add(new StageTiming(stage.name(), Math.round(seconds * 100) / 100.0, done.counts()));
    console.printf(Locale.ROOT, "%-9s %-60s %7.1f s%n", stage.name(), done.summary(), seconds);
    console.flush();
    return done.output();
  }

  /** {@link Progress} of the stage running now, on this runner's console. */
  Progress progress(SparkContext sc, long papersTotal, long workTotal, boolean tokensEstimated) {
    return Progress.start(sc, running.peek().stage, papersTotal, workTotal, tokensEstimated, console);
  }

  /** The timings of the stages that finished, in the order they finished. */
  List<StageTiming> timings() {
    return List.copyOf(timings);
  }
}
