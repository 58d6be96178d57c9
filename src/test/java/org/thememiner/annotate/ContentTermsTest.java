package org.thememiner.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentTermsTest {
  @Test
  void keepsContentLemmasAndDropsStopWordsAndScholarlyBoilerplate() {
    List<String> lemmas = List.of("participant", "describe", "the", "peer", "support", "worker", "as", "helpful");
    List<String> pos = List.of("NNS", "VBD", "DT", "NN", "NN", "NN", "IN", "JJ");
    assertEquals(List.of("peer", "support", "worker", "helpful"), ContentTerms.of(lemmas, pos));
  }

  @Test
  void addsNounPhrasesOfTwoAndThreeWords() {
    List<String> lemmas = List.of("the", "peer", "support", "worker", "feel", "isolated");
    List<String> pos = List.of("DT", "NN", "NN", "NN", "VBD", "JJ");
    assertEquals(
        List.of("peer", "support", "worker", "feel", "isolated", "peer support", "peer support worker", "support worker"),
        ContentTerms.withPhrases(lemmas, pos));
  }

  @Test
  void aFormulaIsNoSentenceTermsButItsWordsStayKeywords() {
    assertEquals(List.of(), ContentTerms.withPhrases(List.of("thank", "you", "so", "much", "."), List.of("VBP", "PRP", "RB", "RB", ".")));
    assertEquals(List.of("thanks"), ContentTerms.of(List.of("thanks"), List.of("NNS")), "a construct's keyword");
  }
}
