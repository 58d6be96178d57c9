package org.thememiner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunTest {
  @TempDir Path work;

  @Test
  void givesTheExitCodeAndBothStreams() throws Exception {
    ProcessRun r = ProcessRun.of(new ProcessBuilder("bash", "-c", "echo out; echo err >&2; exit 3"), work.resolve("log"),
        Duration.ofSeconds(30));
    assertEquals(3, r.exitCode());
    assertTrue(r.output().contains("out") && r.output().contains("err"), r.output());
  }

  @Test
  void endsAProcessThatOverrunsWithWhatItStarted() throws Exception {
    Path pid = work.resolve("child.pid");
    AssertionError overran = assertThrows(AssertionError.class, () -> ProcessRun.of(
        new ProcessBuilder("bash", "-c", "sleep 300 & echo $! > " + pid + "; echo started; wait"), work.resolve("log"),
        Duration.ofSeconds(2)));
    assertTrue(overran.getMessage().contains("did not finish in 2 s") && overran.getMessage().contains("started"),
        overran.getMessage());
    ProcessHandle child = ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).orElse(null);
    if (child != null) child.onExit().get(10, TimeUnit.SECONDS);
    assertFalse(child != null && child.isAlive(), "the command's own child (sleep) was ended too");
  }
}
