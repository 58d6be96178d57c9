package org.thememiner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.ingest.InputFailure;
import org.thememiner.report.RunLayout;
import org.thememiner.report.StageTiming;

/** The runner times every stage, prints its line and keeps its figures for run.json; stages report failed inputs. */
class StageRunnerTest {
  @TempDir Path outDir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
  private final StageRunner runner = new StageRunner(out);
  private StageContext context;

  @BeforeEach
  void newRun() {
    context = new StageContext(null, null, null, outDir, out, new InputFailures(), runner);
  }

  /** A stage that sleeps {@code millis}, runs {@code inner} inside it when given, and counts one item. */
  private record Sleeping(String name, long millis, Stage<String, String> inner) implements Stage<String, String> {
    @Override
    public Done<String> run(StageContext context, String input) throws java.io.IOException, RunStoppedException {
      sleep(millis);
      String made = inner == null ? input : context.run(inner, input);
      return Done.of(made + "+" + name, "did " + name, "items", 1, "failed", 0L);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void recordsEachStagesTimeAndCounts_andPrintsItsLine() throws Exception {
    assertEquals("in+extract", context.run(new Sleeping("extract", 50, null), "in"));
    StageTiming timing = runner.timings().get(0);
    assertEquals("extract", timing.stage());
    assertTrue(timing.seconds() >= 0.05 && timing.seconds() < 5, "timed: " + timing.seconds());
    assertEquals(Map.of("items", 1L, "failed", 0L), timing.counts());
    String line = console.toString(StandardCharsets.UTF_8);
    assertTrue(line.matches("extract   did extract {52} +\\d+\\.\\d s\\n"), line);
  }

  @Test
  void aStageRunInsideAnotherIsTimedOnItsOwn_andNotCountedAgainInTheOuterOne() throws Exception {
    assertEquals("in+embed+themes", context.run(new Sleeping("themes", 20, new Sleeping("embed", 400, null)), "in"));
    List<StageTiming> timings = runner.timings();
    assertEquals(List.of("embed", "themes"), timings.stream().map(StageTiming::stage).toList(), "in the order they finished");
    assertTrue(timings.get(0).seconds() >= 0.4, "embed: " + timings.get(0).seconds());
    assertTrue(timings.get(1).seconds() < 0.4, "themes without embed's time: " + timings.get(1).seconds());
    String[] lines = console.toString(StandardCharsets.UTF_8).split("\n");
    assertTrue(lines[0].startsWith("embed ") && lines[1].startsWith("themes "), String.join("\n", lines));
  }

  @Test
  void aStageThatStopsTheRunGetsNoLineAndNoTiming() {
    Stage<String, String> stopping = new Stage<>() {
      @Override
      public String name() {
        return "themes";
      }

      @Override
      public Done<String> run(StageContext context, String input) throws RunStoppedException {
        throw new RunStoppedException("the sentences are too few for 4 themes");
      }
    };
    RunStoppedException e = assertThrows(RunStoppedException.class, () -> context.run(stopping, "in"));
    assertEquals("the sentences are too few for 4 themes", e.getMessage());
    assertEquals(List.of(), runner.timings());
    assertEquals("", console.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theFailuresStagesFindAreKeptInOrder_andWrittenAsErrorsJsonl() throws Exception {
    InputFailure unreadable = new InputFailure("in/a.pdf", "a", "read", "cannot read the file: gone");
    InputFailure noText = new InputFailure("in/b.pdf", "b", "extract", "no text");
    InputFailure hashless = new InputFailure("in/c.pdf", null, "read", "cannot read the file: gone");
    Stage<String, String> failing = new Stage<>() {
      @Override
      public String name() {
        return "extract";
      }

      @Override
      public Done<String> run(StageContext context, String input) {
        context.failures().addAll(List.of(unreadable, noText, hashless));
        return Done.of(input, "3 failed", "failed", 3);
      }
    };
    context.run(failing, "in");
    assertEquals(List.of(unreadable, noText, hashless), context.failures().list());
    assertEquals(java.util.Set.of("a", "b"), context.failures().paperIds());
    context.failures().write(outDir);
    List<String> lines = Files.readAllLines(outDir.resolve(RunLayout.ERRORS));
    assertEquals(3, lines.size());
    assertTrue(lines.get(0).contains("\"path\":\"in/a.pdf\"") && lines.get(1).contains("\"stage\":\"extract\""), lines.toString());
  }
}
