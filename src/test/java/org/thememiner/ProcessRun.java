package org.thememiner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A process a test runs to its end (a documented command through bash, a child JVM), with its exit code and what it
 * printed (stdout and stderr together, through a log file).
 */
public record ProcessRun(int exitCode, String output) {
  /**
   * Runs {@code command} with its output in {@code log}. A process still running after {@code limit} fails the test
   * and is ended with everything it started (bash's JVM too): left running, it would go on taking the cores and
   * memory of the tests after it.
   */
  public static ProcessRun of(ProcessBuilder command, Path log, Duration limit) throws IOException, InterruptedException {
    Process p = command.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command.command()) + " did not finish in " + limit.toSeconds() + " s:\n"
          + Files.readString(log, StandardCharsets.UTF_8));
    }
    return new ProcessRun(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
