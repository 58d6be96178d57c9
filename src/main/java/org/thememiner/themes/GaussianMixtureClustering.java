package org.thememiner.themes;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Optional;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.GaussianMixture;
import org.apache.spark.ml.clustering.GaussianMixtureModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Spark's Gaussian mixture: the score is the membership probability of the most likely component. */
final class GaussianMixtureClustering implements Clustering {
  @Override
  public String name() {
    return "gaussian-mixture";
  }

  @Override
  public GaussianMixture estimator(ThemeSettings s, int k) {
    return new GaussianMixture().setK(k).setSeed(s.seed()).setFeaturesCol(FEATURES);
  }

  @Override
  public int k(Transformer fitted) {
    return ((GaussianMixtureModel) fitted).getK();
  }

  @Override
  public Dataset<Row> readout(Transformer fitted, Dataset<Row> featurized, ThemeSettings s) {
    return fitted.transform(featurized).withColumn(CLUSTER, col("prediction"))
        .withColumn(SCORE, Probabilities.MAX.apply(col("probability"))).withColumn(INLIER, col(SCORE).geq(s.minScore()));
  }

  @Override
  public Optional<String> unsuitableFor(Representation r) {
    return List.of("word2vec", "embedding").contains(r.name()) ? Optional.empty()
        : Optional.of("needs representation word2vec or embedding (a covariance over thousands of TF-IDF features does not fit in memory)");
  }
}
