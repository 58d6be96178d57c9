import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.thememiner.ingest.InputFile;
import org.thememiner.ingest.JatsExtractor;
import org.thememiner.ingest.Paper;
import org.thememiner.ingest.QuoteSpan;
import org.thememiner.ingest.Section;

/**
 * Typesets a JATS article as a journal-like PDF with PDFBox: title and abstract across the page, the body in one or
 * two columns, bold headings by level, indented italic quotes, small captions after their section, a numbered
 * reference list with hanging indent, a running header (journal, first author) and a "Page x of y" footer.
 *
 * Usage: java -cp CLASSPATH TypesetJats OUT_DIR ARTICLE.xml... (writes NAME.one.pdf and NAME.two.pdf per article)
 */
public final class TypesetJats {

  private static final float MARGIN = 56;
  private static final float GUTTER = 16;
  private static final PDRectangle A4 = PDRectangle.A4;

  private record Run(String text, PDType1Font font, float size, float indent, float rightIndent, float spaceBefore,
      float firstIndent) {}

  private record Placed(int page, float x, float y, String text, PDType1Font font, float size) {}

  private final PDType1Font roman = new PDType1Font(FontName.TIMES_ROMAN);
  private final PDType1Font bold = new PDType1Font(FontName.TIMES_BOLD);
  private final PDType1Font italic = new PDType1Font(FontName.TIMES_ITALIC);
  private final PDType1Font boldItalic = new PDType1Font(FontName.TIMES_BOLD_ITALIC);
  private final PDType1Font sans = new PDType1Font(FontName.HELVETICA);
  private final PDType1Font sansBold = new PDType1Font(FontName.HELVETICA_BOLD);
  private final Map<Character, Boolean> encodable = new HashMap<>();
  private final List<Placed> placed = new ArrayList<>();
  private int page;
  private float y;
  private int column;
  /** Where columns start on the current page: below the title and abstract on the first page. */
  private float columnTop;

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    for (int i = 1; i < args.length; i++) {
      byte[] xml = Files.readAllBytes(Path.of(args[i]));
      Paper paper = new JatsExtractor().extract(new InputFile(args[i], "t", "jats", xml.length), xml, "");
      String name = Path.of(args[i]).getFileName().toString().replaceFirst("\\.xml$", "");
      new TypesetJats().write(paper, out.resolve(name + ".one.pdf"), 1);
      new TypesetJats().write(paper, out.resolve(name + ".two.pdf"), 2);
    }
  }

  private void write(Paper paper, Path target, int columns) throws IOException {
    float full = A4.getWidth() - 2 * MARGIN;
    y = A4.getHeight() - MARGIN - 10;
    flow(List.of(new Run(paper.title(), sansBold, 16, 0, 0, 0, 0)), MARGIN, full, 1);
    flow(List.of(new Run(String.join(", ", paper.authors()), sans, 10, 0, 0, 6, 0)), MARGIN, full, 1);
    List<Run> front = new ArrayList<>();
    List<Run> body = new ArrayList<>();
    int caption = 0;
    for (Section s : paper.sections()) {
      boolean abstractPart = s.part().equals("abstract");
      if (abstractPart && !s.heading().equals("Abstract")) continue;
      List<Run> into = abstractPart ? front : body;
      if (!s.heading().isEmpty()) {
        PDType1Font font = s.level() == 1 ? bold : s.level() == 2 ? bold : boldItalic;
        into.add(new Run(s.heading(), font, s.level() == 1 ? 11.5f : 10f, 0, 0, s.level() == 1 ? 10 : 7, 0));
      }
      paragraphs(s, into);
      if (!abstractPart && caption < paper.captions().size()) {
        body.add(new Run(paper.captions().get(caption++), sans, 7.5f, 0, 0, 6, 0));
      }
    }
    flow(front, MARGIN, full, 1);
    y -= 8;
    body.add(new Run("References", bold, 11.5f, 0, 0, 10, 0));
    for (int i = 0; i < paper.references().size(); i++) {
      body.add(new Run("[" + (i + 1) + "] " + paper.references().get(i), roman, 8, 12, 0, 1.5f, -12));
    }
    float width = columns == 1 ? full : (full - GUTTER) / 2;
    flow(body, MARGIN, width, columns);
    render(paper, target);
  }

  private void paragraphs(Section s, List<Run> out) {
    int offset = 0;
    for (String paragraph : s.text().split("\n\n", -1)) {
      int start = offset;
      offset += paragraph.length() + 2;
      if (paragraph.isBlank()) continue;
      boolean quote = s.quotes().stream().map(QuoteSpan::start)
          .anyMatch(q -> q >= start && q < start + paragraph.length());
      out.add(quote ? new Run(paragraph, italic, 9.5f, 18, 18, 4, 0) : new Run(paragraph, roman, 9.5f, 0, 0, 2, 12));
    }
  }

  /** Greedy line breaking into the current column; a full column moves to the next column or page. */
  private void flow(List<Run> runs, float left, float width, int columns) throws IOException {
    columnTop = y;
    for (Run run : runs) {
      float leading = run.size() * 1.22f;
      y -= run.spaceBefore();
      List<String> words = List.of(clean(run.text(), run.font()).split("\\s+"));
      StringBuilder line = new StringBuilder();
      boolean first = true;
      for (String word : words) {
        float indent = run.indent() + (first ? run.firstIndent() : 0);
        String candidate = line.isEmpty() ? word : line + " " + word;
        float available = width - indent - run.rightIndent();
        if (!line.isEmpty() && run.font().getStringWidth(candidate) / 1000 * run.size() > available) {
          emit(line.toString(), run, left, width, columns, indent, leading);
          first = false;
          line.setLength(0);
          line.append(word);
        } else {
          line.setLength(0);
          line.append(candidate);
        }
      }
      if (!line.isEmpty()) {
        emit(line.toString(), run, left, width, columns, run.indent() + (first ? run.firstIndent() : 0), leading);
      }
    }
  }

  private void emit(String text, Run run, float left, float width, int columns, float indent, float leading) {
    if (y - leading < MARGIN + 14) {
      if (columns == 2 && column == 0) {
        column = 1;
      } else {
        column = 0;
        page++;
        columnTop = A4.getHeight() - MARGIN - 6;
      }
      y = columnTop;
    }
    y -= leading;
    float x = left + column * (width + GUTTER) + indent;
    placed.add(new Placed(page, x, y, text, run.font(), run.size()));
  }

  private String clean(String text, PDType1Font font) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      boolean ok = encodable.computeIfAbsent(c, ch -> {
        try {
          font.encode(String.valueOf(ch));
          return true;
        } catch (IOException | IllegalArgumentException e) {
          return false;
        }
      });
      out.append(ok ? c : '?');
    }
    return out.toString();
  }

  private void render(Paper paper, Path target) throws IOException {
    try (PDDocument document = new PDDocument()) {
      int pages = page + 1;
      String firstAuthor = paper.authors().isEmpty() ? "Anonymous" : paper.authors().get(0);
      String surname = firstAuthor.substring(firstAuthor.lastIndexOf(' ') + 1);
      String header = clean(paper.journal() + " \u00b7 " + surname + " et al.", sans);
      for (int p = 0; p < pages; p++) {
        PDPage pdPage = new PDPage(A4);
        document.addPage(pdPage);
        try (PDPageContentStream content = new PDPageContentStream(document, pdPage)) {
          text(content, sans, 7, MARGIN, A4.getHeight() - 30, header);
          text(content, sans, 7, A4.getWidth() / 2 - 20, 28, "Page " + (p + 1) + " of " + pages);
          for (Placed line : placed) {
            if (line.page() == p) text(content, line.font(), line.size(), line.x(), line.y(), line.text());
          }
        }
      }
      document.save(target.toFile());
    }
  }

  private static void text(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
      throws IOException {
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, y);
    content.showText(text);
    content.endText();
  }
}
