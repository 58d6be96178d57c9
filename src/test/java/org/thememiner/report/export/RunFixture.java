package org.thememiner.report.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The synthetic run folder in {@code src/test/resources/export/run} (three papers, three themes, one construct set;
 * see the README there), copied into a test's temporary folder so a test may change or break it.
 */
public final class RunFixture {
  private RunFixture() {}

  static Path source() {
    try {
      return Path.of(RunFixture.class.getResource("/export/run/run.json").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Path copyTo(Path dir) throws IOException {
    Path run = dir.resolve("run");
    Files.createDirectories(run);
    try (Stream<Path> files = Files.list(source())) {
      files.filter(Files::isRegularFile).forEach(f -> {
        try {
          Files.copy(f, run.resolve(f.getFileName()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    return run;
  }
}
