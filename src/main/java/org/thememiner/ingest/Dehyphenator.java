package org.thememiner.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins words broken across lines by a hyphen without a word list: "therap-" + "eutic" becomes "therapeutic" while
 * "self-" + "esteem" stays "self-esteem". The document itself is the dictionary: a join is made when the joined word
 * occurs elsewhere in it unbroken, kept when the hyphenated form occurs elsewhere, and otherwise decided by whether
 * the first part is a common compounding prefix and whether the continuation is lower case.
 */
final class Dehyphenator {

  private static final Pattern CONTINUATION = Pattern.compile("^(\\p{L}+)");
  private static final Set<String> PREFIXES = Set.of("self", "non", "well", "co", "long", "short", "hard", "high",
      "low", "full", "part", "half", "cross", "multi", "semi", "anti", "pre", "post", "inter", "intra", "over", "under",
      "counter", "cost", "evidence", "health", "life", "time", "user", "patient", "family", "community", "peer",
      "mixed",
      "ex", "re", "mid", "first", "second", "third", "one", "two", "three", "small", "large", "face", "step",
      "open", "close", "near", "real", "day", "age", "case", "risk", "site", "gender", "socio", "quasi", "pseudo");

  /** Endings that are never a word of a compound: "follow-" + "ing" is one word whatever the first part. */
  private static final Set<String> SUFFIXES = Set.of("ing", "ings", "ed", "ly", "tion", "tions", "ment", "ments",
      "ness", "ity", "ities", "ies", "er", "ers", "es", "al", "ally", "ive", "ous", "able", "ible", "ism", "ist");

  private final Set<String> words = new HashSet<>();
  private final Set<String> hyphenated = new HashSet<>();

  /** @param lines every line of the document, so its vocabulary is known before joining */
  Dehyphenator(List<String> lines) {
    for (String line : lines) {
      int i = 0;
      while (i < line.length()) {
        int end = wordEnd(line, i);
        if (end < 0) {
          i += Character.charCount(line.codePointAt(i));
          continue;
        }
        String w = line.substring(i, end).toLowerCase(Locale.ROOT);
        if (w.contains("-")) {
          String[] parts = w.split("-");
          for (int k = 1; k < parts.length; k++) hyphenated.add(parts[k - 1] + "-" + parts[k]);
        } else {
          words.add(w);
        }
        i = end;
      }
    }
  }

  /**
   * Where the word starting at {@code start} ends, or -1 if no letter starts there: letters, possibly joined by
   * marks, apostrophes and hyphens, ending in a letter (what {@code \p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}} matches,
   * scanned by hand because a regex over every line of the document was a sixth of the structure pass).
   */
  private static int wordEnd(String line, int start) {
    int c = line.codePointAt(start);
    if (!Character.isLetter(c)) return -1;
    int i = start + Character.charCount(c);
    int end = i;
    while (i < line.length()) {
      c = line.codePointAt(i);
      boolean letter = Character.isLetter(c);
      int type = Character.getType(c);
      boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
          || type == Character.COMBINING_SPACING_MARK;
      if (!letter && !mark && c != '\'' && c != '\u2019' && c != '-') break;
      i += Character.charCount(c);
      if (letter) end = i;
    }
    return end;
  }

  /** Appends {@code next} to {@code text}, joining a hyphenated word break or adding a space. */
  void appendLine(StringBuilder text, String next) {
    String line = next.strip();
    if (line.isEmpty()) return;
    if (text.isEmpty()) {
      text.append(line);
      return;
    }
    String first = brokenWord(text);
    Matcher start = CONTINUATION.matcher(line);
    if (first != null && start.lookingAt()) {
      String second = start.group(1);
      boolean soft = text.charAt(text.length() - 1) == '\u00ad';
      if (soft || shouldJoin(first, second)) {
        text.setLength(text.length() - 1);
        text.append(line);
        return;
      }
      text.append(line);
      return;
    }
    // a range or a dash broken at the line end ("1360–" + "1369") takes no space either
    char last = text.charAt(text.length() - 1);
    if (last != '-' && last != '\u2010' && last != '\u2013' && last != '\u2014') text.append(' ');
    text.append(line);
  }

  /**
   * The letters before a hyphen that ends {@code text} ("therap" in "... the therap-"), or null. Read backwards from
   * the end: a paragraph grows line by line, and searching all of it at every line made joining quadratic.
   */
  private static String brokenWord(StringBuilder text) {
    int hyphen = text.length() - 1;
    char last = text.charAt(hyphen);
    if (last != '-' && last != '\u2010' && last != '\u00ad') return null;
    int begin = hyphen;
    while (begin > 0 && Character.isLetter(Character.codePointBefore(text, begin))) {
      begin -= Character.charCount(Character.codePointBefore(text, begin));
    }
    return begin == hyphen ? null : text.substring(begin, hyphen);
  }

  boolean shouldJoin(String first, String second) {
    String a = first.toLowerCase(Locale.ROOT);
    String b = second.toLowerCase(Locale.ROOT);
    if (words.contains(a + b)) return true;
    if (hyphenated.contains(a + "-" + b)) return false;
    if (SUFFIXES.contains(b)) return true;
    if (Character.isUpperCase(second.charAt(0))) return false;
    return !PREFIXES.contains(a);
  }
}
