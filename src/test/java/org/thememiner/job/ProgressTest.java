package org.thememiner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.thememiner.TestData;
import org.thememiner.annotate.AnnotateStage;
import org.thememiner.annotate.AnnotatorSettings;
import org.thememiner.ingest.ExtractOptions;
import org.thememiner.ingest.ExtractStage;
import org.thememiner.ingest.InputFile;
import org.thememiner.ingest.InputScanner;
import org.thememiner.ingest.Paper;

/** Progress lines of the extract and annotate stages, counted by Spark accumulators on real inputs. */
class ProgressTest {
  private final SparkContext sc = TestData.spark().sparkContext();
  private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
  private final PrintStream console = new PrintStream(sink, true, StandardCharsets.UTF_8);

  private String shown() {
    return sink.toString(StandardCharsets.UTF_8);
  }

  /** A progress display that shows only when told to (an interval longer than any test). */
  private Progress progress(String stage, long papers, long work, boolean estimated, boolean terminal) {
    return new Progress(sc, stage, papers, work, estimated, console, terminal, Duration.ofDays(1));
  }

  @Test
  void plainLinesGivePapersDoneOfTheTotalTokensARateAndTheTimeLeft() throws Exception {
    List<InputFile> files = InputScanner.scan(List.of(TestData.jats("journal.pmed.1001473.xml").toString(),
        TestData.jats("journal.pone.0153170.xml").toString(), TestData.pdf("tully-2010-heart-failure-programmes.pdf").toString()));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);

    JavaRDD<Paper> papers;
    try (Progress extract = progress("extract", files.size(), files.stream().mapToLong(InputFile::size).sum(), true, false)) {
      papers = new ExtractStage(ExtractOptions.DEFAULT).transform(jsc, files, extract.counters()).map(ExtractStage.Outcome::paper);
      assertEquals(3, papers.count());
      extract.report();
    }
    String extractLine = shown().lines().reduce((a, b) -> b).orElseThrow();
    assertTrue(extractLine.matches("extract   3/3 papers, ~[\\d,]+ tokens, [\\d,]+ tokens/s, ETA 0s"), extractLine);

    long chars = papers.map(Paper::textLength).reduce(Long::sum);
    long tokens;
    try (Progress annotate = progress("annotate", 3, chars, false, false)) {
      tokens = new AnnotateStage(AnnotatorSettings.DEFAULT).transform(papers, annotate.counters())
          .flatMap(o -> o.sentences().iterator()).map(s -> (long) s.tokens().size()).reduce(Long::sum);
      annotate.report();
    }
    String annotateLine = shown().lines().reduce((a, b) -> b).orElseThrow();
    assertTrue(annotateLine.startsWith(String.format(Locale.ROOT, "annotate  3/3 papers, %,d tokens, ", tokens)), annotateLine);
    assertTrue(annotateLine.matches("annotate  .*, [\\d,]+ tokens/s, ETA 0s"), annotateLine);
    assertEquals(2, shown().lines().count(), "one line each time progress is shown, none at the end");
  }

  @Test
  void theTimeLeftFollowsTheShareOfWorkDone() {
    try (Progress p = progress("annotate", 4, 1000, false, false)) {
      assertTrue(shownAfter(p).endsWith("0/4 papers, 0 tokens, 0 tokens/s, ETA unknown"), shown());
      p.counters().paperDone(1500, 250);
      assertTrue(shownAfter(p).matches("annotate  1/4 papers, 1,500 tokens, [\\d,]+ tokens/s, ETA (\\d+m)?\\d+s"), shown());
    }
  }

  @Test
  void onATerminalOneLineIsRewrittenAndBlankedAtTheEnd() {
    try (Progress p = progress("annotate", 2, 100, false, true)) {
      p.report();
      p.counters().paperDone(10, 50);
      p.report();
    }
    String s = shown();
    assertFalse(s.contains("\n"), "no new lines on a terminal: " + s);
    assertTrue(s.startsWith("\rannotate  0/2 papers, 0 tokens,"), s);
    assertTrue(s.contains("\rannotate  1/2 papers, 10 tokens,"), s);
    assertTrue(s.endsWith("\r"), "the line is blanked for the stage's own line");
  }

  @Test
  void withoutATerminalLinesComeEveryIntervalFromTheDriverThread() throws Exception {
    try (Progress p = new Progress(sc, "extract", 1, 1, true, console, false, Duration.ofMillis(20))) {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (shown().lines().count() < 2 && System.nanoTime() < deadline) Thread.sleep(20);
    }
    long lines = shown().lines().count();
    assertTrue(lines >= 2, shown());
    Thread.sleep(100);
    assertEquals(lines, shown().lines().count(), "nothing after the stage ends");
  }

  private String shownAfter(Progress p) {
    p.report();
    return shown().lines().reduce((a, b) -> b).orElseThrow();
  }
}
