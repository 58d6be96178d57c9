package org.thememiner.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.thememiner.TestData;
import org.thememiner.themes.KnownTopics;
import org.thememiner.themes.ThemeDiscovery;
import org.thememiner.themes.ThemeModel;
import org.thememiner.themes.ThemeSettings;

/** Sentence coding on sentences of known topic, against constructs that describe two of the three topics. */
class SentenceCoderTest {
  @Test
  void eachSentenceIsCodedWithTheConstructOfItsTopicAndOthersStayUncoded() {
    Dataset<Row> sentences = KnownTopics.sentences();
    // The fixture's topics are in its terms; its texts ("topic2 sentence 7") mean nothing to a sentence embedding,
    // which would find any construct name somewhat near them. Coding by meaning is EvaluationTest's, on real text.
    ThemeModel model = new ThemeDiscovery(ThemeSettings.DEFAULT.withAlgorithm("tfidf", "kmeans").withK(3)).fit(sentences);
    Map<String, SentenceCoder.Prototype> constructs = new LinkedHashMap<>();
    constructs.put("set:medication", new SentenceCoder.Prototype(
        new TermVector(Map.of("medication", 3.0, "tablet", 3.0, "pill", 1.0, "regimen", 1.0)), "Medication"));
    constructs.put("set:services", new SentenceCoder.Prototype(
        new TermVector(Map.of("clinic", 3.0, "appointment", 3.0, "doctor", 1.0)), "Services"));
    Map<Integer, String> codes = new HashMap<>();
    Map<Integer, Double> scores = new HashMap<>();
    for (Row r : new SentenceCoder(0.05).code(TestData.spark(), model, sentences, constructs).collectAsList()) {
      codes.put(r.getInt(1), r.getString(2));
      scores.put(r.getInt(1), r.getDouble(3));
    }
    int start = 0;
    String[] expected = {"set:medication", "set:services", null};
    for (int t = 0; t < KnownTopics.TOPICS.size(); t++) {
      int agree = 0;
      for (int i = start; i < start + KnownTopics.SIZES[t]; i++) {
        if (java.util.Objects.equals(expected[t], codes.get(i))) agree++;
      }
      // A sentence of a described topic may miss every construct term (6 random words of 8): allow a few.
      assertTrue(agree >= 0.8 * KnownTopics.SIZES[t], "topic " + t + ": " + agree + " of " + KnownTopics.SIZES[t]);
      start += KnownTopics.SIZES[t];
    }
    for (int i = start - KnownTopics.SIZES[2]; i < start; i++) {
      assertNull(codes.get(i), "no construct describes the family topic");
      assertEquals(0.0, scores.get(i), 1e-12);
    }
    assertTrue(!codes.containsKey(start), "methods sentences are not coded");
  }
  /**
   * With {@code centre: paper} the themes are found in centred vectors, but a sentence is coded as it is: the codes
   * and scores are those of the same model uncentred.
   */
  @Test
  void aSentenceIsCodedAsItIsWhenTheThemesAreCentredOnPapers() {
    Dataset<Row> sentences = KnownTopics.sentences();
    ThemeSettings s = ThemeSettings.DEFAULT.withAlgorithm("tfidf", "kmeans").withK(3);
    ThemeModel centred = new ThemeDiscovery(s.withCentre("paper")).fit(sentences);
    ThemeModel asTheyAre = new ThemeDiscovery(s).fit(sentences);
    Dataset<Row> eligible = ThemeDiscovery.eligible(sentences, s);
    assertNotEquals(vectors(asTheyAre.featurize(eligible)), vectors(centred.featurize(eligible)), "the themes' space is centred");
    Map<String, SentenceCoder.Prototype> constructs = Map.of("set:medication", new SentenceCoder.Prototype(
        new TermVector(Map.of("medication", 3.0, "tablet", 3.0, "pill", 1.0)), "Medication"));
    SentenceCoder coder = new SentenceCoder(0.05);
    assertEquals(new HashSet<>(coder.code(TestData.spark(), asTheyAre, sentences, constructs).collectAsList()),
        new HashSet<>(coder.code(TestData.spark(), centred, sentences, constructs).collectAsList()));
  }

  private static Map<Integer, List<Double>> vectors(Dataset<Row> featurized) {
    Map<Integer, List<Double>> out = new HashMap<>();
    for (Row r : featurized.select("sentence_no", ThemeModel.FEATURES).collectAsList()) {
      out.put(r.getInt(0), Arrays.stream(((Vector) r.get(1)).toArray()).boxed().toList());
    }
    return out;
  }

  /**
   * Coding against several sets in one pass gives each set the codes coding against it alone gives, and the best of
   * those over the sets is what coding against every set's constructs at once gives.
   */
  @Test
  void codingBySetIsEachSetAlone_andItsBestOverTheSetsIsCodingAgainstThemAll() {
    Dataset<Row> sentences = KnownTopics.sentences();
    ThemeModel model = new ThemeDiscovery(ThemeSettings.DEFAULT.withK(3)).fit(sentences);
    Map<String, Map<String, SentenceCoder.Prototype>> bySet = new LinkedHashMap<>();
    bySet.put("care", Map.of(
        "medication", new SentenceCoder.Prototype(new TermVector(Map.of("medication", 3.0, "tablet", 3.0, "pill", 1.0)), "Medication"),
        "services", new SentenceCoder.Prototype(new TermVector(Map.of("clinic", 3.0, "appointment", 3.0, "doctor", 1.0)), "Services")));
    // Overlaps the first set's medication, so that the sets compete for some sentences.
    bySet.put("life", Map.of(
        "drugs", new SentenceCoder.Prototype(new TermVector(Map.of("drug", 3.0, "dose", 2.0, "pharmacy", 1.0)), "Drugs"),
        "belonging", new SentenceCoder.Prototype(new TermVector(Map.of("family", 3.0, "friend", 3.0, "belonging", 1.0)), "Belonging")));
    SentenceCoder coder = new SentenceCoder(0.05);
    SentenceCodes codes = coder.codeBySet(TestData.spark(), model, sentences, bySet);
    Map<String, SentenceCoder.Prototype> all = new LinkedHashMap<>();
    for (var set : bySet.entrySet()) {
      assertEquals(coded(coder.code(TestData.spark(), model, sentences, set.getValue())), coded(codes.ofSet(set.getKey())), set.getKey());
      set.getValue().forEach((id, p) -> all.put(set.getKey() + ":" + id, p));
    }
    Map<Integer, String> across = coded(codes.acrossSets(List.copyOf(bySet.keySet())));
    assertEquals(coded(coder.code(TestData.spark(), model, sentences, all)), across);
    assertTrue(across.values().stream().anyMatch(c -> c.startsWith("care:")) && across.values().stream().anyMatch(c -> c.startsWith("life:")),
        "both sets win some sentences: " + across.values());
  }

  /**
   * What a coder that learns from examples takes from the codebook: each construct's prototype, then each of its parts
   * as a text of its own, read as a coded sentence would be (its content terms and its words).
   */
  @Test
  void aConstructByPartIsItsPrototypeThenEachPartAsATextOfItsOwn() {
    ConstructSet set = CompareFixtures.set("tully-2010");
    Map<String, List<SentenceCoder.Prototype>> byPart =
        SentenceCoder.Prototype.ofSetByPart(set, CompareFixtures.PROFILER, CompareFixtures.ANALYZER);
    assertEquals(set.constructs().stream().map(Construct::id).toList(), List.copyOf(byPart.keySet()), "the set's order");
    for (Construct c : set.constructs()) {
      List<SentenceCoder.Prototype> prototypes = byPart.get(c.id());
      List<String> parts = SentenceCoder.Prototype.parts(c);
      assertEquals(1 + parts.size(), prototypes.size(), c.id());
      assertEquals(SentenceCoder.Prototype.ofSet(set, CompareFixtures.PROFILER, "").get(c.id()), prototypes.get(0), c.id());
      for (int i = 0; i < parts.size(); i++) {
        SentenceCoder.Prototype part = prototypes.get(1 + i);
        assertEquals(parts.get(i), part.text());
        assertEquals(new HashSet<>(CompareFixtures.ANALYZER.terms(parts.get(i))), part.terms().weights().keySet(), parts.get(i));
      }
    }
    SentenceCoder.Prototype name = byPart.get("maintenance").get(1);
    assertEquals("Maintenance", name.text());
    assertEquals(Map.of("maintenance", 1.0), name.terms().weights(), "a part's terms count as they occur in it, unprofiled");
  }

  /** Sentence number to its code and score, for the coded sentences. */
  private static Map<Integer, String> coded(Dataset<Row> codes) {
    Map<Integer, String> out = new HashMap<>();
    for (Row r : codes.collectAsList()) {
      if (!r.isNullAt(2)) out.put(r.getInt(1), r.getString(2) + " " + r.getDouble(3));
    }
    return out;
  }
}
