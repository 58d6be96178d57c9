package org.thememiner.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputScannerTest {

  @TempDir
  Path dir;

  @Test
  void recognisedFilesSortedWithFormatsAndSlugIds() throws IOException {
    Files.createDirectories(dir.resolve("a/b"));
    Files.writeString(dir.resolve("a/b/Smith 2010 (Final).PDF"), "x");
    Files.writeString(dir.resolve("a/article.nxml"), "<article/>");
    Files.writeString(dir.resolve("notes.md"), "# Notes");
    Files.writeString(dir.resolve("transcript.txt"), "P1: yes");
    Files.writeString(dir.resolve("figure.png"), "not read");
    List<InputFile> files = InputScanner.scan(List.of(dir.toString()));
    assertEquals(List.of("article", "smith-2010-final", "notes", "transcript"),
        files.stream().map(InputFile::id).toList());
    assertEquals(List.of("jats", "pdf", "text", "text"), files.stream().map(InputFile::format).toList());
    assertTrue(files.stream().allMatch(f -> f.size() > 0));
  }

  @Test
  void sharedSlugsGetAPathHash() throws IOException {
    Path one = Files.writeString(Files.createDirectories(dir.resolve("one")).resolve("paper.pdf"), "x");
    Path two = Files.writeString(Files.createDirectories(dir.resolve("two")).resolve("Paper.xml"), "<a/>");
    List<InputFile> files = InputScanner.scan(List.of(dir.toString()));
    String hashOne = FileHashes.sha256(one.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    String hashTwo = FileHashes.sha256(two.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    assertEquals(List.of("paper-" + hashOne, "paper-" + hashTwo), files.stream().map(InputFile::id).toList());
    assertEquals(files, InputScanner.scan(List.of(dir.toString())), "ids are deterministic");
  }

  @Test
  void sameFileGivenTwiceIsScannedOnce() throws IOException {
    Path file = Files.writeString(dir.resolve("study.txt"), "text");
    List<InputFile> files = InputScanner.scan(List.of(file.toString(), dir.toString(),
        dir.resolve(".").resolve("study.txt").toString()));
    assertEquals(1, files.size());
    assertEquals("study", files.get(0).id());
  }

  @Test
  void missingInputIsNamed() {
    String missing = dir.resolve("nowhere/paper.pdf").toString();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> InputScanner.scan(List.of(missing)));
    assertTrue(e.getMessage().contains(missing), e.getMessage());
  }

  @Test
  void theSharedCorpusScans() {
    List<InputFile> files = InputScanner.scan(List.of(Corpus.root().toString()));
    assertEquals(4, files.stream().filter(f -> f.format().equals("pdf")).count());
    assertEquals(121, files.stream().filter(f -> f.format().equals("jats")).count());
    assertEquals(files.size(), files.stream().map(InputFile::id).distinct().count());
  }
}
