package org.thememiner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.ProcessRun;
import org.thememiner.TestData;
import org.thememiner.report.Json;

/**
 * {@code thememiner rerun} as a scheduler runs it: a separate JVM per run ({@link ChildJvm}), so the lock is
 * tested across processes and the suite's Spark session is not touched.
 */
class RerunTest {
  @TempDir Path work;

  private ProcessRun rerun(Path spec) throws Exception {
    return ProcessRun.of(ChildJvm.thememiner("rerun", "--job", spec.toString(), "--master", "local[2]"),
        work.resolve("rerun.log"), Duration.ofMinutes(10));
  }

  private Path spec(String name, Path in, Path root, String mode) throws Exception {
    Path spec = work.resolve(name + ".yaml");
    Files.writeString(spec, String.join("\n",
        "name: " + name,
        "input: [" + in + "]",
        "out: " + root,
        "themes: {k: 3, stabilitySeeds: 0}",
        "rerun: {mode: " + mode + ", model: " + root.resolve("shared-model") + "}", ""));
    return spec;
  }

  @Test
  void reruns_writeDatedFolders_moveLatestOnSuccess_keepThemeIdsInAssignMode_andNeverOverlap() throws Exception {
    Path in = Files.createDirectories(work.resolve("in"));
    for (String j : List.of("journal.pmed.1001473.xml", "journal.pone.0116586.xml", "journal.pone.0153170.xml")) {
      Files.copy(TestData.jats(j), in.resolve(j));
    }
    Path root = work.resolve("job");
    Path spec = spec("living-review", in, root, "assign");

    ProcessRun first = rerun(spec);
    assertEquals(ExitCode.OK, first.exitCode(), first.output());
    Path firstRun = root.resolve("latest").toRealPath();
    assertTrue(Files.isRegularFile(firstRun.resolve("report.html")));
    assertTrue(Files.isDirectory(root.resolve("shared-model").resolve("pipeline")), "the model reruns share was saved");

    Files.copy(TestData.jats("journal.pmed.0020124.xml"), in.resolve("journal.pmed.0020124.xml"));
    ProcessRun second = rerun(spec);
    assertEquals(ExitCode.OK, second.exitCode(), second.output());
    Path secondRun = root.resolve("latest").toRealPath();
    assertNotEquals(firstRun, secondRun, "a new dated folder next to the previous one");
    assertTrue(Files.isRegularFile(firstRun.resolve("themes.json")), "the previous run is kept");
    assertTrue(second.output().contains("assigned with the model in"), second.output());
    JsonNode drift = Json.MAPPER.readTree(secondRun.resolve("drift.json").toFile());
    assertEquals("journal-pmed-0020124", drift.get("papersAdded").get(0).asText());
    assertEquals(3, drift.get("matched").size(), "assign mode keeps the themes: all three are found again");
    for (JsonNode m : drift.get("matched")) assertEquals(m.get("previousId").asInt(), m.get("currentId").asInt());

    try (FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.WRITE);
         FileLock held = channel.lock()) {
      ProcessRun blocked = rerun(spec);
      assertEquals(ExitCode.LOCKED, blocked.exitCode(), blocked.output());
      assertTrue(blocked.output().contains("in progress"), blocked.output());
    }
    assertEquals(secondRun, root.resolve("latest").toRealPath(), "a refused rerun moves nothing");
  }

  @Test
  void aFailedRerunLeavesNoLatestAndExitsNonZero() throws Exception {
    Path in = Files.createDirectories(work.resolve("broken-in"));
    Files.writeString(in.resolve("broken.pdf"), "%PDF-1.4 not really");
    Path root = work.resolve("broken-job");
    ProcessRun o = rerun(spec("broken", in, root, "refit"));
    assertEquals(ExitCode.FAILED, o.exitCode(), o.output());
    assertFalse(Files.exists(root.resolve("latest")), "latest is only set by a run that completed");
  }
}
