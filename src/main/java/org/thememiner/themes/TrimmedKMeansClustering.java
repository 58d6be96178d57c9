package org.thememiner.themes;

import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@link TrimmedKMeans}: cosine k-means that leaves about {@code themes.outlierShare} of the sentences out as
 * outliers instead of forcing each into a theme. A member must also reach {@code themes.minScore}.
 */
final class TrimmedKMeansClustering implements Clustering {
  @Override
  public String name() {
    return "trimmed-kmeans";
  }

  @Override
  public TrimmedKMeans estimator(ThemeSettings s, int k) {
    return new TrimmedKMeans(k, s.seed(), s.outlierShare(), FEATURES);
  }

  @Override
  public int k(Transformer fitted) {
    return ((TrimmedKMeansModel) fitted).k();
  }

  @Override
  public Dataset<Row> readout(Transformer fitted, Dataset<Row> featurized, ThemeSettings s) {
    return ((TrimmedKMeansModel) fitted).readout(featurized, s.minScore());
  }
}
