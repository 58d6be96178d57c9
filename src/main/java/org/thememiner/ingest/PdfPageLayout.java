package org.thememiner.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.thememiner.ingest.PdfGlyphCollector.Glyph;
import org.thememiner.ingest.PdfGlyphCollector.PageGlyphs;

/**
 * Turns a page's glyphs into lines and puts them in reading order with a recursive XY cut: a region is split at a
 * vertical gutter that runs through all of it (columns, left to right), otherwise at its widest horizontal gap (top
 * to bottom). This reads one- and two-column layouts, full-width titles and abstracts above columns, and keeps a
 * side column of metadata apart from the body instead of interleaving it line by line.
 */
final class PdfPageLayout {

  /** Glyph gaps wider than this many ems end a line fragment: column gutters, table cells, margin notes. */
  private static final float FRAGMENT_GAP_EM = 1.2f;
  /** Gaps wider than this many ems between glyphs are word spaces (many PDFs draw no space glyphs). */
  private static final float WORD_GAP_EM = 0.15f;
  /** A column must be at least this wide (points) to be cut off; keeps list labels with their items. */
  private static final float MIN_COLUMN_WIDTH = 40f;
  private static final float MIN_GUTTER = 4f;

  private PdfPageLayout() {}

  /** The page's line fragments: runs of glyphs on one baseline without a wide gap. */
  static List<PdfLine> fragments(PageGlyphs page) {
    int direction = dominantDirection(page.glyphs());
    List<Glyph> glyphs = new ArrayList<>();
    for (Glyph g : page.glyphs()) if (g.direction() == direction) glyphs.add(g);
    glyphs.sort(Comparator.comparingDouble(Glyph::baseline).thenComparingDouble(Glyph::x));

    List<List<Glyph>> rows = new ArrayList<>();
    List<float[]> rowBands = new ArrayList<>();
    for (Glyph g : glyphs) {
      float centre = g.baseline() - g.size() * 0.3f;
      int row = -1;
      for (int i = rows.size() - 1; i >= 0 && i >= rows.size() - 4; i--) {
        float[] band = rowBands.get(i);
        if (centre >= band[0] && centre <= band[1]) {
          row = i;
          break;
        }
      }
      if (row < 0) {
        rows.add(new ArrayList<>());
        rowBands.add(new float[] {g.baseline() - g.size() * 0.75f, g.baseline() + g.size() * 0.25f});
        row = rows.size() - 1;
      }
      rows.get(row).add(g);
    }
    List<PdfLine> lines = new ArrayList<>();
    for (List<Glyph> row : rows) {
      row.sort(Comparator.comparingDouble(Glyph::x));
      List<Glyph> run = new ArrayList<>();
      for (Glyph g : row) {
        if (!run.isEmpty()) {
          Glyph last = run.get(run.size() - 1);
          float gap = g.x() - (last.x() + last.width());
          if (gap > FRAGMENT_GAP_EM * Math.max(last.size(), g.size())) {
            lines.add(line(page.number(), run));
            run = new ArrayList<>();
          }
        }
        run.add(g);
      }
      if (!run.isEmpty()) lines.add(line(page.number(), run));
    }
    return lines;
  }

  private static int dominantDirection(List<Glyph> glyphs) {
    Map<Integer, Integer> counts = new HashMap<>();
    // counted a run of equal directions at a time (nearly the whole page is one run), not a boxed key per glyph
    int i = 0;
    while (i < glyphs.size()) {
      int direction = glyphs.get(i).direction();
      int end = i + 1;
      while (end < glyphs.size() && glyphs.get(end).direction() == direction) end++;
      counts.merge(direction, end - i, Integer::sum);
      i = end;
    }
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
  }

  private static PdfLine line(int page, List<Glyph> run) {
    StringBuilder text = new StringBuilder();
    Map<String, Integer> fonts = new HashMap<>();
    Map<Float, Integer> sizes = new HashMap<>();
    int bold = 0;
    int italic = 0;
    int chars = 0;
    Glyph previous = null;
    // fonts and sizes are tallied a run of equal ones at a time, not a map update per glyph
    String runFont = null;
    int runFontChars = 0;
    float runSize = Float.NaN;
    int runSizeChars = 0;
    for (Glyph g : run) {
      if (previous != null && g.x() - (previous.x() + previous.width()) > WORD_GAP_EM * Math.max(g.size(),
          previous.size())) {
        text.append(' ');
      }
      text.append(g.text());
      int n = g.text().length();
      chars += n;
      if (!g.font().equals(runFont)) {
        if (runFont != null) fonts.merge(runFont, runFontChars, Integer::sum);
        runFont = g.font();
        runFontChars = 0;
      }
      runFontChars += n;
      float size = Math.round(g.size() * 2) / 2f;
      if (size != runSize) {
        if (runSizeChars > 0) sizes.merge(runSize, runSizeChars, Integer::sum);
        runSize = size;
        runSizeChars = 0;
      }
      runSizeChars += n;
      if (g.bold()) bold += n;
      if (g.italic()) italic += n;
      previous = g;
    }
    fonts.merge(runFont, runFontChars, Integer::sum);
    sizes.merge(runSize, runSizeChars, Integer::sum);
    float size = mode(sizes);
    float baseline = (float) run.stream().filter(g -> Math.abs(g.size() - size) < 0.6f).mapToDouble(Glyph::baseline)
        .average().orElse(run.get(0).baseline());
    Glyph last = run.get(run.size() - 1);
    return new PdfLine(page, run.get(0).x(), last.x() + last.width(), baseline, size, mode(fonts),
        bold / (float) chars, italic / (float) chars, text.toString(), 0, 0);
  }

  static <K> K mode(Map<K, Integer> counts) {
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
  }

  /**
   * The page's lines in reading order, each carrying the bounds of the column it was read in. A narrow column set
   * smaller than the body text beside a wide one is a margin column (PeerJ's article metadata): it is returned in
   * {@code margin}, not in the reading order.
   */
  static List<PdfLine> readingOrder(List<PdfLine> fragments, float bodySize, List<PdfLine> margin) {
    List<PdfLine> ordered = new ArrayList<>();
    if (fragments.isEmpty()) return ordered;
    cut(fragments, left(fragments), right(fragments), bodySize, ordered, margin);
    return ordered;
  }

  private static void cut(List<PdfLine> region, float columnLeft, float columnRight, float bodySize,
      List<PdfLine> out, List<PdfLine> margin) {
    float gutter = widestVerticalGap(region);
    if (!Float.isNaN(gutter)) {
      List<PdfLine> leftSide = new ArrayList<>();
      List<PdfLine> rightSide = new ArrayList<>();
      for (PdfLine l : region) (l.x1() <= gutter ? leftSide : rightSide).add(l);
      float leftWidth = right(leftSide) - left(leftSide);
      float rightWidth = right(rightSide) - left(rightSide);
      if (isMarginColumn(leftSide, leftWidth, rightWidth, bodySize)) {
        margin.addAll(leftSide);
        cut(rightSide, left(rightSide), right(rightSide), bodySize, out, margin);
      } else if (isMarginColumn(rightSide, rightWidth, leftWidth, bodySize)) {
        margin.addAll(rightSide);
        cut(leftSide, left(leftSide), right(leftSide), bodySize, out, margin);
      } else {
        cut(leftSide, left(leftSide), right(leftSide), bodySize, out, margin);
        cut(rightSide, left(rightSide), right(rightSide), bodySize, out, margin);
      }
      return;
    }
    float split = widestHorizontalGap(region);
    if (Float.isNaN(split)) {
      for (PdfLine l : mergeRows(region)) out.add(l.inColumn(columnLeft, columnRight));
      return;
    }
    List<PdfLine> above = new ArrayList<>();
    List<PdfLine> below = new ArrayList<>();
    for (PdfLine l : region) (l.bottom() <= split ? above : below).add(l);
    cut(above, columnLeft, columnRight, bodySize, out, margin);
    cut(below, columnLeft, columnRight, bodySize, out, margin);
  }

  private static boolean isMarginColumn(List<PdfLine> side, float width, float otherWidth, float bodySize) {
    if (width > 0.45f * otherWidth) return false;
    Map<Float, Integer> sizes = new HashMap<>();
    for (PdfLine l : side) sizes.merge(l.size(), l.text().length(), Integer::sum);
    return mode(sizes) < bodySize - 0.5f;
  }

  /** The x of the middle of the widest gutter through the whole region, or NaN. */
  private static float widestVerticalGap(List<PdfLine> region) {
    List<PdfLine> byX = new ArrayList<>(region);
    byX.sort(Comparator.comparingDouble(PdfLine::x0));
    float regionLeft = byX.get(0).x0();
    float regionRight = right(region);
    float reach = byX.get(0).x1();
    float best = Float.NaN;
    float bestWidth = MIN_GUTTER;
    for (PdfLine l : byX) {
      float gap = l.x0() - reach;
      if (gap > bestWidth && reach - regionLeft >= MIN_COLUMN_WIDTH && regionRight - l.x0() >= MIN_COLUMN_WIDTH) {
        bestWidth = gap;
        best = reach + gap / 2;
      }
      reach = Math.max(reach, l.x1());
    }
    return best;
  }

  /** The y of the middle of the widest horizontal gap across the whole region, or NaN. */
  private static float widestHorizontalGap(List<PdfLine> region) {
    List<PdfLine> byY = new ArrayList<>(region);
    byY.sort(Comparator.comparingDouble(PdfLine::top));
    float reach = byY.get(0).bottom();
    float best = Float.NaN;
    float bestHeight = 0;
    for (PdfLine l : byY) {
      float gap = l.top() - reach;
      if (gap > bestHeight) {
        bestHeight = gap;
        best = reach + gap / 2;
      }
      reach = Math.max(reach, l.bottom());
    }
    return best;
  }

  /** Fragments left on one baseline after cutting (a page number beside a running title) read as one line. */
  private static List<PdfLine> mergeRows(List<PdfLine> region) {
    List<PdfLine> sorted = new ArrayList<>(region);
    sorted.sort(Comparator.comparingDouble(PdfLine::baseline).thenComparingDouble(PdfLine::x0));
    List<PdfLine> merged = new ArrayList<>();
    for (PdfLine l : sorted) {
      PdfLine last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && Math.abs(last.baseline() - l.baseline()) < 0.4f * Math.min(last.size(), l.size())) {
        boolean lastLeads = last.text().length() >= l.text().length();
        merged.set(merged.size() - 1, new PdfLine(last.page(), Math.min(last.x0(), l.x0()), Math.max(last.x1(), l.x1()),
            lastLeads ? last.baseline() : l.baseline(), lastLeads ? last.size() : l.size(),
            lastLeads ? last.font() : l.font(), lastLeads ? last.boldShare() : l.boldShare(),
            lastLeads ? last.italicShare() : l.italicShare(), last.text() + " " + l.text(), 0, 0));
      } else {
        merged.add(l);
      }
    }
    return merged;
  }

  static float left(List<PdfLine> lines) {
    return (float) lines.stream().mapToDouble(PdfLine::x0).min().orElse(0);
  }

  static float right(List<PdfLine> lines) {
    return (float) lines.stream().mapToDouble(PdfLine::x1).max().orElse(0);
  }
}
