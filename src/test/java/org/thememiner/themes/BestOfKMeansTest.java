package org.thememiner.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.thememiner.TestData;

/** k-means from several seeds keeps the most compact fit, and one restart is plain k-means. */
class BestOfKMeansTest {
  /** Points around eight directions in 6 dimensions, for 5 clusters: starts end in different local optima. */
  private static Dataset<Row> points() {
    Random random = new Random(7);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      double[] v = new double[6];
      v[i % 6] = 1;
      v[(i / 6) % 6] += 0.5;
      for (int d = 0; d < v.length; d++) v[d] += 0.3 * random.nextGaussian();
      rows.add(RowFactory.create(Vectors.dense(v)));
    }
    return TestData.spark().createDataFrame(rows, new StructType().add(Clustering.FEATURES, new VectorUDT())).cache();
  }

  private static KMeans kmeans(long seed) {
    return new KMeans().setK(5).setSeed(seed).setMaxIter(50).setDistanceMeasure("cosine").setFeaturesCol(Clustering.FEATURES);
  }

  @Test
  void keepsTheLowestCostOfItsStartsAndOneStartIsPlainKMeans() {
    Dataset<Row> points = points();
    KMeansModel best = new BestOfKMeans(kmeans(42), 8).fit(points);
    double bestCost = best.summary().trainingCost();
    KMeansModel plain = kmeans(42).fit(points);
    assertTrue(bestCost <= plain.summary().trainingCost() + 1e-9, bestCost + " against the first start's " + plain.summary().trainingCost());

    // The seeds BestOfKMeans draws: 42 itself, then from new Random(42).
    Random seeds = new Random(42);
    List<Double> costs = new ArrayList<>(List.of(plain.summary().trainingCost()));
    for (int i = 1; i < 8; i++) costs.add(kmeans(seeds.nextLong()).fit(points).summary().trainingCost());
    assertEquals(costs.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), bestCost, 1e-9, costs.toString());
    assertTrue(costs.stream().distinct().count() > 1, "the starts reach different optima, so the choice matters: " + costs);

    KMeansModel once = new BestOfKMeans(kmeans(42), 1).fit(points);
    assertEquals(List.of(plain.clusterCenters()).toString(), List.of(once.clusterCenters()).toString());
  }
}
