package org.thememiner.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thememiner.compare.CompareFixtures.PROFILER;
import static org.thememiner.compare.CompareFixtures.WORDNET;
import static org.thememiner.compare.CompareFixtures.theme;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimilarityTest {
  private static final double EPS = 1e-9;
  private static Map<String, ConstructProfile> tully;

  @BeforeAll
  static void profileTully() {
    tully = new LinkedHashMap<>();
    for (ConstructProfile p : PROFILER.profile(CompareFixtures.set("tully-2010"))) tully.put(p.id(), p);
  }

  @Test
  void wordNetFindsPhysicianForDoctor() {
    Map<String, Double> doctor = WORDNET.expand("doctor");
    assertEquals(WordNetExpansion.SYNONYM, doctor.get("physician"));
    assertFalse(doctor.containsKey("doctor"));
    assertEquals(WordNetExpansion.HYPERNYM, WORDNET.expand("medication").get("drug"));
    assertEquals(Map.of(), WORDNET.expand("zzzqx"));
  }

  @Test
  void constructProfileWeighsNameAndKeywordsUpAndCarriesExpansions() {
    ConstructProfile gp = tully.get("gp-services");
    assertTrue(gp.terms().contains("gp"));
    assertTrue(gp.terms().contains("appointment"));
    // "gp" is in the name and the keywords, "prescription" only in the description and an example phrase.
    assertTrue(gp.terms().weight("gp") > gp.terms().weight("prescription"), gp.terms().weights().toString());
    assertEquals(1.0, gp.vocabulary().get("doctor"));
    assertEquals(WordNetExpansion.SYNONYM, gp.vocabulary().get("physician"));
    assertTrue(gp.anchors().contains("appointment"));
  }

  @Test
  void wordNetOverlapCatchesASynonymTheLexicalCosineMisses() {
    ThemeProfile physician = PROFILER.profile(theme(1, List.of("physician"), List.of()));
    ConstructProfile gp = tully.get("gp-services");
    assertEquals(0, new KeywordCosine().score(physician, gp), EPS);
    assertEquals(WordNetExpansion.SYNONYM, new WordNetOverlap().score(physician, gp), EPS);
  }

  @Test
  void evidenceCountsSentencesWithTwoAnchorTerms() {
    ThemeProfile theme = PROFILER.profile(theme(1, List.of("medication"), List.of(
        "I take my tablets and the other medication every morning.",
        "The pharmacist explained the side effects of each drug.",
        "A pill lay on the kitchen floor.",
        "The weather was cold and wet.")));
    assertEquals(0.5, new EvidenceShare().score(theme, tully.get("medication")), EPS);
    assertEquals(0, new EvidenceShare().score(PROFILER.profile(theme(2, List.of("medication"), List.of())), tully.get("medication")), EPS);
  }

  @Test
  void embeddingCosineUsesTheWordVectorsItIsGiven() {
    Map<String, float[]> vectors = Map.of(
        "medication", new float[] {1, 0}, "tablet", new float[] {0.9f, 0.1f}, "gene", new float[] {0, 1});
    EmbeddingCosine embedding = new EmbeddingCosine(vectors);
    ConstructProfile medication = tully.get("medication");
    double pills = embedding.score(PROFILER.profile(theme(1, List.of("tablet"), List.of())), medication);
    double genes = embedding.score(PROFILER.profile(theme(2, List.of("gene"), List.of())), medication);
    assertTrue(pills > 0.99, "tablet vs medication " + pills);
    assertTrue(genes < 0.15, "gene vs medication " + genes);
    assertEquals(0, embedding.score(PROFILER.profile(theme(3, List.of("unvectorised"), List.of())), medication), EPS);
  }

  @Test
  void componentWeightsSumToOne() {
    assertEquals(Map.of("lexical", 0.5, "wordnet", 0.25, "evidence", 0.25), WeightedSimilarity.standard().weights());
    Map<String, Double> withEmbeddings = WeightedSimilarity.withEmbeddings(Map.of()).weights();
    assertEquals(1, withEmbeddings.values().stream().mapToDouble(Double::doubleValue).sum(), EPS);
    assertTrue(withEmbeddings.containsKey("embedding"));
  }

  @Test
  void everyScoreIsInTheUnitInterval() {
    List<ThemeProfile> themes = List.of(
        PROFILER.profile(theme(1, List.of("medication", "tablet", "pill"), List.of("I take my tablets every morning."))),
        PROFILER.profile(theme(2, List.of("gene", "protein"), List.of("The protein binds DNA."))),
        PROFILER.profile(theme(3, List.of(), List.of())));
    WeightedSimilarity similarity = WeightedSimilarity.withEmbeddings(Map.of("tablet", new float[] {1, -1}, "gp", new float[] {-1, 1}));
    for (ConstructSet set : ConstructSets.loadAll(CompareFixtures.CONSTRUCTS)) {
      for (ConstructProfile c : PROFILER.profile(set)) {
        for (ThemeProfile t : themes) {
          double total = similarity.score(t, c);
          assertTrue(total >= 0 && total <= 1, set.id() + "/" + c.id() + " " + total);
          similarity.components(t, c).forEach((name, v) -> assertTrue(v >= 0 && v <= 1, name + " " + v));
        }
      }
    }
  }
}
