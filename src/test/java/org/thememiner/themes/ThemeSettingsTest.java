package org.thememiner.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThemeSettingsTest {
  private static final ThemeSettings D = ThemeSettings.DEFAULT;

  @Test
  void eachWitherSetsItsOwnSettingAndKeepsTheOthers() {
    assertEquals(new ThemeSettings(7, D.kMin(), D.kMax(), D.representation(), D.algorithm(), 9L, D.minTerms(), D.minDocFreq(),
        D.vocabSize(), D.vectorSize(), D.minScore(), D.excludeParts(), D.examples(), D.stabilitySeeds(), "sentence",
        D.embeddingModel(), "paper", D.outlierShare(), "ctfidf", 3),
        D.withK(7).withSeed(9).withContext("sentence").withCentre("paper").withKeywords("ctfidf").withRestarts(3));
    ThemeSettings spectral = D.withAlgorithm("combined", "spectral");
    assertEquals("combined", spectral.representation());
    assertEquals("spectral", spectral.algorithm());
    assertEquals(D, spectral.withAlgorithm(D.representation(), D.algorithm()));
  }

  @Test
  void representationAndAlgorithmChangeTogether() {
    // tfidf with gaussian-mixture is refused: the two must not be checked one at a time on the way back.
    ThemeSettings mixture = D.withAlgorithm("word2vec", "gaussian-mixture");
    assertEquals(D, mixture.withAlgorithm(D.representation(), D.algorithm()));
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> D.withAlgorithm("tfidf", "gaussian-mixture"));
    assertTrue(refused.getMessage().startsWith("themes.algorithm gaussian-mixture"), refused.getMessage());
  }

  @Test
  void aRefusedValueIsRefusedWithTheSettingsOwnMessage() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> D.withRestarts(0));
    assertEquals("themes.restarts must be >= 1, got 0", refused.getMessage());
    assertThrows(IllegalArgumentException.class, () -> D.withContext("chapter"));
  }
}
