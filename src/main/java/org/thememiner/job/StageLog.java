package org.thememiner.job;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.thememiner.report.StageTiming;

/** One line per stage for the user, and the same figures for run.json. */
final class StageLog {
  private final PrintStream out;
  private final List<StageTiming> timings = new ArrayList<>();
  private String stage;
  private long started;

  StageLog(PrintStream out) {
    this.out = out;
  }

  void start(String name) {
    stage = name;
    started = System.nanoTime();
  }

  /** @param counts pairs of name and count, e.g. "papers", 4L, "failed", 1L */
  void done(String summary, Object... counts) {
    double seconds = (System.nanoTime() - started) / 1e9;
    Map<String, Long> c = new LinkedHashMap<>();
    for (int i = 0; i + 1 < counts.length; i += 2) c.put((String) counts[i], ((Number) counts[i + 1]).longValue());
    timings.add(new StageTiming(stage, Math.round(seconds * 100) / 100.0, c));
    out.printf(Locale.ROOT, "%-9s %-60s %7.1f s%n", stage, summary, seconds);
    out.flush();
  }

  List<StageTiming> timings() {
    return List.copyOf(timings);
  }
}
