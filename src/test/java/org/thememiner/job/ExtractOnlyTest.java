package org.thememiner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.TestData;
import org.thememiner.job.spec.JobConfigLoader;
import org.thememiner.report.Json;

/** {@code thememiner extract}: papers, errors and the author themes found, no annotation or themes. */
class ExtractOnlyTest {
  @TempDir Path work;

  @Test
  void writesPapersErrorsAndRunInfoOnly() throws Exception {
    Path in = Files.createDirectories(work.resolve("in"));
    Files.copy(TestData.pdf("tully-2010-heart-failure-programmes.pdf"), in.resolve("tully.pdf"));
    Files.copy(TestData.jats("journal.pmed.1001473.xml"), in.resolve("gallacher.xml"));
    Files.writeString(in.resolve("empty.pdf"), "");
    ObjectNode flags = JsonNodeFactory.instance.objectNode();
    flags.putArray("input").add(in.toString());
    flags.put("out", work.resolve("out").toString());
    ThememinerJob job = new ThememinerJob(JobConfigLoader.load(null, flags), new PrintStream(OutputStream.nullOutputStream()));
    assertEquals(ExitCode.PARTIAL, job.extract(TestData.spark(), job.preflight()));
    Path out = work.resolve("out");
    assertEquals(2, Files.readAllLines(out.resolve("papers.jsonl")).size());
    var error = Json.MAPPER.readTree(Files.readAllLines(out.resolve("errors.jsonl")).get(0));
    assertTrue(error.get("path").asText().endsWith("empty.pdf") && !error.get("reason").asText().isBlank(), error.toString());
    assertTrue(Files.exists(out.resolve("run.json")));
    assertFalse(Files.exists(out.resolve("themes.json")), "extract stops before themes");
    assertEquals(7 + 8, Files.readAllLines(out.resolve("author_themes.jsonl")).size(), "Tully's 7 themes, Gallacher's 4 and 4 sub-themes");
    assertEquals(3, Files.readAllLines(out.resolve("author_themes_by_paper.csv")).size(), "a header and a line per paper");
    assertFalse(Files.exists(out.resolve("author_themes.csv")), "no construct sets, no mapping");
  }
}
