package org.thememiner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.TestData;
import org.thememiner.job.spec.ConfigException;
import org.thememiner.job.spec.JobConfigLoader;
import org.thememiner.report.Json;
import org.thememiner.report.RunLayout;

/** A plain run applies the job spec's {@code curation} after its fit; a theme id beyond a fixed k stops it in preflight. */
class CurationRunTest {
  @TempDir Path work;

  private ThememinerJob job(Path out, String curation) throws Exception {
    ObjectNode flags = JsonNodeFactory.instance.objectNode();
    flags.putArray("input").add(Path.of("jobs/example/corpus").toAbsolutePath().toString());
    flags.put("out", out.toString());
    flags.put("cache", "off");
    flags.putObject("themes").put("k", 4).put("stabilitySeeds", 0);
    flags.set("curation", Json.MAPPER.readTree(curation));
    return new ThememinerJob(JobConfigLoader.load(null, flags), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @Test
  void aRunCuratesTheThemesItFitted() throws Exception {
    Path out = work.resolve("run");
    ThememinerJob job = job(out, "{\"rename\": {\"1\": \"Living with it\"}, \"merge\": [[0, 2]], \"drop\": [3]}");
    assertEquals(ExitCode.OK, job.run(TestData.spark(), job.preflight()));
    List<Integer> ids = new ArrayList<>();
    for (JsonNode t : Json.MAPPER.readTree(out.resolve(RunLayout.THEMES).toFile())) {
      ids.add(t.get("id").asInt());
      if (t.get("id").asInt() == 1) assertEquals("Living with it", t.get("label").asText());
    }
    assertEquals(List.of(0, 1), ids);
    assertTrue(Files.readString(out.resolve(RunLayout.REPORT)).contains("dropped theme 3"));
  }

  @Test
  void aThemeBeyondAFixedKStopsTheRunBeforeAnyWork() throws Exception {
    Path out = work.resolve("never");
    ConfigException e = assertThrows(ConfigException.class, () -> job(out, "{\"rename\": {\"4\": \"x\"}}").preflight());
    assertEquals("curation.rename names theme 4, which does not exist: a fit with themes.k 4 has themes 0 to 3", e.getMessage());
    assertFalse(Files.exists(out), "no output folder");
  }
}
