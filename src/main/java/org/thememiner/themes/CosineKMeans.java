package org.thememiner.themes;

import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Spark's k-means with cosine distance (spherical k-means); every placed sentence joins its nearest centre. */
final class CosineKMeans implements Clustering {
  @Override
  public String name() {
    return "kmeans";
  }

  @Override
  public BestOfKMeans estimator(ThemeSettings s, int k) {
    return new BestOfKMeans(new KMeans().setK(k).setSeed(s.seed()).setMaxIter(50).setDistanceMeasure("cosine").setFeaturesCol(FEATURES),
        s.restarts());
  }

  @Override
  public int k(Transformer fitted) {
    return ((KMeansModel) fitted).getK();
  }

  @Override
  public Dataset<Row> readout(Transformer fitted, Dataset<Row> featurized, ThemeSettings s) {
    return Clustering.byCentroid(fitted.transform(featurized), ((KMeansModel) fitted).clusterCenters(), s);
  }
}
