package org.thememiner.ingest;

/**
 * One line of text in one column of a PDF page: the unit of reading order, furniture removal and structure.
 *
 * @param baseline   distance of the baseline from the top of the page
 * @param size       the font size most of the line is set in
 * @param font       the font most of the line is set in, without subset prefix
 * @param boldShare  fraction of the characters set in a bold face; likewise {@code italicShare}
 * @param columnLeft left edge of the column the line was read in; likewise {@code columnRight}
 */
record PdfLine(int page, float x0, float x1, float baseline, float size, String font, float boldShare,
    float italicShare, String text, float columnLeft, float columnRight) {

  PdfLine inColumn(float left, float right) {
    return new PdfLine(page, x0, x1, baseline, size, font, boldShare, italicShare, text, left, right);
  }

  float top() {
    return baseline - size * 0.75f;
  }

  float bottom() {
    return baseline + size * 0.25f;
  }

  /** Indentation from the column's left edge in ems of the line's own font size. */
  float indentEm() {
    return (x0 - columnLeft) / size;
  }

  /** How far short of the column's right edge the line stops, in ems. */
  float shortfallEm() {
    return (columnRight - x1) / size;
  }

  String style() {
    return font + "@" + Math.round(size * 2) / 2f;
  }
}
