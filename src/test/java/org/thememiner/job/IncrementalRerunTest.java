package org.thememiner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.TestData;
import org.thememiner.job.spec.JobConfigLoader;
import org.thememiner.report.Json;

/** A rerun reuses what the cache holds and ends with exactly the outputs of a run without cache. */
class IncrementalRerunTest {
  @TempDir Path work;

  private String run(Path in, Path out, boolean cache) throws Exception {
    ObjectNode flags = JsonNodeFactory.instance.objectNode();
    flags.putArray("input").add(in.toString());
    flags.put("out", out.toString());
    if (!cache) flags.put("cache", "off");
    flags.putObject("themes").put("k", 4).put("stabilitySeeds", 0);
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    ThememinerJob job = new ThememinerJob(JobConfigLoader.load(null, flags), new PrintStream(console, true, StandardCharsets.UTF_8));
    assertEquals(ExitCode.OK, job.run(TestData.spark(), job.preflight()));
    return console.toString(StandardCharsets.UTF_8);
  }

  /** "N sentences, M tokens" of the annotate line. */
  private static String annotated(String console) {
    String line = console.lines().filter(l -> l.startsWith("annotate") && l.contains(" tokens (")).findFirst().orElseThrow();
    return line.substring("annotate".length(), line.indexOf(" (")).trim();
  }

  @Test
  void aRerunAfterNewPapersReusesTheRestAndMatchesAFreshRun() throws Exception {
    Path in = Files.createDirectories(work.resolve("in"));
    for (String j : List.of("journal.pmed.1001473.xml", "journal.pone.0116586.xml", "journal.pone.0153170.xml")) {
      Files.copy(TestData.jats(j), in.resolve(j));
    }
    Path out = work.resolve("out");
    String first = run(in, out, true);
    assertTrue(first.contains("3 papers (0 from cache)"), first);

    Files.copy(TestData.jats("journal.pmed.0020124.xml"), in.resolve("journal.pmed.0020124.xml"));
    // Same bytes under a new name: a new paper, extracted again (a title may come from the file name) but
    // not annotated again.
    Files.copy(TestData.jats("journal.pone.0116586.xml"), in.resolve("renamed-copy.xml"));
    String second = run(in, out, true);
    assertTrue(second.contains("5 papers (3 from cache)"), second);
    assertTrue(second.lines().anyMatch(l -> l.startsWith("annotate") && l.contains("(4 papers from cache)")), second);
    JsonNode drift = Json.MAPPER.readTree(out.resolve("drift.json").toFile());
    assertEquals(List.of("journal-pmed-0020124", "renamed-copy"),
        List.of(drift.get("papersAdded").get(0).asText(), drift.get("papersAdded").get(1).asText()));
    assertTrue(drift.get("matched").size() > 0, "themes of the earlier run are found again");
    // Every file of a batch is one more for each later lookup: a batch has at most one per core.
    int cores = TestData.spark().sparkContext().defaultParallelism();
    try (var dirs = Files.walk(out.resolve("cache"))) {
      List<Path> batches = dirs.filter(d -> d.getFileName().toString().startsWith("batch-")).toList();
      // The default representation embeds sentences, so the embeddings are cached as well.
      Map<String, Long> perTable = batches.stream().collect(java.util.stream.Collectors.groupingBy(
          b -> out.resolve("cache").relativize(b).getName(0).toString(), java.util.TreeMap::new, java.util.stream.Collectors.counting()));
      assertEquals(Map.of("embeddings", 2L, "papers", 2L, "sentences", 2L), perTable,
          "papers, sentences and embeddings, a batch of each per run: " + batches);
      for (Path batch : batches) {
        try (var files = Files.list(batch)) {
          long parts = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).count();
          assertTrue(parts >= 1 && parts <= cores, parts + " files in " + batch);
        }
      }
    }

    Path fresh = work.resolve("fresh");
    String uncached = run(in, fresh, false);
    assertEquals(annotated(uncached), annotated(second), "sentences and tokens counted from the cache, each copy's too");
    for (String file : List.of("themes.json", "assignments.csv", "papers.jsonl")) {
      assertEquals(Files.readString(fresh.resolve(file)), Files.readString(out.resolve(file)),
          file + " of the cached rerun equals a run without cache");
    }
  }

  /** The first Parquet file of the one batch in {@code cache/TABLE/key=...}. */
  private static Path firstBatchFile(Path cache, String table) throws Exception {
    try (var files = Files.walk(cache.resolve(table))) {
      return files.filter(f -> f.getFileName().toString().startsWith("part-") && f.toString().endsWith(".parquet"))
          .sorted().findFirst().orElseThrow();
    }
  }

  @Test
  void aCacheBatchThatCannotBeReadIsSetAsideAndItsEntriesAreMadeAgain() throws Exception {
    Path in = Files.createDirectories(work.resolve("in"));
    for (String j : List.of("journal.pmed.1001473.xml", "journal.pone.0116586.xml")) Files.copy(TestData.jats(j), in.resolve(j));
    Path out = work.resolve("out");
    run(in, out, true);
    Map<String, String> firstOutputs = new LinkedHashMap<>();
    for (String file : List.of("themes.json", "assignments.csv", "papers.jsonl")) firstOutputs.put(file, Files.readString(out.resolve(file)));

    // Damage done outside the job (the job renames only whole batches into place): a file cut short in each table.
    // Hadoop's checksum catches the papers one; without its .crc, the sentences one fails as no Parquet file.
    Path cache = out.resolve("cache");
    for (String table : List.of("papers", "sentences")) {
      Path file = firstBatchFile(cache, table);
      byte[] bytes = Files.readAllBytes(file);
      Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
      if (table.equals("sentences")) Files.delete(file.resolveSibling("." + file.getFileName() + ".crc"));
    }
    String second = run(in, out, true);
    assertTrue(second.contains("2 papers (0 from cache)"), "the papers are extracted again: " + second);
    assertTrue(second.lines().anyMatch(l -> l.startsWith("annotate") && l.contains("(0 papers from cache)")),
        "and annotated again: " + second);
    for (String table : List.of("papers", "sentences")) {
      assertTrue(second.lines().anyMatch(l -> l.startsWith("cache") && l.contains("/" + table + "/") && l.contains("cannot be read")),
          "the log names the " + table + " batch set aside: " + second);
      assertTrue(Files.isDirectory(cache.resolve("_damaged").resolve(table)), "kept aside, not deleted");
    }
    for (String file : firstOutputs.keySet()) {
      assertEquals(firstOutputs.get(file), Files.readString(out.resolve(file)), file + " as in the run before the damage");
    }
    String third = run(in, out, true);
    assertTrue(third.contains("2 papers (2 from cache)"), "the entries made again are cached: " + third);
  }
}
