package org.thememiner.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The terms a sentence contributes to theme discovery: lower-case lemmas of nouns, verbs and adjectives,
 * minus stop words and the vocabulary every scholarly paper shares ("participant", "study", "et al").
 * The same filter is applied to construct descriptions, so themes and constructs live in one term space.
 */
public final class ContentTerms {
  private static final Pattern WORD = Pattern.compile("[a-z][a-z-]*[a-z]");

  /** Function words and light verbs CoreNLP tags as content. */
  private static final Set<String> STOP = Set.of(
      "be", "have", "do", "get", "make", "go", "say", "use", "take", "give", "come", "see", "also", "well",
      "many", "much", "more", "most", "other", "such", "same", "own", "several", "various", "different",
      "new", "high", "low", "large", "small", "first", "second", "third", "able", "likely", "possible",
      "include", "show", "find", "report", "describe", "note", "suggest", "indicate", "may", "might", "can",
      "could", "would", "should", "will", "must", "need", "way", "thing", "lot", "kind", "part", "number",
      "one", "two", "three", "time", "year", "day", "non", "due", "per", "via", "etc", "i.e.", "e.g.");

  /** Scholarly boilerplate: frequent in every paper, says nothing about a theme. */
  private static final Set<String> BOILERPLATE = Set.of(
      "participant", "study", "studies", "paper", "article", "author", "al", "et", "table", "figure", "fig",
      "result", "finding", "analysis", "data", "research", "researcher", "method", "approach", "sample",
      "respondent", "interview", "interviewee", "theme", "subtheme", "literature", "review", "section",
      "aim", "objective", "conclusion", "discussion", "introduction", "background", "significant", "significantly",
      "use", "used", "using", "base", "based", "relate", "related", "associate", "associated");

  private ContentTerms() {}

  public static boolean isContentTag(String tag) {
    return tag.startsWith("NN") || tag.startsWith("VB") || tag.startsWith("JJ");
  }

  public static List<String> of(List<String> lemmas, List<String> pos) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lemmas.size(); i++) {
      if (!isContentTag(pos.get(i))) continue;
      String term = lemmas.get(i).toLowerCase(Locale.ROOT);
      if (WORD.matcher(term).matches() && !STOP.contains(term) && !BOILERPLATE.contains(term)) out.add(term);
    }
    return out;
  }
}
