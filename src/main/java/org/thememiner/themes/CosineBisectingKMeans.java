package org.thememiner.themes;

import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.BisectingKMeans;
import org.apache.spark.ml.clustering.BisectingKMeansModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Spark's bisecting k-means with cosine distance: the largest cluster is split in two until there are k. */
final class CosineBisectingKMeans implements Clustering {
  @Override
  public String name() {
    return "bisecting-kmeans";
  }

  @Override
  public BisectingKMeans estimator(ThemeSettings s, int k) {
    return new BisectingKMeans().setK(k).setSeed(s.seed()).setDistanceMeasure("cosine").setFeaturesCol(FEATURES);
  }

  @Override
  public int k(Transformer fitted) {
    return ((BisectingKMeansModel) fitted).clusterCenters().length;
  }

  @Override
  public Dataset<Row> readout(Transformer fitted, Dataset<Row> featurized, ThemeSettings s) {
    return Clustering.byCentroid(fitted.transform(featurized), ((BisectingKMeansModel) fitted).clusterCenters(), s);
  }
}
