package org.thememiner.ingest;

import java.util.regex.Pattern;

/**
 * Whether words speak as "I": "I felt", "I'm", "my", "me". A participant's words relayed by a review do; the findings
 * of the review's sources, written by their authors ("Men showed vulnerability ..."), do not.
 */
final class FirstPerson {
  /** "I" before a lower-case word or as a contraction (not "Phase I." or "I-131"), or me, my, mine, myself. */
  private static final Pattern I = Pattern.compile(
      "\\bI(?:['\u2019](?:m|ve|d|ll)\\b|\\s+\\p{Ll})|\\b(?i:me|my|mine|myself)\\b");

  private FirstPerson() {}

  /** Whether {@code text}'s range [from, to) speaks in the first person singular. */
  static boolean speaks(String text, int from, int to) {
    return I.matcher(text).region(from, to).find();
  }
}
