package org.thememiner.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.ProcessRun;
import org.thememiner.TestData;
import org.thememiner.job.ChildJvm;
import org.thememiner.report.Json;

/**
 * {@code thememiner bench} end to end on a small real corpus, in a JVM of its own (it starts and stops Spark
 * sessions of its own): every figure issue 4 names is there, and the rerun is the one a scheduled rerun makes.
 * The figures' values are measured by the bench itself, not asserted here; how they are made of the rounds is.
 */
class BenchmarkTest {
  @TempDir Path work;

  @Test
  void writesEveryFigure_andTheRerunAfterFivePercentNewPapersReusesTheSavedModelAndTheUnchangedAssignments() throws Exception {
    Path corpus = Files.createDirectories(work.resolve("corpus"));
    for (String j : List.of("journal.pmed.0040303.xml", "journal.pbio.1001044.xml", "journal.pmed.0030205.xml",
        "journal.pmed.0020402.xml", "journal.pcbi.0030158.xml", "journal.ppat.1005207.xml", "journal.pbio.0030408.xml",
        "journal.pone.0108198.xml")) {
      Files.copy(TestData.jats(j), corpus.resolve(j));
    }
    Path out = work.resolve("bench.json");
    Path log = work.resolve("bench.log");
    ProcessRun bench = ProcessRun.of(ChildJvm.thememiner("bench", "--corpus", corpus.toString(), "--out", out.toString(),
        "--rounds", "2"), log, Duration.ofMinutes(15));
    String output = bench.output();
    assertEquals(0, bench.exitCode(), output);

    JsonNode r = Json.MAPPER.readTree(out.toFile());
    assertEquals(8, r.get("papers").asInt(), output);
    for (String figure : List.of("tokens", "raw_tokens_per_s", "job_tokens_per_s_1core", "job_tokens_per_s_allcores",
        "overhead_ratio", "speedup_allcores", "full_run_s", "rerun_s", "rerun_ratio", "rerun_refit_s",
        "peak_driver_heap_mb", "heap_limit_mb")) {
      assertTrue(r.path(figure).asDouble() > 0, figure + " in " + r);
    }
    assertEquals(1, r.get("rerun_new_papers").asInt(), "5% of 8 papers, at least one");
    assertTrue(r.get("rerun_model_reused").asBoolean(), "the default rerun puts the new sentences into the saved model");
    assertEquals(8, r.get("rerun_carried_papers").asInt(), "the unchanged papers keep the full run's assignments");
    assertEquals(2, r.get("rounds").asInt());
    JsonNode rounds = r.get("each_round");
    for (String figure : List.of("raw_s", "job1core_s", "job_allcores_s", "rerun_s")) {
      assertEquals(2, rounds.path(figure).size(), figure + " of each round in " + r);
    }
    assertEquals(Benchmark.median(List.of(rounds.get("rerun_s").get(0).asDouble(), rounds.get("rerun_s").get(1).asDouble())),
        r.get("rerun_s").asDouble(), 1e-9, "the rerun figure is the median of the rounds' reruns");
    assertEquals((rounds.get("job1core_s").get(0).asDouble() / rounds.get("raw_s").get(0).asDouble()
        + rounds.get("job1core_s").get(1).asDouble() / rounds.get("raw_s").get(1).asDouble()) / 2,
        r.get("overhead_ratio").asDouble(), 1e-9, "the overhead is the median of each round's ratio");
    for (String run : List.of("full_run", "rerun", "rerun_refit")) {
      for (String stage : List.of("extract", "annotate", "themes", "report")) {
        assertTrue(r.path("stage_seconds").path(run).has(stage), run + " " + stage + " in " + r);
      }
    }
  }

  @Test
  void aMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
    assertEquals(2.0, Benchmark.median(List.of(3.0, 1.0, 2.0)));
    assertEquals(2.5, Benchmark.median(List.of(4.0, 1.0, 3.0, 2.0)));
    assertEquals(7.0, Benchmark.median(List.of(7.0)));
    assertEquals(2.0, Benchmark.medianRatio(List.of(2.0, 9.0, 4.0), List.of(1.0, 3.0, 4.0)), "2, 3 and 1: each pair its own ratio");
  }
}
