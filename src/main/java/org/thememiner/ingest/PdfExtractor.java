package org.thememiner.ingest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.thememiner.ingest.PdfGlyphCollector.PageGlyphs;

/**
 * Scholarly PDFs with PDFBox: glyphs in reading order ({@link PdfPageLayout}), page furniture removed
 * ({@link PageFurniture}), structure read from layout ({@link PdfStructure}), metadata from the document and its
 * first page ({@link PdfMetadata}). Stateless: every call builds its own PDFBox objects.
 */
public final class PdfExtractor implements Extractor {

  /** Fewer extractable characters per page than this means the pages are images of text. */
  private static final int MIN_CHARS_PER_PAGE = 20;

  @Override
  public Paper extract(InputFile file, byte[] bytes, String sha256) throws ExtractionException {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      return extract(file, sha256, document);
    } catch (InvalidPasswordException e) {
      throw new ExtractionException("encrypted PDF that needs a password", e);
    } catch (InterruptedIOException e) {
      throw new ExtractionException("interrupted", e);
    } catch (IOException e) {
      throw new ExtractionException("not a PDF / damaged PDF: " + e.getMessage(), e);
    }
  }

  private static Paper extract(InputFile file, String sha256, PDDocument document)
      throws IOException, ExtractionException {
    List<String> warnings = new ArrayList<>();
    if (document.isEncrypted()) warnings.add("encrypted PDF opened with the empty user password");
    int pageCount = document.getNumberOfPages();
    if (pageCount == 0) throw new ExtractionException("PDF has no pages");

    List<PageGlyphs> pages = new PdfGlyphCollector().collect(document);
    int chars = pages.stream().mapToInt(p -> p.glyphs().size()).sum();
    if (chars < MIN_CHARS_PER_PAGE * pageCount) {
      throw new ExtractionException("no text layer (scanned or image-only PDF): " + pageCount + " pages, " + chars
          + " characters");
    }

    List<List<PdfLine>> fragments = new ArrayList<>();
    for (PageGlyphs page : pages) fragments.add(PdfPageLayout.fragments(page));
    PageFurniture furniture = PageFurniture.detect(fragments, pages.stream().map(PageGlyphs::height).toList(),
        pages.stream().map(PageGlyphs::width).toList());
    float bodySize = bodySize(fragments, furniture);

    List<PdfLine> ordered = new ArrayList<>();
    List<PdfLine> margin = new ArrayList<>();
    for (List<PdfLine> page : fragments) {
      List<PdfLine> content = page.stream().filter(l -> !furniture.contains(l)).toList();
      ordered.addAll(PdfPageLayout.readingOrder(content, bodySize, margin));
    }
    if (furniture.size() > 0) {
      warnings.add(furniture.size() + " lines of page furniture removed (running headers, page numbers, stamps)");
    }
    if (!margin.isEmpty()) {
      warnings.add(margin.size()
          + " lines in narrow columns of smaller type (side notes, table columns) kept out of the body");
    }

    PdfStructure.Result structure = PdfStructure.read(ordered, PdfStructure.BodyStyle.of(ordered), warnings);
    List<PdfLine> firstPage =
        new ArrayList<>(PdfPageLayout.readingOrder(fragments.get(0), bodySize, new ArrayList<>()));
    firstPage.addAll(margin.stream().filter(l -> l.page() == 1).toList());
    PdfMetadata metadata = PdfMetadata.read(document, firstPage, furniture.runningTexts(), structure.boilerplate(),
        structure.references());
    if (structure.sections().isEmpty()) warnings.add("no body sections recognised");

    return new Paper(file.id(), file.path(), sha256, "pdf", metadata.title(), metadata.authors(), metadata.year(),
        metadata.doi(), metadata.journal(), structure.sections(), structure.captions(), structure.references(),
        warnings);
  }

  private static float bodySize(List<List<PdfLine>> pages, PageFurniture furniture) {
    List<PdfLine> content = new ArrayList<>();
    for (List<PdfLine> page : pages) for (PdfLine l : page) if (!furniture.contains(l)) content.add(l);
    return PdfStructure.BodyStyle.of(content).size();
  }
}
