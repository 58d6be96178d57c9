package org.thememiner.report.export;

/** A span of a text in Unicode code points, [start, end): how REFI-QDA counts positions in a plain-text source. */
record CodePointSpan(int start, int end) {
  CodePointSpan {
    if (start < 0 || end < start) throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
  }
}
