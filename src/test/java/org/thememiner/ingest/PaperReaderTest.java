package org.thememiner.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken and hostile inputs, all generated here: each must give a clear reason, never a stack trace. */
class PaperReaderTest {

  @TempDir
  Path dir;

  @Test
  void emptyFile() throws IOException {
    assertEquals("empty file", failure(Files.write(dir.resolve("empty.pdf"), new byte[0])));
  }

  @Test
  void garbageBytesNamedPdf() throws IOException {
    byte[] garbage = new byte[4096];
    new Random(42).nextBytes(garbage);
    assertTrue(failure(Files.write(dir.resolve("garbage.pdf"), garbage)).startsWith("not a PDF / damaged PDF: "));
  }

  @Test
  void truncatedPdf() throws IOException {
    byte[] tully = Files.readAllBytes(Corpus.pdf("tully-2010-heart-failure-programmes.pdf"));
    Path truncated = Files.write(dir.resolve("truncated.pdf"), Arrays.copyOf(tully, 2000));
    assertTrue(failure(truncated).startsWith("not a PDF / damaged PDF: "));
  }

  @Test
  void encryptedWithEmptyUserPasswordOpens() throws Exception {
    Path pdf = dir.resolve("owner-only.pdf");
    Files.write(pdf, encrypted(textPdf(2), ""));
    Paper paper = PaperReader.read(Corpus.input(pdf), ExtractOptions.DEFAULT);
    assertTrue(Corpus.bodyText(paper).contains("Participants described the programme"));
    assertTrue(paper.warnings().contains("encrypted PDF opened with the empty user password"));
  }

  @Test
  void encryptedWithUserPasswordIsRefused() throws Exception {
    Path pdf = Files.write(dir.resolve("locked.pdf"), encrypted(textPdf(2), "secret"));
    assertEquals("encrypted PDF that needs a password", failure(pdf));
  }

  @Test
  void imageOnlyPdf() throws Exception {
    try (PDDocument document = new PDDocument()) {
      BufferedImage scan = new BufferedImage(120, 160, BufferedImage.TYPE_INT_RGB);
      PDImageXObject image = LosslessFactory.createFromImage(document, scan);
      for (int i = 0; i < 3; i++) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.drawImage(image, 50, 50, 500, 700);
        }
      }
      Path pdf = Files.write(dir.resolve("scan.pdf"), bytes(document));
      assertEquals("no text layer (scanned or image-only PDF): 3 pages, 0 characters", failure(pdf));
    }
  }

  @Test
  void malformedXmlNamesTheLine() throws IOException {
    Path xml = Files.writeString(dir.resolve("broken.xml"),
        "<?xml version=\"1.0\"?>\n<article>\n<front><title>unclosed</front>\n</article>\n");
    String reason = failure(xml);
    assertTrue(reason.startsWith("malformed XML at line 3: "), reason);
  }

  @Test
  void fileOverTheSizeLimit() throws Exception {
    Path pdf = Files.write(dir.resolve("big.pdf"), textPdf(2));
    long size = Files.size(pdf);
    ExtractionException e = assertThrows(ExtractionException.class,
        () -> PaperReader.read(Corpus.input(pdf), new ExtractOptions(size - 1, ExtractOptions.DEFAULT.maxChars(), 10)));
    assertEquals("file is " + size + " bytes, over the limit of " + (size - 1) + " bytes", e.getMessage());
  }

  @Test
  void aPaperWithMoreTextThanTheLengthLimitIsRefused() throws Exception {
    Path pdf = Corpus.pdf("tully-2010-heart-failure-programmes.pdf");
    long length = PaperReader.read(Corpus.input(pdf), ExtractOptions.DEFAULT).textLength();
    assertTrue(length < ExtractOptions.DEFAULT.maxChars() / 50, "a paper is far inside the default: " + length);

    ExtractionException e = assertThrows(ExtractionException.class,
        () -> PaperReader.read(Corpus.input(pdf), new ExtractOptions(Long.MAX_VALUE, length - 1, 60)));
    assertEquals("text is " + length + " characters, over the limit of " + (length - 1) + " characters (extract.maxChars)",
        e.getMessage());
    assertEquals(length, PaperReader.read(Corpus.input(pdf), new ExtractOptions(Long.MAX_VALUE, length, 60)).textLength(),
        "a paper of exactly the limit is read");
  }

  @Test
  void slowDocumentIsAbandonedAfterTheTimeout() throws Exception {
    Path pdf = Files.write(dir.resolve("long.pdf"), textPdf(400));
    long start = System.nanoTime();
    ExtractionException e = assertThrows(ExtractionException.class,
        () -> PaperReader.read(Corpus.input(pdf), new ExtractOptions(Long.MAX_VALUE, ExtractOptions.DEFAULT.maxChars(), 1)));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals("timed out after 1 s", e.getMessage());
    assertTrue(seconds < 3, "caller waited " + seconds + " s");
  }

  @Test
  void pageDrawnScaledDownKeepsItsLinesApart() throws Exception {
    // browser-printed PDFs set 18 pt type and shrink the page to half: rendered 9 pt lines, 11 pt apart
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.transform(Matrix.getScaleInstance(0.5f, 0.5f));
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN), 18);
        content.setLeading(22);
        content.newLineAtOffset(144, 1400);
        for (int line = 0; line < 30; line++) {
          content.showText("Line " + line + " of the scaled page keeps its words in order.");
          content.newLine();
        }
        content.endText();
      }
      Path pdf = Files.write(dir.resolve("scaled.pdf"), bytes(document));
      String body = Corpus.bodyText(PaperReader.read(Corpus.input(pdf), ExtractOptions.DEFAULT));
      for (int line = 0; line < 30; line++) {
        assertTrue(body.contains("Line " + line + " of the scaled page keeps its words in order."), body);
      }
    }
  }

  @Test
  void missingFile() {
    assertTrue(failure(dir.resolve("gone.pdf")).startsWith("file not found: "));
  }

  @Test
  void unknownFormat() {
    InputFile odd = new InputFile(dir.resolve("x.docx").toString(), "x", "docx", 1);
    ExtractionException e =
        assertThrows(ExtractionException.class, () -> PaperReader.read(odd, ExtractOptions.DEFAULT));
    assertEquals("unsupported format 'docx'", e.getMessage());
  }

  @Test
  void plainTextReadsThroughTheSameEntryPoint() throws Exception {
    Path txt = Files.writeString(dir.resolve("notes.txt"), "Findings\n\nPeople valued the programme.\n",
        StandardCharsets.UTF_8);
    Paper paper = PaperReader.read(Corpus.input(txt), ExtractOptions.DEFAULT);
    assertEquals("text", paper.format());
    assertEquals("results", paper.sections().get(0).part());
  }

  private static String failure(Path path) {
    InputFile file = new InputFile(path.toString(), "t", InputScanner.formatOf(path).orElseThrow(), 0);
    return assertThrows(ExtractionException.class, () -> PaperReader.read(file, ExtractOptions.DEFAULT)).getMessage();
  }

  /** A plain one-column PDF of {@code pages} pages of body text. */
  private static byte[] textPdf(int pages) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int p = 0; p < pages; p++) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(font, 10);
          content.setLeading(12);
          content.newLineAtOffset(72, 720);
          for (int line = 0; line < 50; line++) {
            content.showText("Participants described the programme as a source of confidence, line " + line + ".");
            content.newLine();
          }
          content.endText();
        }
      }
      return bytes(document);
    }
  }

  private static byte[] encrypted(byte[] pdf, String userPassword) throws IOException {
    try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      return bytes(document);
    }
  }

  private static byte[] bytes(PDDocument document) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }
}
