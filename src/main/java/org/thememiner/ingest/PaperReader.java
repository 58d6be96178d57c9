package org.thememiner.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;

/** Placeholder reader: replaced by the extract branch. */
public final class PaperReader {
  private PaperReader() {}

  public static Paper read(InputFile file, ExtractOptions options) throws ExtractionException {
    try {
      byte[] bytes = Files.readAllBytes(Path.of(file.path()));
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      String text;
      if (file.format().equals("pdf")) {
        try (var doc = Loader.loadPDF(bytes)) {
          text = new PDFTextStripper().getText(doc);
        }
      } else {
        text = new String(bytes, StandardCharsets.UTF_8).replaceAll("<[^>]+>", " ");
      }
      if (text.isBlank()) throw new ExtractionException("no text");
      return new Paper(file.id(), file.path(), sha, file.format(), file.id(), List.of(), null, null, null,
          List.of(new Section("Results", "results", 1, 1, text.replaceAll("\n(?!\n)", " "), List.of())),
          List.of(), List.of(), List.of());
    } catch (ExtractionException e) {
      throw e;
    } catch (Exception e) {
      throw new ExtractionException(e.toString(), e);
    }
  }
}
