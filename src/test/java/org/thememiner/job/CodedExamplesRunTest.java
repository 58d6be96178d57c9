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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.TestData;
import org.thememiner.job.spec.JobConfigLoader;
import org.thememiner.report.Json;

/**
 * A run given coded examples codes the corpus from them: Tully 2010, with six of its Results sentences coded by the
 * subheading they sit under (two themes, three sentences each, copied from the paper as a researcher would).
 */
class CodedExamplesRunTest {
  @TempDir Path work;

  @Test
  void theCorpusIsCodedFromTheExamplesAndTheCodersAgreementIsReported() throws Exception {
    Path out = work.resolve("out");
    ObjectNode flags = JsonNodeFactory.instance.objectNode();
    flags.putArray("input").add(TestData.pdf("tully-2010-heart-failure-programmes.pdf").toString());
    flags.put("out", out.toString());
    flags.put("cache", "off");
    flags.putArray("constructs").add("models/constructs/tully-2010.yaml");
    flags.putObject("themes").put("k", 4).put("stabilitySeeds", 0);
    // First a run to read the paper's sentences as the job splits them: the examples are copied from its output.
    run(flags);
    String tsv = "construct_id\ttext\n" + examplesFrom(out, "Medication") + examplesFrom(out, "GP Services");
    Path examples = Files.writeString(work.resolve("coded.tsv"), tsv);
    flags.putArray("codedExamples").add("tully-2010=" + examples);
    String console = run(flags);

    assertTrue(console.lines().anyMatch(l -> l.startsWith("coding") && l.contains("from 6 coded examples")), console);
    JsonNode coding = Json.MAPPER.readTree(out.resolve("comparison.json").toFile()).get(0).get("exampleCoding");
    assertEquals(6, coding.get("examples").asInt(), coding.toString());
    assertEquals(6, coding.get("examplesInCorpus").asInt(), "copied from the corpus, so found there: " + coding);
    assertEquals("centroid", coding.get("method").asText(), "the default coder");
    assertEquals(2, coding.get("validation").get("f1ByConstruct").size());
    assertEquals(List.of(), org.thememiner.report.SchemasTest.errors(org.thememiner.report.SchemasTest.schema("comparison.schema.json"),
        Json.MAPPER.readTree(out.resolve("comparison.json").toFile())), "comparison.json with exampleCoding holds for its schema");
    List<String> codes = Files.readAllLines(out.resolve("example_coding.csv"));
    assertEquals("paper_id,section,sentence_no,construct_id,score,text", codes.get(0));
    assertTrue(codes.size() > 50, codes.size() + " lines");
    assertTrue(codes.stream().skip(1).allMatch(l -> l.contains(",tully-2010:medication,") || l.contains(",tully-2010:gp-services,")),
        "every code is one of the two constructs the examples show");
  }

  private static String run(ObjectNode flags) throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    ThememinerJob job = new ThememinerJob(JobConfigLoader.load(null, flags.deepCopy()), new PrintStream(console, true, StandardCharsets.UTF_8));
    assertEquals(ExitCode.OK, job.run(TestData.spark(), job.preflight()));
    return console.toString(StandardCharsets.UTF_8);
  }

  /** Three sentences of the run's sentences/ under {@code heading}, as TSV rows coded with its construct. */
  private static String examplesFrom(Path out, String heading) {
    String construct = heading.equals("Medication") ? "medication" : "gp-services";
    StringBuilder rows = new StringBuilder();
    TestData.spark().read().parquet(out.resolve("sentences").toString())
        .filter(org.apache.spark.sql.functions.col("section").equalTo(heading)).filter("theme_id IS NOT NULL")
        .orderBy("sentence_no").limit(3).select("text").collectAsList()
        .forEach(r -> rows.append(construct).append('\t').append(r.getString(0).replace('\t', ' ').replace('\n', ' ')).append('\n'));
    return rows.toString();
  }
}
