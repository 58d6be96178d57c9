package org.thememiner.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.thememiner.annotate.AnnotatorSettings;
import org.thememiner.annotate.CoreNlpTermAnalyzer;
import org.thememiner.annotate.TermAnalyzer;
import org.thememiner.compare.Construct;
import org.thememiner.compare.ConstructSet;

class KeywordCountTest {
  private static final TermAnalyzer ANALYZER = new CoreNlpTermAnalyzer(AnnotatorSettings.DEFAULT);
  private static final KeywordCount COUNT = KeywordCount.of(new ConstructSet("s", "S", "Doe (2020)", null, null, false, null,
      List.of(construct("medication", List.of("tablets", "prescription")), construct("gp", List.of("doctor", "appointment")))),
      ANALYZER);

  private static Construct construct(String id, List<String> keywords) {
    return new Construct(id, id, "", keywords, List.of(), List.of(), null);
  }

  @Test
  void theConstructWhoseKeywordsOccurMostOftenCodesTheSentence() {
    // Keywords and sentence are both lemmatised: "tablets" in the codebook matches "tablet" in the sentence.
    assertEquals(Optional.of("medication"),
        COUNT.code(ANALYZER.terms("The doctor changed my tablet twice and wrote a new prescription.")));
  }

  @Test
  void noKeywordOrATieLeavesTheSentenceUncoded() {
    assertEquals(Optional.empty(), COUNT.code(ANALYZER.terms("We walked every morning.")));
    assertEquals(Optional.empty(), COUNT.code(ANALYZER.terms("The doctor wrote a prescription.")));
  }
}
