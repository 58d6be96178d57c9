package org.thememiner.ingest;

import java.util.ArrayList;
import java.util.List;
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
    List<String> dois = findDois(text);
    return dois.isEmpty() ? null : dois.get(0);
  }

  /** Every DOI in {@code text} in order, lower-cased and without trailing punctuation. */
  static List<String> findDois(String text) {
    List<String> dois = new ArrayList<>();
    if (text == null) return dois;
    Matcher m = DOI.matcher(text);
    while (m.find()) dois.add(m.group(1).replaceAll("[.,;:)\\]}]+$", "").toLowerCase(Locale.ROOT));
    return dois;
  }

  /** The first plausible publication year in {@code text}, or null. */
  static Integer findYear(String text) {
    if (text == null) return null;
    Matcher m = YEAR.matcher(text);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }
}
