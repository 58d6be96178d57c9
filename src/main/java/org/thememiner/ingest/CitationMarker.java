package org.thememiner.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbered citation markers, "[95]", "[12,13]", "(3)", "[4–7]": in a review that quotes its sources, the marker
 * closing a quote names the study the words come from. It is not speech, so it is no part of the quote.
 */
final class CitationMarker {
  private static final String MARKER =
      "[\\[(]\\s*\\d{1,4}[a-z]?(?:\\s*[,;\u2013\u2014-]\\s*\\d{1,4}[a-z]?)*\\s*[\\])]";
  /** One or more markers at the end, each perhaps followed by a full stop, comma or semicolon. */
  private static final Pattern TRAILING = Pattern.compile("(?:\\s*" + MARKER + "\\s*[.,;]?)+\\s*$");

  private CitationMarker() {}

  /** Where the citation markers that close {@code text}'s range [from, to) start; {@code to} when none does. */
  static int trailingStart(String text, int from, int to) {
    Matcher m = TRAILING.matcher(text).region(from, to);
    return m.find() ? m.start() : to;
  }
}
