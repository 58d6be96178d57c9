package org.thememiner.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code thememiner} ({@link Main}) in a JVM of its own, with this test JVM's class path and JVM flags and the
 * launcher's default heap: for tests of what happens across processes (locks, kill -9, running out of memory),
 * away from the suite's Spark session.
 */
final class ChildJvm {
  private static final Pattern LAUNCHER_HEAP = Pattern.compile("-Xmx\\$\\{THEMEMINER_HEAP:-(\\w+)}");

  private ChildJvm() {}

  static ProcessBuilder thememiner(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-") || a.startsWith("-XX:+Ignore") || a.startsWith("-D") || a.startsWith("--enable"))
        .toList());
    command.addAll(List.of("-Xmx" + launcherHeap(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  /** The heap {@code jobs/thememiner} gives the job when THEMEMINER_HEAP is not set. */
  private static String launcherHeap() {
    try {
      Matcher m = LAUNCHER_HEAP.matcher(Files.readString(Path.of("jobs/thememiner")));
      if (!m.find()) throw new IllegalStateException("jobs/thememiner sets no default heap (-Xmx${THEMEMINER_HEAP:-...})");
      return m.group(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
