package org.thememiner.themes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The encoder on real sentences, against langchain4j's own (one text at a time) run of the same bundled model. */
class SentenceEncoderTest {
  /** Sentences of the kind the job embeds: from Tully 2010's focus groups and a PLOS methods section. */
  static final List<String> SENTENCES = List.of(
      "I felt I was not alone any more, the others knew exactly what I was going through.",
      "Talking with other patients who had the same condition gave me confidence.",
      "The nurse explained how to weigh myself every morning and when to call the clinic.",
      "We used a random-effects model to pool the odds ratios across the trials.",
      "Cost of travel to the hospital stopped some people from attending the programme.",
      "Yes.");

  @Test
  void vectorsAreTheReferenceModelsUnitVectors() {
    SentenceEncoder encoder = SentenceEncoder.shared("all-minilm-l6-v2-q", 1);
    float[][] vectors = encoder.encode(SENTENCES);
    AllMiniLmL6V2QuantizedEmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
    for (int i = 0; i < SENTENCES.size(); i++) {
      float[] expected = reference.embed(SENTENCES.get(i)).content().vector();
      assertEquals(SentenceEncoder.DIMENSION, vectors[i].length);
      assertEquals(1.0, dot(vectors[i], vectors[i]), 1e-4, "unit length");
      assertTrue(dot(vectors[i], expected) > 0.999, "sentence " + i + ": cosine " + dot(vectors[i], expected));
      // A text's vector does not depend on the texts encoded with it.
      assertArrayEquals(vectors[i], encoder.encode(SENTENCES.get(i)));
    }
  }

  @Test
  void closerInMeaningIsCloserInSpace() {
    float[][] v = SentenceEncoder.shared("all-minilm-l6-v2-q", 1).encode(SENTENCES);
    // Peer support with peer support, not with a methods sentence that shares no meaning.
    assertTrue(dot(v[0], v[1]) > dot(v[0], v[3]) + 0.1, dot(v[0], v[1]) + " vs " + dot(v[0], v[3]));
  }

  @Test
  void aTextLongerThanTheModelTakesIsCutNotRefused() {
    String longText = String.join(" ", java.util.Collections.nCopies(400, "support"));
    SentenceEncoder encoder = SentenceEncoder.shared("all-minilm-l6-v2-q", 1);
    assertTrue(encoder.truncates(longText));
    assertTrue(!encoder.truncates(SENTENCES.get(0)));
    float[] v = encoder.encode(longText);
    assertEquals(1.0, dot(v, v), 1e-4);
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }
}
