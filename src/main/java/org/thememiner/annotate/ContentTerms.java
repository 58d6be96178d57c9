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
      if (isTerm(term)) out.add(term);
    }
    return out;
  }

  /**
   * {@link #of} plus the two- and three-word noun phrases of the sentence ("heart failure", "peer support
   * worker"): runs of adjectives and nouns that end in a noun. Phrases name themes better than single words.
   */
  public static List<String> withPhrases(List<String> lemmas, List<String> pos) {
    List<String> out = of(lemmas, pos);
    int runStart = 0;
    for (int i = 0; i <= lemmas.size(); i++) {
      boolean inRun = i < lemmas.size() && isPhraseWord(lemmas.get(i), pos.get(i));
      if (inRun) continue;
      for (int start = runStart; start < i; start++) {
        for (int len = 2; len <= 3 && start + len <= i; len++) {
          if (pos.get(start + len - 1).startsWith("NN")) {
            out.add(String.join(" ", lemmas.subList(start, start + len)).toLowerCase(Locale.ROOT));
          }
        }
      }
      runStart = i + 1;
    }
    return out;
  }

  private static boolean isPhraseWord(String lemma, String tag) {
    return (tag.startsWith("NN") || tag.startsWith("JJ")) && isTerm(lemma.toLowerCase(Locale.ROOT));
  }

  private static boolean isTerm(String term) {
    return WORD.matcher(term).matches() && !STOP.contains(term) && !BOILERPLATE.contains(term);
  }
}
