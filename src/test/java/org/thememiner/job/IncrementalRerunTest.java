package org.thememiner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import org.thememiner.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.TestData;

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
    assertEquals(ThememinerJob.EXIT_OK, job.run(TestData.spark(), job.preflight()));
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

    Path fresh = work.resolve("fresh");
    String uncached = run(in, fresh, false);
    assertEquals(annotated(uncached), annotated(second), "sentences and tokens counted from the cache, each copy's too");
    for (String file : List.of("themes.json", "assignments.csv", "papers.jsonl")) {
      assertEquals(Files.readString(fresh.resolve(file)), Files.readString(out.resolve(file)),
          file + " of the cached rerun equals a run without cache");
    }
  }
}
