package org.thememiner.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds page furniture among a document's line fragments: running headers and footers (the same text, digits
 * aside, at the same height on several pages), page numbers, "Page x of y", line numbers in the margin, and
 * licence, copyright and download stamps in the top and bottom margins.
 */
final class PageFurniture {

  /** Top and bottom share of the page where headers and footers live. */
  private static final float MARGIN_BAND = 0.11f;
  private static final float SAME_HEIGHT = 6f;
  private static final Pattern PAGE_NUMBER = Pattern.compile(
      "(?i)^(?:page\\s*)?\\d{1,4}(?:\\s*(?:of|/)\\s*\\d{1,4})?$|^[ivxlc]{1,6}$");
  private static final Pattern STAMP = Pattern.compile("(?i)downloaded from|\u00a9|copyright|licen[cs]e|"
      + "creative commons|all rights reserved|for personal use only|protected by copyright|https?://|www\\.|"
      + "doi:?\\s*10\\.");

  /** Paragraph starts that are publisher boilerplate wherever they appear on a page. */
  static final Pattern BOILERPLATE = Pattern.compile("(?i)^(?:\u00a9|copyright\\b|this is an open access article|"
      + "this article is distributed|open access this article|how to cite this article|cite this article as|"
      + "submit your next manuscript|submit your manuscript|convenient online submission|"
      + "\\* ?correspondence:|correspondence should be addressed|full list of author information|"
      + "received:? \\d|accepted:? \\d|published:? \\d|academic editor|citation:|editor:|"
      + "distributed under creative commons|open access\\b\\s*$|research article\\s*$|keywords?:|"
      + "subjects\\b.*\\bkeywords\\b|doi:?\\s*10\\.\\S+\\s*$|publish with biomed central|"
      + "your research papers will be|biomed ?central\\s*$|submit your)");

  /** Publisher boilerplate that can follow other text in the same block, such as a DOI above "Cite this article". */
  static final Pattern BOILERPLATE_ANYWHERE = Pattern.compile("(?i)cite this article as|submit your next manuscript|"
      + "this article is available from|take full advantage of");

  private final Set<PdfLine> furniture;
  private final List<String> runningTexts;

  private PageFurniture(Set<PdfLine> furniture, List<String> runningTexts) {
    this.furniture = furniture;
    this.runningTexts = runningTexts;
  }

  static PageFurniture detect(List<List<PdfLine>> pages, List<Float> pageHeights, List<Float> pageWidths) {
    Map<String, List<PdfLine>> byKey = new HashMap<>();
    Set<PdfLine> furniture = new HashSet<>();
    for (int p = 0; p < pages.size(); p++) {
      float height = pageHeights.get(p);
      float width = pageWidths.get(p);
      List<PdfLine> numbersInMargin = new ArrayList<>();
      for (PdfLine l : pages.get(p)) {
        String text = l.text().strip();
        boolean inBand = l.baseline() < height * MARGIN_BAND || l.top() > height * (1 - MARGIN_BAND);
        if (inBand) {
          byKey.computeIfAbsent(key(text), k -> new ArrayList<>()).add(l);
          if (PAGE_NUMBER.matcher(text).matches() || STAMP.matcher(text).find()) furniture.add(l);
        }
        boolean inSideMargin = l.x1() < width * 0.12f || l.x0() > width * 0.88f;
        if (inSideMargin && text.matches("\\d{1,4}")) numbersInMargin.add(l);
      }
      if (numbersInMargin.size() >= 8) furniture.addAll(numbersInMargin);
    }
    Set<String> running = new LinkedHashSet<>();
    for (List<PdfLine> same : byKey.values()) {
      for (PdfLine l : same) {
        long pagesAtHeight = same.stream().filter(o -> Math.abs(o.baseline() - l.baseline()) <= SAME_HEIGHT)
            .mapToInt(PdfLine::page).distinct().count();
        if (pagesAtHeight >= 2) {
          furniture.add(l);
          running.add(l.text().strip());
        }
      }
    }
    return new PageFurniture(furniture, List.copyOf(running));
  }

  /** Text with digits and spacing evened out, so "Page 2 of 10" and "Page 3 of 10" are the same header. */
  private static String key(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("\\d+", "#").replaceAll("\\s+", " ");
  }

  boolean contains(PdfLine line) {
    return furniture.contains(line);
  }

  int size() {
    return furniture.size();
  }

  /** The running headers and footers as printed (first occurrence of each), for journal-name clues. */
  List<String> runningTexts() {
    return runningTexts;
  }
}
