package org.thememiner.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.ProcessRun;
import org.thememiner.TestData;
import org.thememiner.job.rerun.CacheCheckpoints;
import org.thememiner.job.spec.JobConfigLoader;
import org.thememiner.report.Json;

/**
 * kill -9 in the middle of a run, twice, then a run to the end: the outputs are exactly those of a run never
 * interrupted, the cache batches the killed runs wrote are reused, and no output in the folder is ever half
 * written. The runs are child JVMs ({@link ChildJvm}) killed with SIGKILL.
 */
class KillRestartTest {
  @TempDir Path work;

  /**
   * The job: the papers in {@code in}, three themes, no stability refits (keeps it short).
   *
   * @param settings more lines of the job spec
   */
  private Path spec(Path in, Path out, String... settings) throws IOException {
    return Files.writeString(work.resolve(out.getFileName() + ".yaml"), String.join("\n",
        "input: [" + in + "]",
        "out: " + out,
        "themes: {k: 3, stabilitySeeds: 0}", String.join("\n", settings), ""));
  }

  @Test
  void aRunKilledTwiceAndStartedAgainEndsWithTheOutputsOfARunNeverInterrupted() throws Exception {
    Path in = Files.createDirectories(work.resolve("in"));
    for (String j : List.of("journal.pone.0116586.xml", "journal.pone.0153170.xml")) {
      Files.copy(TestData.jats(j), in.resolve(j));
    }
    Files.copy(TestData.pdf("agyeman-duah-2014-quality-improvement-ghana.pdf"), in.resolve("agyeman-duah-2014.pdf"));

    Path reference = work.resolve("reference");
    ObjectNode sameMaster = JsonNodeFactory.instance.objectNode().put("master", "local[2]");
    ThememinerJob uninterrupted = new ThememinerJob(JobConfigLoader.load(spec(in, reference), sameMaster),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertEquals(ExitCode.OK, uninterrupted.run(TestData.spark(), uninterrupted.preflight()));

    Path out = work.resolve("out");
    Path spec = spec(in, out);
    Path papers = out.resolve("cache/papers");
    Path sentences = out.resolve("cache/sentences");

    // 1: killed while annotating, once the extracted papers are in the cache.
    String first = killWhen(spec, "first", () -> batches(papers).size() == 1);
    assertTrue(batches(sentences).isEmpty(), "killed before any annotation was cached\n" + first);
    assertNoHalfWrittenOutput(out, reference);

    // 2: killed after annotating, once the annotated sentences are in the cache (finding themes).
    String second = killWhen(spec, "second", () -> batches(sentences).size() == 1);
    assertTrue(second.lines().anyMatch(l -> l.startsWith("extract") && l.contains("3 papers (3 from cache)")), second);
    assertNoHalfWrittenOutput(out, reference);

    // 3: to the end, reusing both.
    String console = runToEnd(spec, "third");
    assertTrue(console.lines().anyMatch(l -> l.startsWith("extract") && l.contains("3 papers (3 from cache)")), console);
    assertTrue(console.lines().anyMatch(l -> l.startsWith("annotate") && l.contains("(3 papers from cache)")), console);
    assertEquals(1, batches(papers).size(), "nothing extracted again: " + batches(papers));
    assertEquals(1, batches(sentences).size(), "nothing annotated again: " + batches(sentences));

    for (String file : List.of("themes.json", "assignments.csv", "papers.jsonl", "errors.jsonl", "comparison.json")) {
      assertArrayEquals(Files.readAllBytes(reference.resolve(file)), Files.readAllBytes(out.resolve(file)),
          file + " equals that of the run never interrupted");
    }
    assertEquals(withoutTimesAndPlaces(reference), withoutTimesAndPlaces(out), "run.json apart from times and folders");

    Dataset<Row> expected = TestData.spark().read().parquet(reference.resolve("sentences").toString());
    Dataset<Row> got = TestData.spark().read().parquet(out.resolve("sentences").toString());
    long count = expected.count();
    assertEquals(count, got.count(), "as many sentences");
    assertEquals(count, got.select("paper_id", "sentence_no").distinct().count(), "no sentence twice");
    assertEquals(0, expected.exceptAll(got).count(), "no sentence missing or changed");
  }

  /**
   * Eight PLOS articles annotated one paper per commit: killed once the first task has committed, the run
   * started again takes every committed paper from the cache and annotates only the others, and ends with the
   * outputs of a run never interrupted.
   */
  @Test
  void aRunKilledWhileAnnotatingKeepsWhatItsTasksCommittedAndAnnotatesOnlyTheRest() throws Exception {
    Path in = Files.createDirectories(work.resolve("in"));
    List<String> papers = List.of("journal.pmed.0020007.xml", "journal.pbio.1001636.xml", "journal.pbio.1001289.xml",
        "journal.pbio.1000359.xml", "journal.pgen.1003316.xml", "journal.pmed.0020124.xml", "journal.pgen.1002912.xml",
        "journal.pgen.1000052.xml");
    for (String j : papers) Files.copy(TestData.jats(j), in.resolve(j));
    String oneByOne = "annotate: {cacheBatchPapers: 1}";

    Path reference = work.resolve("reference");
    ThememinerJob uninterrupted = new ThememinerJob(JobConfigLoader.load(spec(in, reference, oneByOne),
        JsonNodeFactory.instance.objectNode().put("master", "local[2]")),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertEquals(ExitCode.OK, uninterrupted.run(TestData.spark(), uninterrupted.preflight()));

    Path out = work.resolve("out");
    Path spec = spec(in, out, oneByOne);
    Path sentences = out.resolve("cache/sentences");
    String killed = killWhen(spec, "killed", () -> !folders(sentences, CacheCheckpoints.PREFIX).isEmpty());
    assertTrue(batches(sentences).isEmpty(), "killed while annotating\n" + killed);
    List<Path> checkpoints = folders(sentences, CacheCheckpoints.PREFIX);
    long committed = TestData.spark().read().parquet(checkpoints.stream().map(Path::toString).toArray(String[]::new))
        .select("sha256").distinct().count();
    assertTrue(committed >= 1 && committed < papers.size(), committed + " papers committed when killed\n" + killed);

    List<Path> killedTemporary;
    try (Stream<Path> tmp = Files.list(out.resolve("cache/_tmp"))) {
      killedTemporary = tmp.toList();
    }
    assertEquals(1, killedTemporary.size(), "the killed run wrote through its temporary folder: " + killedTemporary);

    String console = runToEnd(spec, "resumed");
    assertTrue(console.lines().anyMatch(l -> l.startsWith("annotate") && l.contains("(" + committed + " papers from cache)")),
        "the papers committed before the kill are not annotated again\n" + console);
    JsonNode annotate = null;
    for (JsonNode stage : Json.MAPPER.readTree(out.resolve("run.json").toFile()).get("stages")) {
      if (stage.get("stage").asText().equals("annotate")) annotate = stage.get("counts");
    }
    assertEquals(papers.size() - committed, annotate.get("annotated").asLong(), "the others are annotated: " + annotate);
    assertEquals(committed, annotate.get("reused").asLong(), annotate.toString());
    assertEquals(1, batches(sentences).size(), "the resumed run's batch: " + batches(sentences));
    assertEquals(checkpoints, folders(sentences, CacheCheckpoints.PREFIX), "the killed run's checkpoints stay, read as batches");
    assertFalse(Files.exists(killedTemporary.get(0)), "the killed run's temporary files are gone");
    for (String file : List.of("themes.json", "assignments.csv", "papers.jsonl", "errors.jsonl")) {
      assertArrayEquals(Files.readAllBytes(reference.resolve(file)), Files.readAllBytes(out.resolve(file)),
          file + " equals that of the run never interrupted");
    }
  }

  @FunctionalInterface
  private interface Condition {
    boolean holds() throws IOException;
  }

  /** Starts the job, sends SIGKILL once {@code when} holds while it still runs; its console. */
  private String killWhen(Path spec, String name, Condition when) throws Exception {
    Path log = work.resolve(name + ".log");
    Process run = ChildJvm.thememiner("run", "--job", spec.toString(), "--master", "local[2]")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
      while (!when.holds()) {
        if (!run.isAlive()) fail("the " + name + " run ended (" + run.exitValue() + ") before the point to kill it\n" + Files.readString(log));
        if (System.nanoTime() > deadline) fail("the " + name + " run never reached the point to kill it\n" + Files.readString(log));
        Thread.sleep(20);
      }
      assertTrue(run.isAlive(), "the " + name + " run is still running when killed");
    } finally {
      run.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks in the child
    }
    assertTrue(run.waitFor(60, TimeUnit.SECONDS));
    assertEquals(137, run.exitValue(), "killed by SIGKILL");
    return Files.readString(log);
  }

  /** Runs the job to its end; its console, once it has exited 0. */
  private String runToEnd(Path spec, String name) throws Exception {
    ProcessRun run = ProcessRun.of(ChildJvm.thememiner("run", "--job", spec.toString(), "--master", "local[2]"),
        work.resolve(name + ".log"), Duration.ofMinutes(5));
    assertEquals(ExitCode.OK, run.exitCode(), run.output());
    return run.output();
  }

  /** The batches of a cache table, over all its keys. */
  private static List<Path> batches(Path table) throws IOException {
    return folders(table, "batch-");
  }

  /** The folders of a cache table whose names start with {@code prefix}, over all its keys. */
  private static List<Path> folders(Path table, String prefix) throws IOException {
    if (!Files.isDirectory(table)) return List.of();
    try (Stream<Path> keys = Files.list(table)) {
      return keys.flatMap(k -> {
        try (Stream<Path> b = Files.list(k)) {
          return b.filter(p -> p.getFileName().toString().startsWith(prefix)).toList().stream();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }

  /** Every output a killed run left under its own name is whole: the file the run never interrupted wrote. */
  private static void assertNoHalfWrittenOutput(Path out, Path reference) throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
        assertArrayEquals(Files.readAllBytes(reference.resolve(f.getFileName())), Files.readAllBytes(f),
            f.getFileName() + " left by a killed run is whole");
      }
    }
  }

  private static JsonNode withoutTimesAndPlaces(Path run) throws IOException {
    ObjectNode info = (ObjectNode) Json.MAPPER.readTree(run.resolve("run.json").toFile());
    info.remove(List.of("startedAt", "finishedAt", "stages"));
    ((ObjectNode) info.get("settings")).remove(List.of("out", "cache"));
    return info;
  }
}
