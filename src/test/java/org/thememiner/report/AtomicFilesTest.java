package org.thememiner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void aFailedWriteLeavesThePreviousVersionAndNoTemporaryFile() throws IOException {
    Path target = dir.resolve("themes.json");
    AtomicFiles.writeString(target, "old");
    assertThrows(IOException.class, () -> AtomicFiles.write(target, w -> {
      w.write("half of the new");
      throw new IOException("disk full");
    }));
    assertEquals("old", Files.readString(target));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
  }

  @Test
  void aFolderIsReplacedWhole() throws IOException {
    Path target = dir.resolve("sentences");
    Files.createDirectories(target);
    Files.writeString(target.resolve("part-0-old"), "x");
    Path fresh = dir.resolve(".sentences.tmp");
    Files.createDirectories(fresh);
    Files.writeString(fresh.resolve("part-0-new"), "y");
    AtomicFiles.replace(fresh, target);
    assertEquals("y", Files.readString(target.resolve("part-0-new")));
    assertEquals(false, Files.exists(target.resolve("part-0-old")));
    assertEquals(false, Files.exists(fresh));
  }
}
