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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.TestData;
import org.thememiner.job.spec.JobConfigLoader;

/**
 * Sentence vectors go into the cache keyed by model and text: a later run embeds only texts it has not seen, and
 * ends with the outputs of a run that embedded everything.
 */
class EmbeddingCacheTest {
  @TempDir Path work;

  private String run(Path in, Path out, String cache) throws Exception {
    ObjectNode flags = JsonNodeFactory.instance.objectNode();
    flags.putArray("input").add(in.toString());
    flags.put("out", out.toString());
    flags.put("cache", cache);
    flags.putArray("constructs").add("models/constructs/tully-2010.yaml");
    flags.putObject("themes").put("k", 4).put("stabilitySeeds", 0).put("representation", "embedding");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    ThememinerJob job = new ThememinerJob(JobConfigLoader.load(null, flags), new PrintStream(console, true, StandardCharsets.UTF_8));
    assertEquals(ExitCode.OK, job.run(TestData.spark(), job.preflight()));
    return console.toString(StandardCharsets.UTF_8);
  }

  /** The embed line's two counts: embedded by the model now, and read from the cache. */
  private static long[] embedCounts(String console) {
    String line = console.lines().filter(l -> l.startsWith("embed ")).findFirst().orElseThrow(() -> new AssertionError(console));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) sentences embedded by \\S+, (\\d+) from cache").matcher(line);
    assertTrue(m.find(), line);
    return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
  }

  @Test
  void aSecondRunReadsTheVectorsOfTextsItHasSeenAndEmbedsOnlyTheNewOnes() throws Exception {
    Path in = Files.createDirectories(work.resolve("in"));
    Files.copy(TestData.jats("journal.pmed.1001473.xml"), in.resolve("journal.pmed.1001473.xml"));
    Files.copy(TestData.jats("journal.pone.0116586.xml"), in.resolve("journal.pone.0116586.xml"));
    String cache = work.resolve("cache").toUri().toString();
    long[] first = embedCounts(run(in, work.resolve("first"), cache));
    assertTrue(first[0] > 100 && first[1] == 0, "everything embedded the first time: " + first[0] + ", " + first[1]);

    Files.copy(TestData.jats("journal.pone.0153170.xml"), in.resolve("journal.pone.0153170.xml"));
    long[] second = embedCounts(run(in, work.resolve("second"), cache));
    assertEquals(first[0], second[1], "the first run's vectors come from the cache");
    assertTrue(second[0] > 0 && second[0] < first[0], "only the new paper's sentences are embedded: " + second[0]);

    long[] uncached = embedCounts(run(in, work.resolve("uncached"), "off"));
    assertEquals(second[0] + second[1], uncached[0]);
    for (String f : List.of("themes.json", "assignments.csv", "comparison.json")) {
      assertEquals(Files.readString(work.resolve("uncached").resolve(f)), Files.readString(work.resolve("second").resolve(f)),
          f + ": cached vectors give the outputs of vectors made now");
    }
  }
}
