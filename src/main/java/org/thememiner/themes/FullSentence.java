package org.thememiner.themes;

import java.util.List;
import java.util.Set;

/**
 * Whether a sentence can stand as evidence for a theme: a few words with a verb, judged from its part-of-speech
 * tags (Penn Treebank, as CoreNLP tags English). What extraction leaves among the sentences without being one
 * fails: a structured-abstract label ("Objectives.", "Methods and Findings."), a heading or list item ("(ii)
 * beliefs about their diagnosis of heart failure,"), a table cell or figure reference ("Figure 2"), a citation
 * ("[91]"), a speaker tag ("(Centre A, R3)."). So does a sentence that is more numbers and symbols than words: a
 * finding buried in its citation list ("Disability since stroke (n=39) [7],[54]–[56],... was very variable."), a
 * row of figures. Such sentences are still clustered; they are only never shown as a theme's example or quote.
 */
final class FullSentence {
  /** Fewer words than this is a label or a fragment; "Men showed vulnerability." has three. */
  private static final int MIN_WORDS = 3;
  /**
   * Verb tags, but for the gerund: a gerund alone makes a heading or a list item ("Making sense of stroke
   * management"). The past participle counts, as CoreNLP often tags a past tense VBN ("The programmes bolstered
   * the confidence of participants"); so does the base form ("The papers in this review describe ...").
   */
  private static final Set<String> VERBS = Set.of("VB", "VBD", "VBN", "VBP", "VBZ", "MD");
  /**
   * Tags that begin with a letter but are not words: numbers, symbols, list markers, the web treebank's hyphen,
   * other punctuation and address tags, and X, which the annotate stage gives a token CoreNLP left untagged.
   */
  private static final Set<String> NOT_WORDS = Set.of("CD", "SYM", "LS", "HYPH", "NFP", "ADD", "AFX", "GW", "X");

  private FullSentence() {}

  /** @param pos the sentence's tags, one per token */
  static boolean is(List<String> pos) {
    boolean verb = false;
    int words = 0;
    int notWords = 0;
    for (String tag : pos) {
      if (VERBS.contains(tag)) verb = true;
      if (NOT_WORDS.contains(tag)) notWords++;
      // Punctuation tags (".", ",", "-LRB-", "``") begin with something other than a letter.
      else if (!tag.isEmpty() && Character.isLetter(tag.charAt(0))) words++;
    }
    return verb && words >= MIN_WORDS && words >= notWords;
  }
}
