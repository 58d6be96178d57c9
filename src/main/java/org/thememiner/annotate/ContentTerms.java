package org.thememiner.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The terms a sentence contributes to theme discovery: lower-case lemmas of nouns, verbs and adjectives,
 * minus stop words, the vocabulary every scholarly paper shares ("participant", "study", "et al") and a
 * conversation's talk about itself ("Thank you so much.", "I think").
 * The same filter is applied to construct descriptions, so themes and constructs live in one term space.
 */
public final class ContentTerms {
  private static final Pattern WORD = Pattern.compile("[a-z][a-z-]*[a-z]");

  /** Function words, light verbs, indefinite pronouns and spoken fillers CoreNLP tags as content. */
  private static final Set<String> STOP = Set.of(
      "be", "have", "do", "get", "make", "go", "say", "use", "take", "give", "come", "see", "also", "well",
      "many", "much", "more", "most", "other", "such", "same", "own", "several", "various", "different",
      "new", "high", "low", "large", "small", "first", "second", "third", "able", "likely", "possible",
      "include", "show", "find", "report", "describe", "note", "suggest", "indicate", "may", "might", "can",
      "could", "would", "should", "will", "must", "need", "way", "thing", "lot", "kind", "part", "number",
      "one", "two", "three", "time", "year", "day", "non", "due", "per", "via", "etc", "i.e.", "e.g.",
      "something", "anything", "everything", "nothing", "someone", "anyone", "everyone", "somebody", "anybody",
      "everybody", "nobody", "mm", "mm-hmm", "hmm", "mhm", "uh", "uh-huh", "um", "oh", "yep");

  /** Scholarly boilerplate: frequent in every paper, says nothing about a theme. */
  private static final Set<String> BOILERPLATE = Set.of(
      "participant", "study", "studies", "paper", "article", "author", "al", "et", "table", "figure", "fig",
      "result", "finding", "analysis", "data", "research", "researcher", "method", "approach", "sample",
      "respondent", "interview", "interviewee", "theme", "subtheme", "literature", "review", "section",
      "aim", "objective", "conclusion", "discussion", "introduction", "background", "significant", "significantly",
      "use", "used", "using", "base", "based", "relate", "related", "associate", "associated");

  /**
   * Words of thanks, greeting, leave-taking and approval. A sentence whose content words are all among them ("Thank
   * you so much.", "Okay, perfect.", "Have a good evening.") is a conversational formula, talk about the conversation
   * rather than its subject, and contributes no terms; in any other sentence they count ("a good relationship").
   */
  private static final Set<String> FORMULA = Set.of(
      "thank", "thanks", "appreciate", "welcome", "sorry", "pleasure", "bye", "goodbye", "hello", "morning",
      "afternoon", "evening", "night", "luck", "guy", "question", "point", "perfect", "great", "good", "fine", "nice",
      "super", "cool", "awesome", "excellent", "wonderful", "interesting", "sure", "right", "okay", "ok", "yeah", "yes",
      "alright");

  /**
   * Verbs that after "I", "you" or "we" (also with "do not" between) mark the speaker's stance or hold the floor
   * rather than say what is talked about: "I think", "you know", "I mean", "I guess", "I don't know", "I understand".
   * Spoken answers are full of them, and as terms they would make every theme of a transcript "know, think, mean".
   * Followed by what is known or thought of ("we didn't know what to expect", "I think about my family"), the verb
   * says something and stays a term.
   */
  private static final Set<String> STANCE =
      Set.of("think", "know", "mean", "guess", "suppose", "believe", "understand", "agree");
  private static final Set<String> SPEAKER = Set.of("i", "you", "we");
  private static final Set<String> NEGATED = Set.of("do", "not", "n't");
  private static final Set<String> OBJECT_FOLLOWS =
      Set.of("what", "who", "whom", "how", "why", "where", "when", "which", "whether", "about", "of");

  private ContentTerms() {}

  public static boolean isContentTag(String tag) {
    return tag.startsWith("NN") || tag.startsWith("VB") || tag.startsWith("JJ");
  }

  /** The content lemmas of a text (a sentence, a construct's name or keyword), without stance markers. */
  public static List<String> of(List<String> lemmas, List<String> pos) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lemmas.size(); i++) {
      if (!isContentTag(pos.get(i))) continue;
      String term = lemmas.get(i).toLowerCase(Locale.ROOT);
      if (isTerm(term) && !isStanceMarker(lemmas, i, term)) out.add(term);
    }
    return out;
  }

  /**
   * {@link #of} plus the two- and three-word noun phrases of the sentence ("heart failure", "peer support
   * worker"): runs of adjectives and nouns that end in a noun. Phrases name themes better than single words. None
   * for a sentence that is a {@link #FORMULA conversational formula} (a construct's keyword "thanks" is not one).
   */
  public static List<String> withPhrases(List<String> lemmas, List<String> pos) {
    List<String> out = of(lemmas, pos);
    if (FORMULA.containsAll(out)) return new ArrayList<>();
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

  private static boolean isStanceMarker(List<String> lemmas, int at, String term) {
    if (!STANCE.contains(term)) return false;
    if (at + 1 < lemmas.size() && OBJECT_FOLLOWS.contains(lemmas.get(at + 1).toLowerCase(Locale.ROOT))) return false;
    int before = at - 1;
    while (before >= 0 && NEGATED.contains(lemmas.get(before).toLowerCase(Locale.ROOT))) before--;
    return before >= 0 && SPEAKER.contains(lemmas.get(before).toLowerCase(Locale.ROOT));
  }

  private static boolean isPhraseWord(String lemma, String tag) {
    return (tag.startsWith("NN") || tag.startsWith("JJ")) && isTerm(lemma.toLowerCase(Locale.ROOT));
  }

  private static boolean isTerm(String term) {
    return WORD.matcher(term).matches() && !STOP.contains(term) && !BOILERPLATE.contains(term);
  }
}
