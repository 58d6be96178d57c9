package org.thememiner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.ingest.FileHashes;

/** thememiner's code hash: what tells a rerun that cached papers and a previous run's outputs came from this code. */
class VersionsTest {

  @Test
  void eachPackageOfTheRunningCodeHasAHashOfItsOwn() {
    String ingest = Versions.code("org/thememiner/ingest/");
    assertTrue(ingest.matches("[0-9a-f]{16}"), ingest);
    assertEquals(ingest, Versions.code("org/thememiner/ingest/"));
    assertNotEquals(ingest, Versions.code("org/thememiner/annotate/"));
    assertEquals(Versions.code("org/thememiner/"), Versions.current().get("thememiner-code"));
  }

  /** A jar and the classes folder it was packed from hash alike, and one changed byte changes the hash. */
  @Test
  void aJarHashesAsTheFolderItWasPackedFrom(@TempDir Path dir) throws IOException {
    Path classes = dir.resolve("classes");
    List<String> files = List.of("org/thememiner/ingest/A.class", "org/thememiner/ingest/B.class",
        "org/thememiner/ingest/words.yaml", "org/thememiner/annotate/C.class");
    for (String f : files) {
      Files.createDirectories(classes.resolve(f).getParent());
      Files.writeString(classes.resolve(f), "bytes of " + f);
    }
    Path jar = pack(classes, files, dir.resolve("app.jar"));
    String folderHash = FileHashes.sha256Tree(classes.resolve("org/thememiner/ingest/"));
    assertEquals(folderHash, FileHashes.sha256Entries(jar, "org/thememiner/ingest/"));

    Files.writeString(classes.resolve(files.get(1)), "bytes of a changed B");
    Path changed = pack(classes, files, dir.resolve("changed.jar"));
    assertNotEquals(folderHash, FileHashes.sha256Entries(changed, "org/thememiner/ingest/"));
    assertEquals(FileHashes.sha256Entries(jar, "org/thememiner/annotate/"),
        FileHashes.sha256Entries(changed, "org/thememiner/annotate/"), "another package's hash stays");
  }

  /** Packs the files in reverse order: the hash must not follow the order of a jar's entries. */
  private static Path pack(Path classes, List<String> files, Path jar) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("org/thememiner/"));
      for (int i = files.size() - 1; i >= 0; i--) {
        out.putNextEntry(new JarEntry(files.get(i)));
        out.write(Files.readAllBytes(classes.resolve(files.get(i))));
      }
    }
    return jar;
  }
}
