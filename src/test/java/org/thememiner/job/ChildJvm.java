package org.thememiner.job;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code thememiner} ({@link Main}) in a JVM of its own, with this test JVM's class path and JVM flags: for
 * tests of what happens across processes (locks, kill -9), away from the suite's Spark session.
 */
final class ChildJvm {
  private ChildJvm() {}

  static ProcessBuilder thememiner(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-") || a.startsWith("-XX:+Ignore") || a.startsWith("-D") || a.startsWith("--enable"))
        .toList());
    command.addAll(List.of("-Xmx3g", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }
}
