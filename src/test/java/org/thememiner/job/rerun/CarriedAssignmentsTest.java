package org.thememiner.job.rerun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.TestData;
import org.thememiner.job.spec.JobConfig;
import org.thememiner.job.ExitCode;
import org.thememiner.job.ThememinerJob;
import org.thememiner.job.spec.JobConfigLoader;
import org.thememiner.report.Json;
import org.thememiner.themes.ThemeModel;

/**
 * A rerun that reuses the saved model takes the previous run's assignments of unchanged papers instead of
 * assigning them again, their papers.jsonl lines instead of writing them again and their sentence codes instead of
 * coding them again; its outputs are exactly those of assigning and coding every sentence.
 */
class CarriedAssignmentsTest {
  @TempDir Path work;

  /** A run into {@code runs/folder} as {@code thememiner rerun} makes it; the console output. */
  private String run(Path in, String folder, String previous, String mode) throws Exception {
    return run(in, folder, previous, mode, null);
  }

  /** @param constructs a construct set to compare with, on sentence embeddings; null for none, on TF-IDF */
  private String run(Path in, String folder, String previous, String mode, Path constructs) throws Exception {
    Path runs = work.resolve("runs");
    ObjectNode flags = JsonNodeFactory.instance.objectNode();
    flags.putArray("input").add(in.toString());
    flags.put("out", runs.resolve(folder).toString());
    flags.put("cache", runs.resolve("cache").toUri().toString());
    ObjectNode themes = flags.putObject("themes").put("k", 4).put("stabilitySeeds", 0);
    if (constructs != null) {
      flags.putArray("constructs").add(constructs.toString());
      themes.put("representation", "embedding");
    }
    flags.putObject("rerun").put("mode", mode).put("model", work.resolve("model").toString());
    JobConfig config = JobConfigLoader.load(null, flags);
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    ThememinerJob job = new ThememinerJob(config, new PrintStream(console, true, StandardCharsets.UTF_8),
        RunPlan.rerun(previous == null ? null : runs.resolve(previous), config));
    assertEquals(ExitCode.OK, job.run(TestData.spark(), job.preflight()));
    return console.toString(StandardCharsets.UTF_8);
  }

  @Test
  void unchangedPapersKeepTheirRows_newAndChangedOnesAreAssigned_andTheOutputsMatchAssigningAll() throws Exception {
    Path in = Files.createDirectories(work.resolve("in"));
    for (String j : List.of("journal.pmed.1001473.xml", "journal.pone.0116586.xml", "journal.pone.0153170.xml")) {
      Files.copy(TestData.jats(j), in.resolve(j));
    }
    String first = run(in, "first", null, "auto");
    assertTrue(first.contains("no saved model yet"), first);

    Files.copy(TestData.jats("journal.pmed.0020124.xml"), in.resolve("journal.pmed.0020124.xml"));
    // Changed bytes: the same id, but its rows must not be carried.
    Files.writeString(in.resolve("journal.pone.0153170.xml"), "\n<!-- edited -->\n", StandardOpenOption.APPEND);
    String carried = run(in, "carried", "first", "assign");
    assertTrue(carried.contains("2 unchanged papers' assignments taken from " + work.resolve("runs").resolve("first")), carried);
    assertEquals(2, stageCount(work.resolve("runs").resolve("carried"), "extract", "carried"),
        "papers.jsonl lines of the unchanged papers are copied: " + carried);

    String all = run(in, "all", null, "assign");
    assertFalse(all.contains("taken from"), "without a previous run every sentence is assigned: " + all);
    assertEquals(0, stageCount(work.resolve("runs").resolve("all"), "extract", "carried"));
    assertSameOutputs("carried", "all");

    // A refit replaces the saved model: the rows of a run made with the old one no longer apply.
    run(in, "refit", "carried", "refit");
    String afterRefit = run(in, "after-refit", "carried", "assign");
    assertFalse(afterRefit.contains("taken from"), "the previous run's model is not the saved one: " + afterRefit);
    String fromRefit = run(in, "from-refit", "refit", "assign");
    assertTrue(fromRefit.contains("4 unchanged papers' assignments taken from"), "a refit run's model is the saved one: " + fromRefit);
    assertSameOutputs("after-refit", "from-refit");

    // Every paper of the previous table carried and one added: its files are copied, the new rows written beside.
    Path grownIn = Files.createDirectories(work.resolve("grown-in"));
    try (var files = Files.list(in)) {
      for (Path f : files.toList()) Files.copy(f, grownIn.resolve(f.getFileName()));
    }
    Files.copy(TestData.jats("journal.pone.0097541.xml"), grownIn.resolve("journal.pone.0097541.xml"));
    String grown = run(grownIn, "grown", "from-refit", "assign");
    assertTrue(grown.contains("4 unchanged papers' assignments taken from"), grown);
    // The same ids and bytes, but other paths: a paper's line names its file, so none is copied.
    assertEquals(0, stageCount(work.resolve("runs").resolve("grown"), "extract", "carried"));
    assertTrue(partFiles("grown").containsAll(partFiles("from-refit")) && partFiles("grown").size() > partFiles("from-refit").size(),
        "the previous files and the added ones: " + partFiles("grown"));
    run(grownIn, "grown-all", null, "assign");
    assertSameOutputs("grown", "grown-all");

    // Made by another version, a previous run's lines and rows are not this version's to copy.
    Path runJson = work.resolve("runs").resolve("grown").resolve("run.json");
    ObjectNode info = (ObjectNode) Json.MAPPER.readTree(runJson.toFile());
    ((ObjectNode) info.get("versions")).put("thememiner", "0.0.1");
    Json.MAPPER.writeValue(runJson.toFile(), info);
    String afterOtherVersion = run(grownIn, "after-other-version", "grown", "assign");
    assertFalse(afterOtherVersion.contains("taken from"), afterOtherVersion);
    assertEquals(0, stageCount(work.resolve("runs").resolve("after-other-version"), "extract", "carried"));
    String fromSameVersion = run(grownIn, "from-same-version", "grown-all", "assign");
    assertEquals(5, stageCount(work.resolve("runs").resolve("from-same-version"), "extract", "carried"), fromSameVersion);
    assertSameOutputs("after-other-version", "grown-all");
    assertSameOutputs("from-same-version", "grown-all");

    // A damaged previous run is not a reason to fail: every sentence is assigned again.
    try (var parts = Files.list(work.resolve("runs").resolve("from-refit").resolve("sentences"))) {
      for (Path part : parts.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList()) {
        Files.writeString(part, "not parquet");
      }
    }
    String afterDamage = run(in, "after-damage", "from-refit", "assign");
    assertFalse(afterDamage.contains("taken from"), afterDamage);
    assertTrue(afterDamage.contains("cannot be read") && afterDamage.contains(work.resolve("runs").resolve("from-refit").resolve("sentences").toString()),
        "the log names the unreadable folder: " + afterDamage);
    assertSameOutputs("after-damage", "after-refit");
  }

  /**
   * With construct sets, the codes of unchanged papers are carried too when the sets are the same files: only the new
   * papers' sentences are embedded and coded, and the outputs are exactly those of coding every sentence.
   */
  @Test
  void unchangedPapersKeepTheirCodes_onlyNewOnesAreEmbeddedAndCoded_andTheOutputsMatchCodingAll() throws Exception {
    Path in = Files.createDirectories(work.resolve("in"));
    for (String j : List.of("journal.pmed.1001473.xml", "journal.pone.0116586.xml", "journal.pone.0153170.xml")) {
      Files.copy(TestData.jats(j), in.resolve(j));
    }
    Path set = Files.copy(Path.of("models/constructs/gallacher-2013.yaml"), work.resolve("gallacher-2013.yaml"));
    run(in, "first", null, "assign", set);
    Files.copy(TestData.jats("journal.pmed.0020124.xml"), in.resolve("journal.pmed.0020124.xml"));

    String carried = run(in, "carried", "first", "assign", set);
    assertTrue(carried.contains("3 unchanged papers' assignments taken from"), carried);
    assertEquals(List.of(3L), stageCounts(work.resolve("runs/carried"), "code", "carriedPapers"), carried);
    // One embed stage, inside the themes stage, for the new paper's sentences: the others' vectors are not read.
    List<Long> embedded = stageCounts(work.resolve("runs/carried"), "embed", "embedded");
    List<Long> fromCache = stageCounts(work.resolve("runs/carried"), "embed", "fromCache");
    long newPaperRows = sentenceTable(work.resolve("runs/carried"))
        .join(sentenceTable(work.resolve("runs/first")).select("paper_id").distinct(), new String[] {"paper_id"}, "left_anti").count();
    assertEquals(1, embedded.size(), carried);
    assertTrue(embedded.get(0) > 0 && embedded.get(0) + fromCache.get(0) <= newPaperRows,
        embedded + " embedded and " + fromCache + " from the cache, of the new paper's " + newPaperRows + " sentences: " + carried);

    String all = run(in, "all", null, "assign", set);
    assertEquals(List.of(0L), stageCounts(work.resolve("runs/all"), "code", "carriedPapers"), all);
    assertSameCodes("carried", "all");

    // Other bytes, the same constructs: the codes are made again, and come out the same.
    Path edited = Files.copy(set, Files.createDirectories(work.resolve("edited")).resolve("gallacher-2013.yaml"));
    Files.writeString(edited, "\n# edited\n", StandardOpenOption.APPEND);
    String recoded = run(in, "recoded", "carried", "assign", edited);
    assertTrue(recoded.contains("4 unchanged papers' assignments taken from"), recoded);
    assertEquals(List.of(0L), stageCounts(work.resolve("runs/recoded"), "code", "carriedPapers"), recoded);
    JsonNode sets = Json.MAPPER.readTree(work.resolve("runs/recoded/run.json").toFile()).get("constructSets");
    assertEquals(edited.toString(), sets.get(0).get("path").asText());
    assertEquals(64, sets.get(0).get("sha256").asText().length());
    assertSameCodes("recoded", "all");

    // A damaged previous codes/ is not a reason to fail: every sentence is coded again. The damage is in the data,
    // between intact header and footer, so that only reading the rows finds it.
    try (var parts = Files.list(work.resolve("runs/recoded/codes"))) {
      for (Path part : parts.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList()) {
        byte[] bytes = Files.readAllBytes(part);
        java.util.Arrays.fill(bytes, 4, bytes.length / 2, (byte) 0x7f);
        Files.write(part, bytes);
        Files.deleteIfExists(part.resolveSibling("." + part.getFileName() + ".crc"));
      }
    }
    String afterDamage = run(in, "after-damage", "recoded", "assign", edited);
    assertEquals(List.of(0L), stageCounts(work.resolve("runs/after-damage"), "code", "carriedPapers"), afterDamage);
    assertTrue(afterDamage.contains("cannot be read") && afterDamage.contains(work.resolve("runs/recoded/codes").toString()),
        "the log names the unreadable folder: " + afterDamage);
    assertSameCodes("after-damage", "all");
  }

  private void assertSameCodes(String a, String b) {
    Path runs = work.resolve("runs");
    for (String file : List.of("assignments.csv", "comparison.json")) {
      assertEquals(read(runs.resolve(a).resolve(file)), read(runs.resolve(b).resolve(file)), file + " of " + a + " and " + b);
    }
    List<Row> codes = TestData.spark().read().parquet(runs.resolve(a).resolve("codes").toString()).collectAsList();
    assertTrue(codes.size() > 100, "sentences coded: " + codes.size());
    assertEquals(codes, TestData.spark().read().parquet(runs.resolve(b).resolve("codes").toString()).collectAsList(),
        "codes/ of " + a + " and " + b);
  }

  private void assertSameOutputs(String a, String b) {
    Path runs = work.resolve("runs");
    for (String file : List.of("themes.json", "assignments.csv", "papers.jsonl")) {
      assertEquals(read(runs.resolve(a).resolve(file)), read(runs.resolve(b).resolve(file)), file + " of " + a + " and " + b);
    }
    assertEquals(sentences(runs.resolve(a)), sentences(runs.resolve(b)), "sentences/ of " + a + " and " + b);
    // A carried run counts its outliers with the status counts that decided the reuse; a fitting run on its own.
    for (String run : List.of(a, b)) {
      long outlierRows = sentences(runs.resolve(run)).stream()
          .filter(r -> ThemeModel.STATUS_OUTLIER.equals(r.getAs(ThemeModel.THEME_STATUS))).count();
      assertEquals(outlierRows, stageCount(runs.resolve(run), "themes", "outliers"), "outliers in run.json of " + run);
    }
  }

  /** The count of the first stage named so; -1 when there is none. */
  private static long stageCount(Path run, String stageName, String count) {
    List<Long> counts = stageCounts(run, stageName, count);
    return counts.isEmpty() ? -1 : counts.get(0);
  }

  /** Each stage named so's count, in the order the stages finished. */
  private static List<Long> stageCounts(Path run, String stageName, String count) {
    List<Long> out = new java.util.ArrayList<>();
    try {
      for (JsonNode stage : Json.MAPPER.readTree(run.resolve("run.json").toFile()).get("stages")) {
        if (stage.get("stage").asText().equals(stageName)) out.add(stage.path("counts").path(count).asLong(-1));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  private List<String> partFiles(String run) throws java.io.IOException {
    try (var files = Files.list(work.resolve("runs").resolve(run).resolve("sentences"))) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("part-")).sorted().toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Row> sentences(Path run) {
    return sentenceTable(run).orderBy("paper_id", "sentence_no").collectAsList();
  }

  private static org.apache.spark.sql.Dataset<Row> sentenceTable(Path run) {
    return TestData.spark().read().parquet(run.resolve("sentences").toString());
  }
}
