package org.thememiner.ingest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the speaker tag printed after a participant quote: "(Centre A, R4)", "(P3, female, 45)",
 * "[Participant 12]", "— Interviewee 7". Citations such as "[12]" or "(Smith et al., 2010)" are not attributions.
 */
final class QuoteAttribution {

  /** A bracketed tag at the very end of a paragraph, optionally followed by a full stop. */
  private static final Pattern TRAILING_TAG =
      Pattern.compile("[\\(\\[]\\s*([^()\\[\\]]{1,60}?)\\s*[\\)\\]]\\s*[.;]?\\s*$");
  private static final Pattern DASH_TAG = Pattern.compile("\\s[\u2014\u2013-]{1,2}\\s*([^\u2014\u2013]{1,40})$");
  private static final Pattern SPEAKER_WORDS = Pattern.compile(
      "(?i)\\b(?:centre|center|site|group|focus group|participant|respondent|interviewee|informant|patient|carer|"
          + "caregiver|parent|mother|father|nurse|gp|doctor|physician|clinician|staff|manager|male|female|man|woman|"
          + "aged?|years?|yrs|[PRIFMC]\\s?-?\\d{1,3}|FG\\s?-?\\d{1,3}|ID\\s?-?\\d{1,4}|[A-Z]{1,3}\\d{1,3})\\b");
  private static final Pattern CITATION_YEAR = Pattern.compile("\\b" + CitationMarker.YEAR + "\\b");
  private static final Pattern NUMBERS_ONLY = Pattern.compile("[0-9,;\\s\u2013\u2014-]+");

  private QuoteAttribution() {}

  /** Where the attribution starts in {@code paragraph} and what it says, if the paragraph ends with one. */
  record Found(int start, String attribution) {}

  static Optional<Found> find(String paragraph) {
    if (closesWithBracket(paragraph)) {
      Matcher m = TRAILING_TAG.matcher(paragraph);
      if (m.find() && isSpeaker(m.group(1))) return Optional.of(new Found(m.start(), m.group(1).trim()));
    }
    if (hasSpacedDash(paragraph)) {
      Matcher dash = DASH_TAG.matcher(paragraph);
      if (dash.find() && isSpeaker(dash.group(1))) return Optional.of(new Found(dash.start(), dash.group(1).trim()));
    }
    return Optional.empty();
  }

  /*
   * The two tests below are necessary for the patterns to match and cost a scan without backtracking: this runs on
   * every line and paragraph of a document, and almost none carries an attribution.
   */

  /** Whether the text ends with a closing bracket, perhaps followed by spaces and one full stop or semicolon. */
  private static boolean closesWithBracket(String text) {
    int i = text.length() - 1;
    while (i >= 0 && isTrailer(text.charAt(i))) i--;
    return i >= 0 && (text.charAt(i) == ')' || text.charAt(i) == ']');
  }

  /** What may follow the bracket of a trailing tag: spaces, a full stop or semicolon, a final line terminator. */
  private static boolean isTrailer(char c) {
    return PatternChars.isSpace(c) || PatternChars.isOtherLineEnd(c) || c == '.' || c == ';';
  }

  /** Whether a dash follows a space somewhere in the text. */
  private static boolean hasSpacedDash(String text) {
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '\u2014' || c == '\u2013' || c == '-') && PatternChars.isSpace(text.charAt(i - 1))) return true;
    }
    return false;
  }

  private static boolean isSpeaker(String tag) {
    return !NUMBERS_ONLY.matcher(tag).matches() && !CITATION_YEAR.matcher(tag).find() && !tag.contains("et al")
        && SPEAKER_WORDS.matcher(tag).find();
  }
}
