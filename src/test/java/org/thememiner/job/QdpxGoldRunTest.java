package org.thememiner.job;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.TestData;
import org.thememiner.job.spec.JobConfigLoader;
import org.thememiner.report.Json;
import org.thememiner.report.SchemasTest;

/**
 * A researcher's QDA project as the gold coding of a run: Tully 2010, imported into QDA software as its PDF, the text
 * under the authors' subheadings "Medication" and "GP Services" coded with codes of those names. The run scores its
 * paper presence against the project's codes and its sentence coding against the coded text.
 */
class QdpxGoldRunTest {
  private static final String PAPER = "tully-2010-heart-failure-programmes";
  private static final Map<String, String> CODED_SECTIONS = Map.of("Medication", "c-medication", "GP Services", "c-gp");

  @TempDir Path work;

  @Test
  void aProjectsCodedSelectionsAreScoredAtPaperAndSentenceLevel() throws Exception {
    Path out = work.resolve("out");
    ObjectNode flags = JsonNodeFactory.instance.objectNode();
    flags.putArray("input").add(TestData.pdf(PAPER + ".pdf").toString());
    flags.put("out", out.toString());
    flags.put("cache", "off");
    flags.putArray("constructs").add("models/constructs/tully-2010.yaml");
    flags.putObject("themes").put("k", 4).put("stabilitySeeds", 0);
    // A first run gives the paper's text, as the researcher's software would have it from the same PDF.
    run(flags);
    Path project = project(Json.MAPPER.readTree(Files.readAllLines(out.resolve("papers.jsonl")).get(0)));
    flags.putArray("gold").add("tully-2010=" + project);
    String console = run(flags);

    long codedByAuthors = TestData.spark().read().parquet(out.resolve("sentences").toString())
        .filter(col("section").isin(CODED_SECTIONS.keySet().toArray())).count();
    long all = TestData.spark().read().parquet(out.resolve("sentences").toString()).count();
    JsonNode comparison = Json.MAPPER.readTree(out.resolve("comparison.json").toFile());
    JsonNode gold = comparison.get(0).get("goldAgreement");
    assertEquals(1, gold.get("papers").asInt(), gold.toString());
    assertEquals(0, gold.get("papersWithoutThemes").asInt(), "the source's name is the PDF's: the paper is found");
    JsonNode sentences = gold.get("sentences");
    assertEquals(1, sentences.get("papers").asInt(), sentences.toString());
    assertEquals(all, sentences.get("sentences").asInt() + sentences.get("sentencesNotFound").asInt());
    assertEquals(0, sentences.get("sentencesNotFound").asInt(), "the coder's text is the paper's: every sentence is found");
    assertEquals(codedByAuthors, sentences.get("codedSentences").asInt(), "the sentences under the two coded headings");
    assertEquals(7, sentences.get("constructs").size(), "a row per construct of the set");
    assertTrue(console.lines().anyMatch(l -> l.startsWith("gold      tully-2010: sentence coding kappa")), console);
    assertEquals(List.of(), SchemasTest.errors(SchemasTest.schema("comparison.schema.json"), comparison),
        "comparison.json with a sentence-level gold agreement holds for its schema");
    String report = Files.readString(out.resolve("report.html"));
    assertTrue(report.contains("sentence kappa"), "the report shows the sentence-level agreement");
  }

  private static String run(ObjectNode flags) throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    ThememinerJob job = new ThememinerJob(JobConfigLoader.load(null, flags.deepCopy()), new PrintStream(console, true, StandardCharsets.UTF_8));
    assertEquals(ExitCode.OK, job.run(TestData.spark(), job.preflight()));
    return console.toString(StandardCharsets.UTF_8);
  }

  /**
   * A project with the paper as one text source (each section's heading, then its text) in which the text under
   * each coded heading is one selection coded with the code of the heading's name.
   */
  private Path project(JsonNode paper) throws Exception {
    StringBuilder text = new StringBuilder();
    StringBuilder selections = new StringBuilder();
    for (JsonNode section : paper.get("sections")) {
      String heading = section.path("heading").asText("");
      text.append(heading).append("\n\n");
      int start = text.codePointCount(0, text.length());
      text.append(section.get("text").asText()).append("\n\n");
      String code = CODED_SECTIONS.get(heading);
      if (code == null) continue;
      selections.append("<PlainTextSelection guid=\"sel-").append(code).append("\" startPosition=\"").append(start)
          .append("\" endPosition=\"").append(text.codePointCount(0, text.length())).append("\"><Coding guid=\"coding-")
          .append(code).append("\"><CodeRef targetGUID=\"").append(code).append("\"/></Coding></PlainTextSelection>");
    }
    String qde = """
        <?xml version="1.0" encoding="utf-8"?>
        <Project xmlns="urn:QDA-XML:project:1.0" name="Heart failure programmes" origin="QDA software">
          <CodeBook><Codes>
            <Code guid="c-medication" name="Medication" isCodable="true"/>
            <Code guid="c-gp" name="GP Services" isCodable="true"/>
          </Codes></CodeBook>
          <Sources>
            <TextSource guid="src" name="%s.pdf" plainTextPath="internal://src.txt">%s</TextSource>
          </Sources>
        </Project>
        """.formatted(PAPER, selections);
    Path file = work.resolve("coding.qdpx");
    try (OutputStream o = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(o)) {
      zip.putNextEntry(new ZipEntry("project.qde"));
      zip.write(qde.getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("sources/src.txt"));
      zip.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }
}
