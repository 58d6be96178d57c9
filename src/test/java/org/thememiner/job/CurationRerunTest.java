package org.thememiner.job;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.ProcessRun;
import org.thememiner.TestData;
import org.thememiner.report.Json;
import org.thememiner.report.RunLayout;

/**
 * The job spec's {@code curation} on a rerun that reuses the saved model, as a scheduler runs it (a JVM per run): the
 * example corpus is fitted once, then rerun with each kind of edit, then with an edit naming a theme the model lacks.
 */
class CurationRerunTest {
  @TempDir Path work;

  private ProcessRun rerun(Path spec) throws Exception {
    return ProcessRun.of(ChildJvm.thememiner("rerun", "--job", spec.toString(), "--master", "local[2]"),
        work.resolve("rerun.log"), Duration.ofMinutes(15));
  }

  private Path spec(Path root, String... curation) throws Exception {
    Path spec = work.resolve("curated.yaml");
    List<String> lines = new ArrayList<>(List.of(
        "name: curated",
        "input: [" + Path.of("jobs/example/corpus").toAbsolutePath() + "]",
        "out: " + root,
        "themes: {k: 5, stabilitySeeds: 0}",
        "rerun: {mode: assign, model: " + root.resolve("shared-model") + "}"));
    if (curation.length > 0) lines.add("curation:");
    for (String edit : curation) lines.add("  " + edit);
    Files.writeString(spec, String.join("\n", lines) + "\n");
    return spec;
  }

  /** Each sentence's theme in a run's sentences/ (null: none), by "paper_id/sentence_no". */
  private static Map<String, Integer> themeBySentence(Path run) {
    Map<String, Integer> themes = new HashMap<>();
    for (Row r : TestData.spark().read().parquet(run.resolve(RunLayout.SENTENCES).toString())
        .select("paper_id", "sentence_no", "theme_id").collectAsList()) {
      themes.put(r.getString(0) + "/" + r.getInt(1), r.isNullAt(2) ? null : r.getInt(2));
    }
    return themes;
  }

  /** Rows of assignments.csv per theme id, read by Spark's CSV reader. */
  private static Map<Integer, Long> assignmentsPerTheme(Path run) {
    Map<Integer, Long> counts = new TreeMap<>();
    for (Row r : TestData.spark().read().option("header", true).option("multiLine", true).option("escape", "\"")
        .csv(run.resolve(RunLayout.ASSIGNMENTS).toString()).groupBy(col("theme_id").cast("int")).count().collectAsList()) {
      counts.put(r.getInt(0), r.getLong(1));
    }
    return counts;
  }

  private static Map<Integer, JsonNode> themesById(Path run) throws Exception {
    Map<Integer, JsonNode> themes = new TreeMap<>();
    for (JsonNode t : Json.MAPPER.readTree(run.resolve(RunLayout.THEMES).toFile())) themes.put(t.get("id").asInt(), t);
    return themes;
  }

  private static List<String> folders(Path root) throws Exception {
    try (Stream<Path> s = Files.list(root)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aRerunAppliesEachEditOnTheSavedModel_andAnUnknownThemeStopsItBeforeAnyWork() throws Exception {
    Path root = work.resolve("job");
    ProcessRun first = rerun(spec(root));
    assertEquals(ExitCode.OK, first.exitCode(), first.output());
    Path fitted = root.resolve("latest").toRealPath();
    Map<Integer, JsonNode> before = themesById(fitted);
    assertEquals(List.of(0, 1, 2, 3, 4), List.copyOf(before.keySet()));
    Map<String, Integer> model = themeBySentence(fitted);
    String moved = model.entrySet().stream().filter(e -> Integer.valueOf(0).equals(e.getValue())).map(Map.Entry::getKey)
        .sorted().findFirst().orElseThrow();
    String stopWord = before.get(0).get("keywords").get(0).asText();

    ProcessRun curated = rerun(spec(root,
        "rename: {0: \"Sharing one's story\"}",
        "merge: [[2, 3]]",
        "split: {1: 2}",
        "drop: [4]",
        "stopWords: [\"" + stopWord + "\"]",
        "move: [{paper: \"" + moved.split("/")[0] + "\", sentence: " + moved.split("/")[1] + ", theme: 2}]"));
    assertEquals(ExitCode.OK, curated.exitCode(), curated.output());
    assertTrue(curated.output().contains("assigned with the model in"), curated.output());
    Path run = root.resolve("latest").toRealPath();

    Map<Integer, JsonNode> after = themesById(run);
    assertEquals(List.of(0, 1, 2, 5), List.copyOf(after.keySet()), "2 and 3 merged into 2, 4 dropped, 1 split into 1 and 5");
    assertEquals("Sharing one's story", after.get(0).get("label").asText());
    assertEquals(before.get(0).get("size").asLong() - 1, after.get(0).get("size").asLong(), "theme 0 less the moved sentence");
    assertEquals(before.get(2).get("size").asLong() + before.get(3).get("size").asLong() + 1, after.get(2).get("size").asLong());
    assertEquals(before.get(1).get("size").asLong(), after.get(1).get("size").asLong() + after.get(5).get("size").asLong());
    for (JsonNode t : after.values()) {
      for (JsonNode k : t.get("keywords")) {
        assertFalse((" " + k.asText() + " ").contains(" " + stopWord + " "), "stop word '" + stopWord + "' in theme " + t);
      }
      assertFalse((" " + t.get("label").asText().replace(",", " ") + " ").contains(" " + stopWord + " "), t.toString());
    }

    Map<String, Integer> curatedThemes = themeBySentence(run);
    assertEquals(model.keySet(), curatedThemes.keySet());
    model.forEach((sentence, theme) -> {
      Integer now = curatedThemes.get(sentence);
      if (sentence.equals(moved)) assertEquals(2, now, "the moved sentence");
      else if (theme == null) assertNull(now, sentence + " had no theme and has none");
      else if (theme == 0) assertEquals(0, now, sentence + ": an unchanged theme keeps its id");
      else if (theme == 1) assertTrue(now == 1 || now == 5, sentence + " is in a part of the split theme");
      else if (theme == 2 || theme == 3) assertEquals(2, now, sentence + " is in the merged theme");
      else assertNull(now, sentence + " of the dropped theme is an outlier");
    });
    Map<Integer, Long> rows = assignmentsPerTheme(run);
    assertEquals(List.of(0, 1, 2, 5), List.copyOf(rows.keySet()), "assignments.csv has the curated themes");
    for (Map.Entry<Integer, Long> e : rows.entrySet()) {
      assertEquals(after.get(e.getKey()).get("size").asLong(), e.getValue(), "theme " + e.getKey() + " in assignments.csv");
    }

    JsonNode recorded = Json.MAPPER.readTree(run.resolve(RunLayout.RUN_INFO).toFile()).get("settings").get("curation");
    assertEquals("[[2,3]]", recorded.get("merge").toString(), "run.json records the curation");
    assertEquals("Sharing one's story", recorded.get("rename").get("0").asText());
    String report = Files.readString(run.resolve(RunLayout.REPORT));
    for (String line : List.of("merged themes [2, 3] into theme 2", "split theme 1 into 2", "dropped theme 4",
        "moved sentence " + moved.split("/")[1] + " of " + moved.split("/")[0] + " to theme 2", "renamed theme 0")) {
      assertTrue(report.contains(line), "the report says: " + line);
    }

    List<String> foldersBefore = folders(root);
    ProcessRun unknown = rerun(spec(root, "drop: [9]"));
    assertEquals(ExitCode.CONFIG, unknown.exitCode(), unknown.output());
    assertTrue(unknown.output().contains("curation.drop names theme 9"), unknown.output());
    assertEquals(foldersBefore, folders(root), "no run folder, nothing in the cache");
    assertEquals(run, root.resolve("latest").toRealPath());
  }
}
