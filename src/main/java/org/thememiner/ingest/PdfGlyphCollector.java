package org.thememiner.ingest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Collects every page's glyphs with position and font, leaving reading order to {@link PdfPageLayout}: PDFBox's own
 * ordering follows the content stream, which interleaves columns and margin notes in many publisher PDFs. One
 * instance per document; not thread-safe.
 */
final class PdfGlyphCollector extends PDFTextStripper {

  /** One drawn character. {@code baseline} grows downwards from the top of the page. */
  record Glyph(String text, float x, float baseline, float width, float size, String font, boolean bold,
      boolean italic, int direction) {}

  /** The glyphs of one page, in page units (points). */
  record PageGlyphs(int number, float width, float height, List<Glyph> glyphs) {}

  private static final Pattern SUBSET_PREFIX = Pattern.compile("^[A-Z]{6}\\+");
  private static final Pattern BOLD_NAME = Pattern.compile("(?i)bold|black|heavy|semibold|demi|\\.B$|,B$|-B$");
  private static final Pattern ITALIC_NAME = Pattern.compile("(?i)italic|oblique|\\.I$|,I$|-It$|-Ital");

  /** A font's face as the glyphs need it: its name without subset prefix, lower-cased, and its weight and slant. */
  private record Face(String name, boolean bold, boolean italic) {}

  private static final Face NO_FONT = new Face("", false, false);

  private final List<PageGlyphs> pages = new ArrayList<>();
  /**
   * Faces by font dictionary: the name patterns and the descriptor are read once per font, not once per glyph (a
   * font set inline in a content stream is a new PDFont at every use, its dictionary is not).
   */
  private final Map<COSDictionary, Face> faces = new IdentityHashMap<>();
  /**
   * The current transformation's vertical scale when each glyph was drawn, where it is not 1: the nominal font
   * size leaves it out, and browser-printed PDFs draw the whole page scaled down. (Kept only where it is not 1:
   * a map entry per glyph of every PDF cost a twentieth of the extraction.)
   */
  private final Map<TextPosition, Float> pageScale = new IdentityHashMap<>();

  PdfGlyphCollector() throws IOException {
    setSortByPosition(false);
  }

  List<PageGlyphs> collect(PDDocument document) throws IOException {
    pages.clear();
    getText(document);
    return List.copyOf(pages);
  }

  @Override
  protected void processTextPosition(TextPosition text) {
    float scale = Math.abs(getGraphicsState().getCurrentTransformationMatrix().getScalingFactorY());
    if (scale != 1f) pageScale.put(text, scale);
    super.processTextPosition(text);
  }

  @Override
  protected void startPage(PDPage page) throws IOException {
    if (Thread.currentThread().isInterrupted()) throw new InterruptedIOException("extraction interrupted");
    super.startPage(page);
  }

  /** "ﬁ", "ﬀ", "ﬂ" and friends (U+FB00..FB06), which would otherwise split words for search and NLP. */
  private static boolean isLigature(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0xFB00 && c <= 0xFB06) return true;
    }
    return false;
  }

  /**
   * A control or private-use character: a symbol-font glyph without a Unicode mapping, nearly always a list bullet
   * (U+F0B7 in Symbol, U+0001 in many publisher fonts).
   */
  private static boolean isUnmappedSymbol(String text) {
    return text.length() == 1 && (text.charAt(0) < 0x20 || Character.getType(text.charAt(0)) == Character.PRIVATE_USE);
  }

  private static Face face(PDFont font) {
    String name = font.getName() == null ? "" : SUBSET_PREFIX.matcher(font.getName()).replaceFirst("");
    PDFontDescriptor descriptor = font.getFontDescriptor();
    boolean bold = BOLD_NAME.matcher(name).find()
        || descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 600);
    boolean italic = ITALIC_NAME.matcher(name).find() || descriptor != null && descriptor.isItalic();
    return new Face(name.toLowerCase(Locale.ROOT), bold, italic);
  }

  @Override
  protected void writePage() {
    List<Glyph> glyphs = new ArrayList<>();
    for (List<TextPosition> article : getCharactersByArticle()) {
      for (TextPosition tp : article) {
        String text = tp.getUnicode();
        if (text == null || text.isBlank()) continue;
        if (isLigature(text)) text = Normalizer.normalize(text, Normalizer.Form.NFKC);
        if (isUnmappedSymbol(text)) text = "\u2022";
        float nominal = tp.getFontSizeInPt() > 0.5f ? tp.getFontSizeInPt() : tp.getHeightDir() * 1.4f;
        float size = nominal * pageScale.getOrDefault(tp, 1f);
        PDFont font = tp.getFont();
        Face face = font == null ? NO_FONT : faces.computeIfAbsent(font.getCOSObject(), d -> face(font));
        glyphs.add(new Glyph(text, tp.getXDirAdj(), tp.getYDirAdj(), tp.getWidthDirAdj(), size,
            face.name(), face.bold(), face.italic(), Math.round(tp.getDir())));
      }
    }
    pageScale.clear();
    PDRectangle box = getCurrentPage().getCropBox();
    boolean turned = getCurrentPage().getRotation() % 180 != 0;
    pages.add(new PageGlyphs(getCurrentPageNo(), turned ? box.getHeight() : box.getWidth(),
        turned ? box.getWidth() : box.getHeight(), glyphs));
  }
}
