package org.thememiner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thememiner.TestData;
import org.thememiner.report.Json;

/** The studies' own themes in a whole run ({@link EndToEndRun}): the files, the mapping and the report. */
class StudyTableRunTest {
  private static final String TULLY = "tully-2010-heart-failure-programmes";
  private static Path out;

  @BeforeAll
  static void runTheJob() throws Exception {
    out = EndToEndRun.get().out();
  }

  private static List<Row> csv(String name) {
    return TestData.spark().read().option("header", true).option("multiLine", true).option("escape", "\"")
        .csv(out.resolve(name).toString()).collectAsList();
  }

  @Test
  void authorThemesCarryTheirParentTextAndQuotes() throws Exception {
    Map<String, List<String>> byPaper = new LinkedHashMap<>();
    for (String line : Files.readAllLines(out.resolve("author_themes.jsonl"))) {
      JsonNode t = Json.MAPPER.readTree(line);
      for (String field : List.of("paper", "theme", "parent", "level", "section", "page", "text", "quotes")) {
        assertTrue(t.has(field), field + " in " + line);
      }
      String parent = t.get("parent").isNull() ? "" : t.get("parent").asText() + " > ";
      byPaper.computeIfAbsent(t.get("paper").asText(), p -> new ArrayList<>()).add(parent + t.get("theme").asText());
    }
    assertEquals(List.of("Experience of Programmes", "Maintenance", "Improvements", "GP Services", "Quality of Care",
        "Labelling the Condition \u201cHeart Failure\u201d", "Medication"), byPaper.get(TULLY));
    assertEquals(List.of("Making sense of stroke management and planning care", "Interacting with others",
        "Enacting management strategies", "Enacting management strategies > Institutional admissions",
        "Enacting management strategies > Managing stroke in the community",
        "Enacting management strategies > Reintegrating into society",
        "Enacting management strategies > Adjusting to life after stroke", "Reflecting on management"),
        byPaper.get("journal-pmed-1001473"));
  }

  @Test
  void everyPaperReadSaysWhetherAuthorThemesWereFoundAndWhyNot() throws Exception {
    List<Row> rows = csv("author_themes_by_paper.csv");
    assertEquals(6, rows.size(), "one row per paper read");
    for (Row r : rows) {
      assertTrue(!r.<String>getAs("note").isBlank(), r.toString());
      if (r.<String>getAs("paper_id").startsWith("journal-pone")) assertEquals("0", r.<String>getAs("author_themes"), r.toString());
    }
  }

  @Test
  void eachOfTullysThemesMapsToTheConstructWrittenFromIt() throws Exception {
    Map<String, String> tully = new LinkedHashMap<>();
    for (Row r : csv("author_themes.csv")) {
      if (r.<String>getAs("study").equals(TULLY) && r.<String>getAs("construct_id").startsWith("tully-2010:")) {
        tully.put(r.<String>getAs("author_theme"), r.<String>getAs("construct_id"));
      }
    }
    assertEquals(Map.of("Experience of Programmes", "tully-2010:experience-of-programmes",
        "Maintenance", "tully-2010:maintenance", "Improvements", "tully-2010:improvements",
        "GP Services", "tully-2010:gp-services", "Quality of Care", "tully-2010:quality-of-care",
        "Labelling the Condition \u201cHeart Failure\u201d", "tully-2010:labelling-heart-failure",
        "Medication", "tully-2010:medication"), tully);
  }

  @Test
  void theQdaExportCodesTheStudiesThemesUnderEachDocument() throws Exception {
    String qde;
    try (var zip = new java.util.zip.ZipFile(out.resolve("export/project.qdpx").toFile())) {
      qde = new String(zip.getInputStream(zip.getEntry("project.qde")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertTrue(qde.contains("name=\"" + TULLY + "\""), "a code for the study");
    assertTrue(qde.contains("name=\"GP Services\""), "a code for each of its themes");
    assertTrue(qde.contains("The text under the heading \"GP Services\""), "the text under the heading is coded");
  }

  @Test
  void translationGroupsCiteThemesOfDifferentStudiesBesideTheConstructsAndSentenceThemes() throws Exception {
    JsonNode file = Json.MAPPER.readTree(out.resolve("translations.json").toFile());
    assertEquals(2, file.get("sets").size(), "a summary per construct set");
    int themes = 0;
    for (JsonNode g : file.get("groups")) {
      java.util.Set<String> studies = new java.util.HashSet<>();
      g.get("themes").forEach(t -> studies.add(t.get("study").asText()));
      assertEquals(g.get("themes").size(), studies.size(), "two themes of one study never share a group: " + g);
      assertEquals(studies.size(), g.get("studies").asInt());
      assertEquals(2, g.get("constructs").size(), "the nearest construct of each set: " + g);
      assertTrue(g.get("sentenceThemes").size() > 0, "the sentence themes under its themes' headings: " + g);
      themes += g.get("themes").size();
    }
    assertEquals(Files.readAllLines(out.resolve("author_themes.jsonl")).size(), themes, "every author theme in one group");
  }

  @Test
  void theReportTabulatesTheStudiesThemes() throws Exception {
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("<section id=\"studies\"><h2>Studies' own themes</h2>"), "section");
    assertTrue(html.contains("&#8627; Institutional admissions"), "a sub-theme under its theme");
    assertTrue(html.contains("papers without author themes, and why</summary>"), "the papers without, with the reason");
    assertTrue(html.contains("<h3>Translation across studies</h3>"), "the groups across studies");
  }
}
