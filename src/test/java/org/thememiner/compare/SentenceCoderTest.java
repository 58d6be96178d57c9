package org.thememiner.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    ThemeModel model = new ThemeDiscovery(ThemeSettings.DEFAULT.withK(3)).fit(sentences);
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
}
