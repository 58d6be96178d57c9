package org.thememiner.job;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.thememiner.job.rerun.CorpusCache;

/**
 * One step of a run, from what the steps before it made to what the steps after it read: extract, annotate, embed,
 * themes, stability, coding, compare, report, export. A {@link StageRunner} runs it, timing it and printing its
 * line; the stage itself only does its work and says what it did. Each is small and replaceable on its own, as the
 * stages of a Spark ML pipeline are.
 *
 * @param <I> what the stage reads
 * @param <O> what it makes
 */
interface Stage<I, O> {
  /** Its name in the console line and in run.json's timings. */
  String name();

  /**
   * What shapes the stage's cached output besides its input (code versions, settings), as a {@link CorpusCache}
   * key; empty for a stage that caches nothing.
   */
  default Optional<String> cacheKey() {
    return Optional.empty();
  }

  /**
   * @throws RunStoppedException the run cannot go on; what was done is kept
   */
  Done<O> run(StageContext context, I input) throws IOException, RunStoppedException;

  /**
   * What a stage made and what it says about it.
   *
   * @param summary its console line, after the name
   * @param counts  what it counted, for run.json, in the order given
   */
  record Done<O>(O output, String summary, Map<String, Long> counts) {
    /** @param counts pairs of name and number, e.g. {@code "papers", 4, "failed", 1L} */
    static <O> Done<O> of(O output, String summary, Object... counts) {
      Map<String, Long> c = new LinkedHashMap<>();
      for (int i = 0; i + 1 < counts.length; i += 2) c.put((String) counts[i], ((Number) counts[i + 1]).longValue());
      return new Done<>(output, summary, c);
    }
  }
}
