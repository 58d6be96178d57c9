package org.thememiner.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.thememiner.TestData;
import org.thememiner.ingest.ExtractOptions;
import org.thememiner.ingest.InputScanner;
import org.thememiner.ingest.Paper;
import org.thememiner.ingest.PaperReader;
import org.thememiner.ingest.Section;
import org.thememiner.themes.SentenceEncoder;

/**
 * The example coders on real sentences: those of Tully 2010's Results, each coded with the subheading (the authors'
 * theme) it sits under, as vectors of the real embedding model (the job gives them vectors of the themes' space;
 * the coders work on any).
 */
class ExampleCoderTest {
  private static Map<String, List<String>> sentencesByTheme() throws Exception {
    Paper tully = PaperReader.read(InputScanner.scan(
        List.of(TestData.pdf("tully-2010-heart-failure-programmes.pdf").toString())).get(0), ExtractOptions.DEFAULT);
    Map<String, List<String>> out = new TreeMap<>();
    for (Section s : tully.sections()) {
      if (!"results".equals(s.part()) || s.heading().isBlank()) continue;
      for (String sentence : s.text().split("(?<=[.?!])\\s+")) {
        if (sentence.split("\\s+").length >= 6) out.computeIfAbsent(s.heading(), h -> new ArrayList<>()).add(sentence);
      }
    }
    out.values().removeIf(l -> l.size() < 6);
    return out;
  }

  @Test
  void eachCoderLearnsTheAuthorsThemesFromTheirSentences() throws Exception {
    Map<String, List<String>> byTheme = sentencesByTheme();
    assertTrue(byTheme.size() >= 4, "Tully's Results themes with enough sentences: " + byTheme.keySet());
    List<String> labels = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    byTheme.forEach((theme, sentences) -> sentences.forEach(s -> {
      labels.add(theme);
      texts.add(s);
    }));
    List<double[]> vectors = java.util.Arrays.stream(SentenceEncoder.shared("all-minilm-l6-v2-q", 1).encode(texts))
        .map(ExampleCoderTest::toDouble).toList();
    double chance = 1.0 / byTheme.size();
    for (String method : ExampleCoder.METHODS) {
      ExampleCoder.Validation v = ExampleCoder.crossValidate(TestData.spark(), method, labels, vectors, List.of(), List.of(), 42);
      assertEquals(labels.size(), v.examples());
      assertEquals(byTheme.keySet(), v.f1ByConstruct().keySet());
      assertTrue(v.folds() >= 2 && v.folds() <= ExampleCoder.MAX_FOLDS, v.toString());
      // Held-out sentences are coded well above chance: the coder learnt the themes, not the examples.
      assertTrue(v.accuracy() > 2 * chance && v.kappa() > 0.3, method + ": " + v);
      assertEquals(v, ExampleCoder.crossValidate(TestData.spark(), method, labels, vectors, List.of(), List.of(), 42), "same seed, same folds");

      ExampleCoder coder = ExampleCoder.fit(TestData.spark(), method, labels, vectors);
      assertEquals(List.copyOf(byTheme.keySet()), coder.labels());
      ExampleCoder.Code code = coder.code(org.apache.spark.ml.linalg.Vectors.dense(vectors.get(0)));
      assertTrue(code.score() > 0 && code.score() <= 1 + 1e-9, code.toString());
    }
  }

  private static double[] toDouble(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) d[i] = v[i];
    return d;
  }
}
