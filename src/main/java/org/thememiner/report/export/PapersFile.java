package org.thememiner.report.export;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.thememiner.ingest.Paper;
import org.thememiner.report.Json;

/** Streams papers.jsonl one paper at a time, so an export never holds the corpus. */
final class PapersFile {
  /** Receives each paper in file order. */
  @FunctionalInterface
  interface PaperConsumer {
    void accept(Paper paper) throws IOException;
  }

  /** Fields added to papers.jsonl later must not break exports of older code. */
  private static final ObjectReader PAPER = Json.MAPPER.readerFor(Paper.class)
      .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private PapersFile() {}

  /** Calls {@code consumer} for each paper; a line that is not a paper fails with the file and line number. */
  static void forEach(Path file, PaperConsumer consumer) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long lineNo = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        if (line.isBlank()) continue;
        Paper paper;
        try {
          paper = PAPER.readValue(line);
        } catch (IOException | RuntimeException e) {
          throw new IOException(file + " line " + lineNo + ": not a paper: " + RunFolder.problem(e), e);
        }
        if (paper.id() == null || paper.id().isBlank()) throw new IOException(file + " line " + lineNo + ": paper has no id");
        consumer.accept(paper);
      }
    }
  }
}
