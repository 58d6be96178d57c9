package org.thememiner.ingest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bibliographic details found in free text: DOIs and publication years. */
final class MetadataText {

  private static final Pattern DOI = Pattern.compile("\\b(10\\.\\d{4,9}/[^\\s\"<>]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern YEAR = Pattern.compile("\\b(19[5-9]\\d|20[0-4]\\d)\\b");

  private MetadataText() {}

  /** The first DOI in {@code text}, lower-cased and without trailing punctuation, or null. */
  static String findDoi(String text) {
    if (text == null) return null;
    Matcher m = DOI.matcher(text);
    if (!m.find()) return null;
    return m.group(1).replaceAll("[.,;:)\\]}]+$", "").toLowerCase(Locale.ROOT);
  }

  /** The first plausible publication year in {@code text}, or null. */
  static Integer findYear(String text) {
    if (text == null) return null;
    Matcher m = YEAR.matcher(text);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }
}
