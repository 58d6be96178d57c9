package org.thememiner.job;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import org.apache.spark.SparkContext;
import org.thememiner.ingest.StageCounters;

/**
 * How far a long stage has come: papers done of the total, tokens, tokens per second and the time left, read
 * from the stage's {@link StageCounters} by a daemon thread on the driver. On a terminal it is one line rewritten
 * in place (carriage return) and blanked at the end, so the stage's {@link StageRunner} line takes its place;
 * otherwise (a log file, a pipe, cron) a plain line every 20 seconds. A stage shorter than that first interval
 * shows nothing. The time left is the elapsed time scaled by the share of work still to do (bytes for
 * extraction, characters for annotation), so it holds however long or short the papers are.
 */
final class Progress implements AutoCloseable {
  private static final Duration TERMINAL_INTERVAL = Duration.ofSeconds(2);
  private static final Duration PLAIN_INTERVAL = Duration.ofSeconds(20);

  private final String stage;
  private final StageCounters counters;
  private final long papersTotal;
  private final long workTotal;
  private final boolean tokensEstimated;
  private final PrintStream out;
  private final boolean terminal;
  private final long started = System.nanoTime();
  private final Thread poller;
  private int shown;

  /**
   * @param papersTotal     papers the stage will process
   * @param workTotal       units of work they amount to, in the units the stage counts
   * @param tokensEstimated the stage counts tokens it estimates (extraction) rather than finds (annotation)
   * @param terminal        rewrite one line rather than print lines ({@link #isTerminal})
   * @param interval        how often the line is shown, the first time after one interval
   */
  Progress(SparkContext sc, String stage, long papersTotal, long workTotal, boolean tokensEstimated, PrintStream out,
      boolean terminal, Duration interval) {
    this.stage = stage;
    this.counters = StageCounters.register(sc, stage);
    this.papersTotal = papersTotal;
    this.workTotal = workTotal;
    this.tokensEstimated = tokensEstimated;
    this.out = out;
    this.terminal = terminal;
    this.poller = new Thread(() -> {
      try {
        while (true) {
          Thread.sleep(interval.toMillis());
          report();
        }
      } catch (InterruptedException e) {
        // closed
      }
    }, "thememiner-progress-" + stage);
    poller.setDaemon(true);
    poller.start();
  }

  /** Progress of a stage on the console {@code out}, in the form that suits it. */
  static Progress start(SparkContext sc, String stage, long papersTotal, long workTotal, boolean tokensEstimated,
      PrintStream out) {
    boolean terminal = isTerminal(out);
    return new Progress(sc, stage, papersTotal, workTotal, tokensEstimated, out, terminal,
        terminal ? TERMINAL_INTERVAL : PLAIN_INTERVAL);
  }

  /** The process's own standard output, attached to a terminal. */
  static boolean isTerminal(PrintStream out) {
    return out == System.out && System.console() != null;
  }

  /** What the stage's tasks add to. */
  StageCounters counters() {
    return counters;
  }

  /** Shows the progress now. */
  synchronized void report() {
    String line = line();
    if (terminal) {
      out.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
      shown = line.length();
    } else {
      out.println(line);
    }
    out.flush();
  }

  private String line() {
    double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
    long papers = Math.min(counters.papers().value(), papersTotal);
    long work = Math.min(counters.work().value(), workTotal);
    long tokens = counters.tokens().value();
    String eta = work == 0 ? "unknown" : duration(Math.round(seconds * (workTotal - work) / work));
    return String.format(Locale.ROOT, "%-9s %d/%d papers, %s%,d tokens, %,d tokens/s, ETA %s", stage, papers, papersTotal,
        tokensEstimated ? "~" : "", tokens, Math.round(tokens / seconds), eta);
  }

  private static String duration(long seconds) {
    if (seconds >= 3600) return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    if (seconds >= 60) return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    return seconds + "s";
  }

  /** Stops the updates; on a terminal, blanks the line for what comes next. */
  @Override
  public void close() {
    poller.interrupt();
    try {
      poller.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (terminal && shown > 0) {
        out.print("\r" + " ".repeat(shown) + "\r");
        out.flush();
      }
    }
  }
}
