package org.thememiner.themes;

import java.util.List;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.feature.Word2Vec;

/** The mean of Word2Vec vectors, trained on the corpus itself, of the terms in the sentence's context. */
final class Word2VecMean implements Representation {
  @Override
  public String name() {
    return "word2vec";
  }

  @Override
  public List<PipelineStage> stages(ThemeSettings s, String out) {
    // Word2VecModel.transform averages the vectors of a sentence's known terms (an unknown-only sentence is 0).
    return List.of(new Word2Vec().setInputCol(ThemeDiscovery.CONTEXT_TERMS).setOutputCol("w2v").setVectorSize(s.vectorSize())
            .setMinCount(s.minDocFreq()).setSeed(s.seed()).setMaxIter(5),
        new Normalizer().setInputCol("w2v").setOutputCol(out).setP(2.0));
  }
}
