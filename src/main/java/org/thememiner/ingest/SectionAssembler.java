package org.thememiner.ingest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Collects headings and paragraphs in reading order into {@link Section}s: assigns each heading its canonical
 * part, lets subsections inherit their parent's part, routes the reference list into its own list and keeps
 * acknowledgements and other end matter out of the body.
 */
final class SectionAssembler {

  /**
   * Parts whose non-canonical headings of the same rank are really subsections: in print, "4. Experience of
   * Programmes" after "3. Results" is one of the results' themes even though it is numbered like a section.
   */
  private static final Set<SectionPart> PARENT_PARTS = EnumSet.of(SectionPart.INTRODUCTION, SectionPart.METHODS,
      SectionPart.RESULTS, SectionPart.DISCUSSION, SectionPart.ACKNOWLEDGEMENTS);

  private final boolean flatHeadings;
  private final List<Section> sections = new ArrayList<>();
  private final List<String> references = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private final List<QuoteSpan> quotes = new ArrayList<>();
  private final List<InterviewerTurn> interviewerTurns = new ArrayList<>();
  private final SectionPart[] partAtLevel = new SectionPart[8];
  private String heading = "";
  private SectionPart part = SectionPart.OTHER;
  private int level = 1;
  private Integer page;
  private boolean open;

  /** @param flatHeadings true where heading levels are only guessed (print), so rank-1 themes are demoted */
  SectionAssembler(boolean flatHeadings) {
    this.flatHeadings = flatHeadings;
  }

  /** Starts a section; {@code hint} is the part the source declares (JATS sec-type), or null. */
  void heading(String title, int rank, Integer startPage, SectionPart hint) {
    close();
    int depth = Math.max(1, Math.min(rank, partAtLevel.length - 1));
    SectionPart named = hint != null ? hint : SectionPart.fromHeading(title);
    SectionPart parent = depth > 1 ? partAtLevel[depth - 1] : null;
    if (depth == 1 && named == null && flatHeadings && PARENT_PARTS.contains(part)) {
      depth = 2;
      parent = part;
    }
    SectionPart resolved;
    if (named == SectionPart.REFERENCES || named == SectionPart.ACKNOWLEDGEMENTS) resolved = named;
    else if (parent != null && (parent != SectionPart.OTHER || named == null)) resolved = parent;
    else resolved = named != null ? named : SectionPart.OTHER;
    partAtLevel[depth] = resolved;
    heading = title;
    level = depth;
    part = resolved;
    page = startPage;
    open = true;
  }

  SectionPart currentPart() {
    return part;
  }

  /** Adds a body paragraph to the current section (or a reference-list entry while in the references). */
  void paragraph(String paragraph, Integer atPage) {
    String clean = paragraph.strip();
    if (clean.isEmpty()) return;
    if (part == SectionPart.REFERENCES) {
      references.add(clean);
      return;
    }
    append(clean, atPage);
  }

  /**
   * Adds a paragraph that is (or holds) a participant quote; {@code [from, to)} is the quoted speech within
   * {@code paragraph}, which excludes a printed attribution or speaker tag. Citation markers that close the speech
   * are left out of the quote too; a "quote" that is nothing but citation markers is no quote.
   *
   * <p>A block closed by a citation quotes a publication: a review quoting its sources' findings, an epigraph. Those
   * are the cited authors' words, so the paragraph is prose unless it speaks as "I" (a participant's words relayed by
   * the review) or carries a speaker tag.
   */
  void quote(String paragraph, int from, int to, String attribution, Integer atPage) {
    if (paragraph.isBlank() || part == SectionPart.REFERENCES) return;
    int start = append(paragraph, atPage);
    int end = CitationMarker.trailingStart(paragraph, from, to);
    boolean cited = end < to;
    while (end > from && Character.isWhitespace(paragraph.charAt(end - 1))) end--;
    if (end <= from || cited && attribution == null && !FirstPerson.speaks(paragraph, from, end)) return;
    quotes.add(new QuoteSpan(start + from, start + end, attribution));
  }

  /** Adds a paragraph that is an interviewer's turn: text to read, not to theme or code. */
  void interviewerTurn(String paragraph, Integer atPage) {
    if (paragraph.isBlank() || part == SectionPart.REFERENCES) return;
    int start = append(paragraph.strip(), atPage);
    interviewerTurns.add(new InterviewerTurn(start, text.length()));
  }

  void reference(String entry) {
    String clean = entry.strip();
    if (!clean.isEmpty()) references.add(clean);
  }

  private int append(String paragraph, Integer atPage) {
    if (page == null) page = atPage;
    if (!text.isEmpty()) text.append("\n\n");
    int start = text.length();
    text.append(paragraph);
    open = true;
    return start;
  }

  private void close() {
    boolean body = part != SectionPart.REFERENCES && part != SectionPart.ACKNOWLEDGEMENTS;
    if (open && body && (!heading.isEmpty() || !text.isEmpty())) {
      sections.add(new Section(heading, part.label(), level, page, text.toString(), quotes, interviewerTurns));
    }
    text.setLength(0);
    quotes.clear();
    interviewerTurns.clear();
    open = false;
  }

  List<Section> sections() {
    close();
    return List.copyOf(sections);
  }

  List<String> references() {
    return List.copyOf(references);
  }
}
