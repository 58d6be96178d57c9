package org.thememiner.themes;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Optional;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Spark's online LDA, the topic-model baseline: it models raw term counts, and a sentence joins its most probable
 * topic, scored by that probability.
 */
final class LdaClustering implements Clustering {
  @Override
  public String name() {
    return "lda";
  }

  @Override
  public LDA estimator(ThemeSettings s, int k) {
    return new LDA().setK(k).setSeed(s.seed()).setMaxIter(30).setOptimizer("online").setFeaturesCol(FEATURES);
  }

  @Override
  public int k(Transformer fitted) {
    return ((LDAModel) fitted).getK();
  }

  @Override
  public Dataset<Row> readout(Transformer fitted, Dataset<Row> featurized, ThemeSettings s) {
    return fitted.transform(featurized).withColumn(CLUSTER, Probabilities.ARGMAX.apply(col("topicDistribution")))
        .withColumn(SCORE, Probabilities.MAX.apply(col("topicDistribution"))).withColumn(INLIER, col(SCORE).geq(s.minScore()));
  }

  @Override
  public List<PipelineStage> features(Representation representation, ThemeSettings s) {
    return List.of(TfIdf.counts(s, FEATURES));
  }

  @Override
  public Optional<String> unsuitableFor(Representation r) {
    return r.name().equals("tfidf") ? Optional.empty() : Optional.of("models term counts: use representation tfidf");
  }
}
