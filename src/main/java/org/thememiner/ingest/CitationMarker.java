package org.thememiner.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Citation markers, numbered ("[95]", "[12,13]", "(3)", "[4–7]") or author and year ("(Bendz, 2003)", "(Smith et al.
 * 2010, p. 4; Jones 2011)"): in a review that quotes its sources, the marker closing a quote names the study the words
 * come from. It is not speech, so it is no part of the quote.
 */
final class CitationMarker {
  private static final String NUMBERED =
      "[\\[(]\\s*\\d{1,4}[a-z]?(?:\\s*[,;\u2013\u2014-]\\s*\\d{1,4}[a-z]?)*\\s*[\\])]";
  /** A publication year, 1800-2099, perhaps lettered ("2003b"); {@link QuoteAttribution} tells citations by it too. */
  static final String YEAR = "(?:1[89]|20)\\d{2}[a-z]?";
  /** One work: a capitalised name without digits, its year, perhaps a page or page range. */
  private static final String WORK = "\\p{Lu}[^()\\[\\]\\d;]{0,80}?" + YEAR
      + "(?:\\s*[,:]\\s*(?:pp?\\.\\s*)?\\d{1,4}(?:\\s*[\u2013-]\\s*\\d{1,4})?)?";
  private static final String AUTHOR_YEAR = "\\(\\s*" + WORK + "(?:\\s*;\\s*" + WORK + ")*\\s*\\)";
  private static final String MARKER = "(?:" + NUMBERED + "|" + AUTHOR_YEAR + ")";
  /** One or more markers at the end, each perhaps followed by a full stop, comma or semicolon. */
  private static final Pattern TRAILING = Pattern.compile("(?:\\s*" + MARKER + "\\s*[.,;]?)+\\s*$");

  private CitationMarker() {}

  /** Where the citation markers that close {@code text}'s range [from, to) start; {@code to} when none does. */
  static int trailingStart(String text, int from, int to) {
    Matcher m = TRAILING.matcher(text).region(from, to);
    return m.find() ? m.start() : to;
  }
}
