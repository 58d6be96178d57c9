package org.thememiner.ingest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the structure of a PDF article from its lines in reading order: headings from layout (a short line in a
 * distinct face or size, numbering like "3.1"), paragraphs from spacing and indentation, participant quotes as
 * indented or italic blocks with a speaker attribution, captions, small print and the reference list.
 */
final class PdfStructure {

  /** The body text's face and measure, against which headings, quotes and small print stand out. */
  record BodyStyle(float size, String font, float lineSpacing) {

    /**
     * Measured on the lines before the reference list: in a short article or an excerpt the references, set
     * smaller, can outnumber the body text.
     */
    static BodyStyle of(List<PdfLine> lines) {
      List<PdfLine> before = beforeReferences(lines);
      Map<Float, Integer> sizes = new HashMap<>();
      Map<String, Integer> fonts = new HashMap<>();
      for (PdfLine l : before) {
        sizes.merge(l.size(), l.text().length(), Integer::sum);
        fonts.merge(l.font(), l.text().length(), Integer::sum);
      }
      float size = sizes.isEmpty() ? 10f : PdfPageLayout.mode(sizes);
      Map<Float, Integer> spacings = new HashMap<>();
      for (int i = 1; i < before.size(); i++) {
        PdfLine a = before.get(i - 1);
        PdfLine b = before.get(i);
        float dy = b.baseline() - a.baseline();
        if (a.page() == b.page() && a.size() == size && b.size() == size && dy > 0.9f * size && dy < 2.5f * size) {
          spacings.merge(Math.round(dy * 4) / 4f, 1, Integer::sum);
        }
      }
      float spacing = spacings.isEmpty() ? size * 1.2f : PdfPageLayout.mode(spacings);
      return new BodyStyle(size, fonts.isEmpty() ? "" : PdfPageLayout.mode(fonts), spacing);
    }

    private static List<PdfLine> beforeReferences(List<PdfLine> lines) {
      for (int i = 0; i < lines.size(); i++) {
        if (REFERENCES_HEADING.matcher(lines.get(i).text().strip()).matches()) {
          int chars = lines.subList(0, i).stream().mapToInt(l -> l.text().length()).sum();
          return chars >= 2000 ? lines.subList(0, i) : lines;
        }
      }
      return lines;
    }
  }

  /** What the structure pass hands back to the extractor. */
  record Result(List<Section> sections, List<String> captions, List<String> references, List<String> boilerplate) {}

  private static final Pattern REFERENCES_HEADING =
      Pattern.compile("(?i)(?:\\d+\\.?\\s*)?(?:references|bibliography|literature cited|works cited)");
  private static final Pattern NUMBERING = Pattern.compile("^\\s*(?:\\d+(?:\\.\\d+)*\\.?|[IVX]+\\.)\\s+(?=\\S)");
  private static final Pattern SUBSECTION_NUMBER = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)+)\\.?\\s");
  private static final Pattern CAPTION = Pattern.compile(
      "^(?:Fig(?:ure)?\\.?|Table|Box|Scheme|Chart|Plate)\\s+S?[0-9IVX]+[a-z]?(?:\\s*[.:|\u2014\u2013-]|\\s+[A-Z(])");
  private static final Pattern REFERENCE_START =
      Pattern.compile("^\\s*(?:\\[\\d{1,3}\\]|\\d{1,3}\\.\\s|\\d{1,3}\\s+\\p{Lu})");
  private static final Pattern REFERENCE_LIKE = Pattern.compile("(?:19|20)\\d{2}|et al|\\bdoi\\b|\\bvol\\.");
  /** A run-in heading: "Background: Knowledge regarding the best approaches ..." is a paragraph. */
  private static final Pattern RUN_IN = Pattern.compile("^[^:]{1,40}:\\s+(?:\\S+\\s+){3,}\\S");
  /** A list item whose continuation lines hang under its text, not under its marker. */
  private static final Pattern LIST_ITEM = Pattern.compile(
      "^\\s*(?:(?:\\(?(?:[ivx]{1,5}|\\d{1,2}|[a-z])\\)|\\d{1,2}\\.)\\s+|[\u2022\u2013\u25aa\u25cf\u25e6\u2023\u00b7-]\\s*)");
  private static final Pattern TERMINAL = Pattern.compile("[.?!:\u201d\"')\\]]$");
  private static final Pattern CLAUSE_END = Pattern.compile(".*[,;:]$");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Set<SectionPart> BODY_PARTS = EnumSet.of(SectionPart.ABSTRACT, SectionPart.INTRODUCTION,
      SectionPart.METHODS, SectionPart.RESULTS, SectionPart.DISCUSSION, SectionPart.CONCLUSION);
  private static final int MIN_ABSTRACT_WORDS = 50;

  private final List<PdfLine> lines;
  private final BodyStyle body;
  private final Dehyphenator dehyphenator;
  private final List<String> warnings;
  private final SectionAssembler assembler = new SectionAssembler(true);
  private final List<String> captions = new ArrayList<>();
  private final List<String> boilerplate = new ArrayList<>();
  private final List<List<PdfLine>> frontMatter = new ArrayList<>();
  private final Map<String, Integer> styleChars = new HashMap<>();
  private int smallPrint;
  /** The last body paragraph, held back in case a figure, table or page break interrupted it mid-sentence. */
  private String pending;
  private Integer pendingPage;
  private boolean inFrontMatter = true;

  private PdfStructure(List<PdfLine> lines, BodyStyle body, List<String> warnings) {
    this.lines = lines;
    this.body = body;
    this.warnings = warnings;
    this.dehyphenator = new Dehyphenator(lines.stream().map(PdfLine::text).toList());
    for (PdfLine l : lines) styleChars.merge(l.style(), l.text().length(), Integer::sum);
  }

  /** @param lines the document's lines in reading order, page furniture already removed */
  static Result read(List<PdfLine> lines, BodyStyle body, List<String> warnings) {
    PdfStructure structure = new PdfStructure(lines, body, warnings);
    structure.run();
    return new Result(structure.assembler.sections(), List.copyOf(structure.captions),
        structure.assembler.references(), List.copyOf(structure.boilerplate));
  }

  private record Heading(int first, int last, String text, int level, String style, float size) {}

  private void run() {
    Map<Integer, Heading> headings = headings();
    List<PdfLine> paragraph = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Heading heading = headings.get(i);
      if (heading != null) {
        flush(paragraph);
        emitPending();
        if (inFrontMatter) {
          SectionPart part = SectionPart.fromHeading(heading.text());
          if (part == SectionPart.REFERENCES || part == SectionPart.ACKNOWLEDGEMENTS) keepFrontMatterAsBody();
          else leaveFrontMatter(part == SectionPart.ABSTRACT);
        }
        assembler.heading(heading.text(), heading.level(), lines.get(i).page(), null);
        i = heading.last();
        continue;
      }
      PdfLine line = lines.get(i);
      boolean references = assembler.currentPart() == SectionPart.REFERENCES;
      if (!paragraph.isEmpty()
          && (references ? startsReference(paragraph, line) : startsParagraph(paragraph, line))) {
        flush(paragraph);
      }
      paragraph.add(line);
    }
    flush(paragraph);
    emitPending();
    if (inFrontMatter) keepFrontMatterAsBody();
    if (smallPrint > 0) {
      warnings.add(smallPrint + " blocks of small print (table cells, footnotes, figure text) left out of the body");
    }
  }

  // ---- headings

  private Map<Integer, Heading> headings() {
    List<Heading> candidates = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!isHeadingLine(i)) continue;
      int last = i;
      StringBuilder text = new StringBuilder(lines.get(i).text().strip());
      while (last + 1 < lines.size() && last - i < 4 && continuesHeading(lines.get(last), lines.get(last + 1))) {
        last++;
        dehyphenator.appendLine(text, lines.get(last).text());
      }
      candidates.add(new Heading(i, last, text.toString(), 1, lines.get(i).style(), lines.get(i).size()));
      i = last;
    }
    Optional<Heading> firstCanonical = candidates.stream()
        .filter(h -> BODY_PARTS.contains(SectionPart.fromHeading(h.text()))).findFirst();
    Heading top = candidates.stream().filter(h -> {
      SectionPart part = SectionPart.fromHeading(h.text());
      return part != null && part != SectionPart.ABSTRACT && BODY_PARTS.contains(part);
    }).findFirst().orElse(firstCanonical.orElse(null));
    Map<Integer, Heading> accepted = new HashMap<>();
    // without a canonical heading, the front matter (title, authors) ends where body text starts
    int start = firstCanonical.map(Heading::first).orElseGet(this::firstBodyLine);
    boolean inReferences = false;
    for (Heading h : candidates) {
      SectionPart part = SectionPart.fromHeading(h.text());
      if (h.first() < start && part == null) continue;
      // bold author names in a reference list look like headings; only a named part ends the list
      if (inReferences && part == null) continue;
      inReferences = part == SectionPart.REFERENCES || inReferences && part == null;
      accepted.put(h.first(), new Heading(h.first(), h.last(), NUMBERING.matcher(h.text()).replaceFirst(""),
          level(h, top), h.style(), h.size()));
    }
    return accepted;
  }

  private int firstBodyLine() {
    for (int i = 0; i < lines.size(); i++) {
      PdfLine l = lines.get(i);
      if (l.font().equals(body.font()) && Math.abs(l.size() - body.size()) < 0.6f) return i;
    }
    return 0;
  }

  private boolean isHeadingLine(int index) {
    PdfLine line = lines.get(index);
    String text = line.text().strip();
    if (text.isEmpty() || text.length() > 160 || !Character.isLetterOrDigit(text.codePointAt(0))) return false;
    // the cheap tests first: most lines are body text and fail one of them
    if (Character.isLowerCase(text.codePointAt(0))) return false;
    // italic body type is a quote or an emphasis; bold italic is a minor heading
    if (line.italicShare() > 0.5f && line.boldShare() < 0.8f) return false;
    String words = NUMBERING.matcher(text).replaceFirst("");
    if (words.isEmpty() || !Character.isUpperCase(words.codePointAt(0))) return false;
    int wordCount = wordCount(words);
    if (wordCount > 25) return false;
    // a full-width line of several words, not all bold, starts a paragraph (perhaps with a run-in heading)
    if (wordCount >= 8 && line.shortfallEm() < 3f && line.boldShare() < 0.8f) return false;
    if (CAPTION.matcher(text).find() || CLAUSE_END.matcher(text).matches()) return false;
    boolean canonical = SectionPart.fromHeading(words) != null && wordCount <= 6;
    if (!canonical && (text.endsWith(".") || line.size() < body.size() - 0.6f)) return false;
    if (RUN_IN.matcher(text).find() || text.chars().filter(c -> c == ',').count() >= 4) return false;
    if (line.boldShare() >= 0.8f || line.size() >= body.size() + 0.9f) return true;
    // a line in another face at body size: only a short line standing alone between body-text lines
    boolean rareStyle = styleChars.getOrDefault(line.style(), 0) < 0.1f * styleChars.getOrDefault(bodyStyleKey(), 1);
    if (line.font().equals(body.font()) || !rareStyle || wordCount > 10) return false;
    boolean apartBefore = index == 0 || !lines.get(index - 1).style().equals(line.style());
    boolean apartAfter = index + 1 == lines.size() || !lines.get(index + 1).style().equals(line.style());
    return apartBefore && apartAfter;
  }

  /** Words separated by whitespace, as {@code text.split("\\s+").length} counts them in stripped text. */
  private static int wordCount(String text) {
    int count = 1;
    boolean inSpace = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = PatternChars.isSpace(text.charAt(i));
      if (space && !inSpace) count++;
      inSpace = space;
    }
    return count;
  }

  /**
   * Whether {@code text} ends like a sentence or clause. The pattern is anchored at the end, so only the last
   * characters are searched, not the whole paragraph.
   */
  private static boolean terminal(CharSequence text) {
    return TERMINAL.matcher(text).region(Math.max(0, text.length() - 3), text.length()).find();
  }

  /** A paragraph's lines joined into one string, words broken at line ends rejoined and spacing evened out. */
  private String join(List<PdfLine> paragraph) {
    StringBuilder joined = new StringBuilder();
    for (PdfLine l : paragraph) dehyphenator.appendLine(joined, l.text());
    return WHITESPACE.matcher(joined).replaceAll(" ").strip();
  }

  private String bodyStyleKey() {
    return body.font() + "@" + Math.round(body.size() * 2) / 2f;
  }

  private static boolean continuesHeading(PdfLine previous, PdfLine next) {
    float dy = next.baseline() - previous.baseline();
    return next.page() == previous.page() && next.style().equals(previous.style())
        && Math.abs(next.boldShare() - previous.boldShare()) < 0.2f && dy > 0 && dy <= 1.7f * previous.size()
        && Math.abs(next.columnLeft() - previous.columnLeft()) < 1f && !next.text().isBlank()
        && SectionPart.fromHeading(next.text().strip()) == null;
  }

  /**
   * Numbering decides where there is any ("3.2" is level 2); otherwise a heading set like the first canonical
   * section heading ("Methods") or larger is level 1 and anything set smaller or in another face is level 2.
   */
  private static int level(Heading h, Heading top) {
    var numbered = SUBSECTION_NUMBER.matcher(h.text());
    if (numbered.find()) return numbered.group(1).split("\\.").length;
    if (top == null || h.style().equals(top.style()) || h.size() > top.size() + 0.25f) return 1;
    return SectionPart.fromHeading(h.text()) != null && h.size() >= top.size() - 0.25f ? 1 : 2;
  }

  // ---- paragraphs

  private boolean startsParagraph(List<PdfLine> paragraph, PdfLine line) {
    PdfLine previous = paragraph.get(paragraph.size() - 1);
    String text = line.text().strip();
    boolean sameColumn = line.page() == previous.page() && Math.abs(line.columnLeft() - previous.columnLeft()) < 1f
        && Math.abs(line.columnRight() - previous.columnRight()) < 1f;
    boolean terminal = terminal(previous.text().strip());
    boolean lowerStart = Character.isLowerCase(text.codePointAt(0));
    float indentChange = line.indentEm() - previous.indentEm();
    if (Math.abs(line.size() - previous.size()) > 0.6f || CAPTION.matcher(text).find()) return true;
    if (CAPTION.matcher(paragraph.get(0).text()).find() && !line.style().equals(previous.style())) return true;
    if (LIST_ITEM.matcher(text).find() && !text.startsWith("-")) return true;
    if (Math.abs(line.italicShare() - previous.italicShare()) > 0.6f && Math.abs(indentChange) >= 0.5f) return true;
    if (!sameColumn) return !(line.indentEm() < 0.5f && (!terminal || lowerStart));
    float dy = line.baseline() - previous.baseline();
    float spacing = body.lineSpacing() * previous.size() / body.size();
    if (dy <= 0 || dy > 1.4f * spacing) return true;
    if (QuoteAttribution.find(text).map(found -> found.start() == 0).orElse(false)) return false;
    if (indentChange >= 0.8f && !LIST_ITEM.matcher(previous.text()).find()) return true;
    if (isIndentedBlock(paragraph) && line.indentEm() < 0.5f) return true;
    float measureRight = paragraph.size() >= 2
        ? (float) paragraph.stream().mapToDouble(PdfLine::x1).max().orElse(previous.columnRight())
        : previous.columnRight();
    if (terminal && (measureRight - previous.x1()) / previous.size() > 2.5f && !lowerStart) return true;
    return terminal && QuoteAttribution.find(previous.text()).isPresent();
  }

  private static boolean isIndentedBlock(List<PdfLine> paragraph) {
    return paragraph.size() >= 2 && paragraph.stream().allMatch(l -> l.indentEm() >= 1.0f);
  }

  private static boolean startsReference(List<PdfLine> entry, PdfLine line) {
    PdfLine previous = entry.get(entry.size() - 1);
    if (REFERENCE_START.matcher(line.text()).find()) return true;
    return line.indentEm() <= previous.indentEm() - 0.8f;
  }

  private void flush(List<PdfLine> paragraph) {
    if (paragraph.isEmpty()) return;
    String text = join(paragraph);
    List<PdfLine> lines = List.copyOf(paragraph);
    paragraph.clear();
    if (text.isEmpty()) return;
    if (PageFurniture.BOILERPLATE.matcher(text).find() || PageFurniture.BOILERPLATE_ANYWHERE.matcher(text).find()) {
      boilerplate.add(text);
      return;
    }
    if (CAPTION.matcher(text).find()) {
      captions.add(text);
      return;
    }
    if (inFrontMatter) {
      frontMatter.add(lines);
      return;
    }
    if (assembler.currentPart() == SectionPart.REFERENCES) {
      if (REFERENCE_LIKE.matcher(text).find()) assembler.paragraph(text, lines.get(0).page());
      return;
    }
    Optional<QuoteAttribution.Found> attribution = QuoteAttribution.find(text);
    float size = PdfPageLayout.mode(sizes(lines));
    if (size < body.size() - 1.0f && attribution.isEmpty()) {
      smallPrint++;
      return;
    }
    float italic = (float) lines.stream().mapToDouble(PdfLine::italicShare).average().orElse(0);
    boolean indented = lines.stream().allMatch(l -> l.indentEm() >= 1.0f);
    boolean narrowed = lines.size() >= 2
        && lines.subList(0, lines.size() - 1).stream().allMatch(l -> l.shortfallEm() >= 1.0f);
    boolean quoted = text.startsWith("\u201c") || text.startsWith("\"");
    boolean isQuote = indented && (attribution.isPresent() || italic > 0.6f || narrowed)
        || attribution.isPresent() && (italic > 0.6f || quoted);
    if (isQuote) {
      emitPending();
      int end = attribution.map(QuoteAttribution.Found::start).orElse(text.length());
      assembler.quote(text, 0, end, attribution.map(QuoteAttribution.Found::attribution).orElse(null),
          lines.get(0).page());
    } else if (pending != null && !terminal(pending) && Character.isLowerCase(text.codePointAt(0))) {
      StringBuilder continued = new StringBuilder(pending);
      dehyphenator.appendLine(continued, text);
      pending = continued.toString();
    } else {
      emitPending();
      pending = text;
      pendingPage = lines.get(0).page();
    }
  }

  private void emitPending() {
    if (pending != null) assembler.paragraph(pending, pendingPage);
    pending = null;
  }

  private static Map<Float, Integer> sizes(List<PdfLine> lines) {
    Map<Float, Integer> sizes = new HashMap<>();
    for (PdfLine l : lines) sizes.merge(l.size(), l.text().length(), Integer::sum);
    return sizes;
  }

  /**
   * A document without a body heading (a letter, an editorial): its text after the title block is one untitled
   * section.
   */
  private void keepFrontMatterAsBody() {
    inFrontMatter = false;
    int bodyStart = firstBodyLine();
    for (List<PdfLine> paragraph : frontMatter) {
      if (lines.indexOf(paragraph.get(0)) < bodyStart) continue;
      assembler.paragraph(join(paragraph), paragraph.get(0).page());
    }
    warnings.add("no section headings recognised: the text after the title block is one untitled section");
  }

  /**
   * Ends the front matter (title, authors, affiliations, dates). Without an "Abstract" heading, its long
   * paragraphs are taken as the abstract.
   */
  private void leaveFrontMatter(boolean abstractHeadingFollows) {
    inFrontMatter = false;
    if (abstractHeadingFollows) return;
    List<String> abstractParagraphs = new ArrayList<>();
    for (List<PdfLine> paragraph : frontMatter) {
      String text = join(paragraph);
      if (wordCount(text) >= MIN_ABSTRACT_WORDS) abstractParagraphs.add(text);
    }
    if (abstractParagraphs.isEmpty()) return;
    assembler.heading("Abstract", 1, frontMatter.get(0).get(0).page(), SectionPart.ABSTRACT);
    for (String p : abstractParagraphs) {
      assembler.paragraph(p, null);
    }
    warnings.add("no \"Abstract\" heading: the abstract was taken from the long paragraphs before the first heading");
  }
}
