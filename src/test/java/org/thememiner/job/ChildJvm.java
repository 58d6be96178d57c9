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
 * {@code thememiner} in a JVM of its own, as jobs/thememiner runs it (its main class and default heap), with this
 * test JVM's class path and JVM flags: for tests of what happens across processes (locks, kill -9, running out of
 * memory), away from the suite's Spark session.
 */
public final class ChildJvm {
  private static final Pattern LAUNCHER_HEAP = Pattern.compile("-Xmx\\$\\{THEMEMINER_HEAP:-(\\w+)}");
  private static final Pattern LAUNCHER_MAIN = Pattern.compile("(org\\.thememiner\\.[\\w.]+Main) \"\\$@\"");

  private ChildJvm() {}

  public static ProcessBuilder thememiner(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-") || a.startsWith("-XX:+Ignore") || a.startsWith("-D") || a.startsWith("--enable"))
        .toList());
    command.addAll(List.of("-Xmx" + launcher(LAUNCHER_HEAP, "default heap (-Xmx${THEMEMINER_HEAP:-...})"),
        "-cp", System.getProperty("java.class.path"), launcher(LAUNCHER_MAIN, "main class")));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  /** What {@code jobs/thememiner} sets: its main class, or the heap it gives the job when THEMEMINER_HEAP is not set. */
  private static String launcher(Pattern setting, String what) {
    try {
      Matcher m = setting.matcher(Files.readString(Path.of("jobs/thememiner")));
      if (!m.find()) throw new IllegalStateException("jobs/thememiner sets no " + what);
      return m.group(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
