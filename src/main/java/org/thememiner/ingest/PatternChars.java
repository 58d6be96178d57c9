package org.thememiner.ingest;

/**
 * Character tests that agree exactly with {@link java.util.regex.Pattern}'s, for the few places that scan text by
 * hand instead of running a pattern over every line of a document.
 */
final class PatternChars {

  private PatternChars() {}

  /** What {@code \s} matches. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** Line terminators other than {@code \n} and {@code \r} that {@code $} may leave after a match. */
  static boolean isOtherLineEnd(char c) {
    return c == '\u0085' || c == '\u2028' || c == '\u2029';
  }
}
