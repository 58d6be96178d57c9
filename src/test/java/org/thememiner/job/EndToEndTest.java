package org.thememiner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thememiner.TestData;
import org.thememiner.report.Json;

/** The outputs of the whole job on real inputs ({@link EndToEndRun}). */
class EndToEndTest {
  static Path out;
  static int exitCode;
  static String console;

  @BeforeAll
  static void runTheJob() throws Exception {
    EndToEndRun.Result run = EndToEndRun.get();
    out = run.out();
    exitCode = run.exitCode();
    console = run.console();
  }

  private static List<JsonNode> jsonl(String name) throws Exception {
    return Files.readAllLines(out.resolve(name)).stream().filter(l -> !l.isBlank()).map(l -> {
      try {
        return Json.MAPPER.readTree(l);
      } catch (Exception e) {
        throw new AssertionError(name + ": not JSON: " + l, e);
      }
    }).toList();
  }

  @Test
  void aBrokenInputIsReportedAndTheRestIsProcessed() throws Exception {
    assertEquals(ExitCode.PARTIAL, exitCode, console);
    List<JsonNode> errors = jsonl("errors.jsonl");
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).get("path").asText().endsWith("broken.pdf"));
    assertEquals("extract", errors.get(0).get("stage").asText());
    assertFalse(errors.get(0).get("reason").asText().isBlank());
    assertEquals(6, jsonl("papers.jsonl").size());
  }

  @Test
  void theReportLinksEvidenceToThePdfPageAndPapersToTheirDoi() throws Exception {
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.matches("(?s).*<cite><a href=\"file:[^\"]+\\.pdf#page=\\d+\">.*"), "evidence opens its PDF at its page");
    assertTrue(html.contains("<a href=\"https://doi.org/10.1371/journal.pmed.1001473\">"), "a paper's DOI resolves");
  }

  @Test
  void theReportShowsEachPapersTextColouredByTheme() throws Exception {
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("<section id=\"reading\">"), "the reading view");
    assertTrue(html.contains("<details><summary>tully-2010-heart-failure-programmes"), "a fold per paper");
    assertTrue(html.matches("(?s).*<span class=\"s c\\d+\" title=\"T\\d+ [^\"]+\">[^<]+</span>.*"), "a sentence in its theme's colour");
    String reading = html.substring(html.indexOf("<section id=\"reading\">"));
    assertTrue(reading.matches("(?s).*<a class=\"pg\" href=\"file:[^\"]+tully-2010-heart-failure-programmes\\.pdf#page=2\".*"),
        "a PDF's text links each page it reaches to that page of the PDF");
    assertTrue(reading.contains("DOI <a href=\"https://doi.org/10.1371/journal.pmed.1001473\">"), "a paper's DOI");
    assertTrue(reading.matches("(?s).*read from <a href=\"file:[^\"]+\">journal\\.pmed\\.1001473\\.xml</a>.*"), "the file it was read from");
  }

  @Test
  void everyOutputFileIsThere() {
    for (String f : List.of("papers.jsonl", "sentences", "assignments.csv", "themes.json", "comparison.json",
        "errors.jsonl", "run.json", "report.html", "model", "export/project.qdpx", "export/themes.csv")) {
      assertTrue(Files.exists(out.resolve(f)), f);
    }
  }

  @Test
  void papersCarryIdHashTitleAndSections() throws Exception {
    for (JsonNode p : jsonl("papers.jsonl")) {
      assertTrue(p.get("sha256").asText().matches("[0-9a-f]{64}"), p.get("id").asText());
      assertTrue(p.get("sections").size() > 0, p.get("id").asText());
      for (String field : List.of("id", "source", "title", "warnings")) assertTrue(p.has(field), field);
    }
  }

  @Test
  void everyAssignedSentenceHasAThemeInThemesJson() throws Exception {
    JsonNode themes = Json.MAPPER.readTree(out.resolve("themes.json").toFile());
    assertEquals(6, themes.size());
    Set<Integer> ids = new HashSet<>();
    long total = 0;
    for (JsonNode t : themes) {
      ids.add(t.get("id").asInt());
      total += t.get("size").asLong();
      assertFalse(t.get("label").asText().isBlank());
      assertTrue(t.get("keywords").size() > 0);
      assertTrue(t.get("examples").size() > 0);
      assertTrue(t.get("papers").size() > 0);
    }
    List<String> lines = Files.readAllLines(out.resolve("assignments.csv"));
    assertEquals("paper_id,section,sentence_no,theme_id,construct_id,similarity,coded_construct_id,coding_score,text", lines.get(0));
    Dataset<Row> rows = TestData.spark().read().option("header", true).option("multiLine", true).option("escape", "\"")
        .csv(out.resolve("assignments.csv").toString());
    assertEquals(total, rows.count(), "assignments.csv has one row per assigned sentence");
    for (Row r : rows.select("theme_id").distinct().collectAsList()) {
      assertTrue(ids.contains(Integer.parseInt(r.getString(0))), "theme " + r.getString(0) + " is in themes.json");
    }
  }

  /**
   * What extraction leaves among the sentences of these papers, Gallacher 2013's "[95]" after each quoted finding,
   * Tully 2010's "Objectives." and "(Centre A, R3).", is never a theme's evidence.
   */
  @Test
  void evidenceIsNeverALabelAFragmentOrACitation() throws Exception {
    String label = "(?i)(background|objectives?|aims?|methods?|methods and findings|results|findings|conclusions?|"
        + "discussion|systematic review registration)\\s*[.:]?";
    String citation = "[\\[(][0-9,;\u2013 -]+[\\])]";
    int examples = 0;
    for (JsonNode t : Json.MAPPER.readTree(out.resolve("themes.json").toFile())) {
      for (String kind : List.of("examples", "quotes")) {
        for (JsonNode e : t.get(kind)) {
          String text = e.get("text").asText().strip();
          examples++;
          assertFalse(text.matches(label), kind + " is a label: " + text);
          assertFalse(text.matches(citation + "\\W*"), kind + " is a citation: " + text);
          assertTrue(text.split("\\s+").length >= 3, kind + " is a fragment: " + text);
        }
      }
    }
    assertTrue(examples > 6, "evidence was checked");
    for (JsonNode p : jsonl("papers.jsonl")) {
      for (JsonNode s : p.get("sections")) {
        for (JsonNode q : s.get("quotes")) {
          String quote = s.get("text").asText().substring(q.get("start").asInt(), q.get("end").asInt());
          assertFalse(quote.matches("(?s).*" + citation + "\\W*"), "a quote ends with a citation: " + quote);
        }
      }
    }
  }

  /** The share of a theme's sentences from its largest paper, per theme in themes.json and their mean in run.json. */
  @Test
  void eachThemeSaysHowMuchOfItIsItsLargestPaper() throws Exception {
    Dataset<Row> assigned = TestData.spark().read().option("header", true).option("multiLine", true).option("escape", "\"")
        .csv(out.resolve("assignments.csv").toString());
    double sum = 0;
    JsonNode themes = Json.MAPPER.readTree(out.resolve("themes.json").toFile());
    for (JsonNode t : themes) {
      Row largest = assigned.filter("theme_id = " + t.get("id").asInt()).groupBy("paper_id").count()
          .orderBy(org.apache.spark.sql.functions.desc("count"), org.apache.spark.sql.functions.asc("paper_id")).first();
      assertEquals(largest.getString(0), t.get("largestPaper").asText(), "theme " + t.get("id"));
      assertEquals((double) largest.getLong(1) / t.get("size").asLong(), t.get("largestPaperShare").asDouble(), 1e-9);
      assertTrue(t.get("largestPaperShare").asDouble() >= 1.0 / t.get("papers").size() - 1e-9);
      sum += t.get("largestPaperShare").asDouble();
    }
    JsonNode run = Json.MAPPER.readTree(out.resolve("run.json").toFile());
    assertEquals(sum / themes.size(), run.get("meanLargestPaperShare").asDouble(), 1e-9);
    assertTrue(Files.readString(out.resolve("report.html")).contains("% from the largest, "), "on each theme's card");
  }

  @Test
  void everyConstructOfEverySetIsCompared() throws Exception {
    JsonNode comparison = Json.MAPPER.readTree(out.resolve("comparison.json").toFile());
    assertEquals(2, comparison.size());
    Set<String> qualified = new HashSet<>();
    for (JsonNode set : comparison) {
      String id = set.get("setId").asText();
      int expected = id.equals("tully-2010") ? 7 : 2;
      assertEquals(expected, set.get("constructs").size(), id);
      assertEquals(expected, set.get("matrix").get("constructIds").size(), id);
      assertEquals(6, set.get("matrix").get("themeIds").size(), id);
      for (JsonNode row : set.get("matrix").get("values")) {
        for (JsonNode v : row) assertTrue(v.asDouble() >= 0 && v.asDouble() <= 1);
      }
      for (String f : List.of("coverage", "precision", "f1")) {
        assertTrue(set.get(f).asDouble() >= 0 && set.get(f).asDouble() <= 1, id + " " + f);
      }
      set.get("constructs").forEach(c -> qualified.add(id + ":" + c.get("constructId").asText()));
    }
    Dataset<Row> rows = TestData.spark().read().option("header", true).option("multiLine", true).option("escape", "\"")
        .csv(out.resolve("assignments.csv").toString());
    for (Row r : rows.select("construct_id").distinct().collectAsList()) {
      assertTrue(r.isNullAt(0) || qualified.contains(r.getString(0)), r.getString(0) + " is a compared construct");
    }
    List<Row> coded = rows.select("coded_construct_id").distinct().collectAsList();
    for (Row r : coded) {
      assertTrue(r.isNullAt(0) || qualified.contains(r.getString(0)), r.getString(0) + " is a compared construct");
    }
    assertTrue(coded.stream().filter(r -> !r.isNullAt(0)).count() > 1, "sentences are coded with several constructs: " + coded);
    assertEquals(0, rows.filter("coded_construct_id is not null and cast(coding_score as double) < 0.05").count(),
        "no sentence is coded below compare.minCodingScore");
  }

  @Test
  void theReportIsOnePageWithNothingFetchedAndInputTextEscaped() throws Exception {
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    for (String section : List.of("id=\"overview\"", "id=\"themes\"", "id=\"comparison\"", "id=\"errors\"")) {
      assertTrue(html.contains(section), section);
    }
    // Nothing fetched: no element loads from elsewhere (a hyperlink to a DOI is followed only when clicked).
    assertFalse(html.matches("(?s).*src=\"(https?:)?//.*"), "no external assets");
    assertFalse(html.matches("(?s).*<link[^>]*href=\"(https?:)?//.*"), "no external stylesheets");
    assertFalse(html.matches("(?s).*url\\((['\"])?(https?:)?//.*"), "no external images or fonts in CSS");
    assertFalse(html.matches("(?s).*<script[^>]*src=.*"), "no external scripts");
    assertTrue(html.contains("broken.pdf"), "the failed input is listed");
    assertTrue(html.contains("Patient Experiences of Structured Heart Failure Programmes")
        || html.toLowerCase().contains("heart failure programmes"), "paper titles are listed");
  }

  @Test
  void sentencesParquetHoldsAnnotationsAndThemes() {
    Dataset<Row> s = TestData.spark().read().parquet(out.resolve("sentences").toString());
    for (String c : List.of("paper_id", "section", "sentence_no", "text", "lemmas", "pos", "theme_id")) {
      assertTrue(List.of(s.columns()).contains(c), c);
    }
    assertTrue(s.count() > 1000);
    assertEquals(6, s.select("paper_id").distinct().count());
  }

  @Test
  void runJsonRecordsInputsSettingsVersionsAndStageTimes() throws Exception {
    JsonNode run = Json.MAPPER.readTree(out.resolve("run.json").toFile());
    assertEquals(7, run.get("inputs").size());
    assertEquals(42, run.get("seed").asInt());
    assertTrue(run.get("versions").get("spark").asText().startsWith("4."));
    Set<String> stages = new HashSet<>();
    run.get("stages").forEach(s -> stages.add(s.get("stage").asText()));
    assertTrue(stages.containsAll(List.of("extract", "annotate", "themes", "report")), stages.toString());
    assertEquals(3, run.get("exitCode").asInt());
    JsonNode stability = run.get("stability");
    assertEquals(4, stability.get("ari").size(), "four refits with other seeds");
    for (JsonNode ari : stability.get("ari")) assertTrue(ari.asDouble() >= -1 && ari.asDouble() <= 1);
  }

  @Test
  void theConsoleGetsOneLinePerStage() {
    List<String> lines = console.lines().toList();
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("extract") && l.contains("6 papers (0 from cache), 1 failed")), console);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("compare") && l.contains("tully-2010 coverage")), console);
    // The stage's own line, not a progress line (which also starts with the stage's name).
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("annotate") && l.contains(" sentences, ")), console);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("themes")), console);
  }
}
