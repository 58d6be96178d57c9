package org.thememiner.themes;

import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@link SpectralKMeans}: spectral clustering on the sentences' nearest-neighbour graph; every placed sentence joins
 * the theme whose centre is nearest, and a member must reach {@code themes.minScore}.
 */
final class SpectralClustering implements Clustering {
  @Override
  public String name() {
    return "spectral";
  }

  @Override
  public SpectralKMeans estimator(ThemeSettings s, int k) {
    return new SpectralKMeans(k, s.seed(), s.restarts(), FEATURES);
  }

  @Override
  public int k(Transformer fitted) {
    return ((TrimmedKMeansModel) fitted).k();
  }

  @Override
  public Dataset<Row> readout(Transformer fitted, Dataset<Row> featurized, ThemeSettings s) {
    // The model's cut is -1 (no outliers): minScore alone decides membership.
    return ((TrimmedKMeansModel) fitted).readout(featurized, s.minScore());
  }
}
