package org.thememiner.themes;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.Normalizer;

/**
 * TF-IDF of the content terms and noun phrases in the sentence's context, over at most {@code vocabSize} terms; if
 * {@code themes.centre} is paper, less its paper's mean on the sentence's own terms ({@link GroupMeanShift#paperTermCentring}).
 */
final class TfIdf implements Representation {
  @Override
  public String name() {
    return "tfidf";
  }

  @Override
  public List<PipelineStage> stages(ThemeSettings s, String out) {
    boolean centred = s.centre().equals("paper");
    String unit = centred ? "tfidf_unit" : out;
    List<PipelineStage> stages = new ArrayList<>(List.of(counts(s, "tf"), new IDF().setInputCol("tf").setOutputCol("tfidf"),
        new Normalizer().setInputCol("tfidf").setOutputCol(unit).setP(2.0)));
    if (centred) stages.add(GroupMeanShift.paperTermCentring().setInputCol(unit).setOutputCol(out));
    return stages;
  }

  /** Raw term counts: what TF-IDF weighs, and what LDA models. */
  static CountVectorizer counts(ThemeSettings s, String out) {
    return new CountVectorizer().setInputCol(ThemeDiscovery.CONTEXT_TERMS).setOutputCol(out)
        .setMinDF(s.minDocFreq()).setVocabSize(s.vocabSize());
  }
}
