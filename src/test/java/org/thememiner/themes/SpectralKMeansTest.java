package org.thememiner.themes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.thememiner.TestData;

/** The nearest-neighbour graph and spectral clustering on it, against what each must compute. */
class SpectralKMeansTest {
  /**
   * Two long arcs of unit vectors side by side on the sphere (scikit-learn's "two moons", lifted): each point's
   * nearest neighbours lie on its own arc, but a centre-based clustering cuts both arcs across the middle.
   */
  private static List<Vector> twoArcs(int perArc, Random random) {
    List<Vector> points = new ArrayList<>();
    for (int arc = 0; arc < 2; arc++) {
      for (int i = 0; i < perArc; i++) {
        double t = Math.PI * i / (perArc - 1);
        double x = arc == 0 ? Math.cos(t) : 1 - Math.cos(t);
        double y = arc == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
        points.add(unit(x + 0.05 * random.nextGaussian(), y + 0.05 * random.nextGaussian(), 2));
      }
    }
    return points;
  }

  private static Vector unit(double... v) {
    double norm = Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
    return Vectors.dense(Arrays.stream(v).map(x -> x / norm).toArray());
  }

  private static Dataset<Row> frame(List<Vector> points) {
    List<Row> rows = points.stream().map(p -> RowFactory.create(p)).toList();
    return TestData.spark().createDataFrame(rows, new StructType().add(Clustering.FEATURES, new VectorUDT()));
  }

  private static int[] predictions(org.apache.spark.ml.Transformer model, Dataset<Row> data) {
    return model.transform(data).select("prediction").collectAsList().stream().mapToInt(r -> r.getInt(0)).toArray();
  }

  /** Share of the points whose cluster is the majority cluster of their arc. */
  private static double purity(int[] cluster, int perArc) {
    int agree = 0;
    for (int arc = 0; arc < 2; arc++) {
      int[] count = new int[2];
      for (int i = arc * perArc; i < (arc + 1) * perArc; i++) count[cluster[i]]++;
      agree += Math.max(count[0], count[1]);
    }
    return (double) agree / (2 * perArc);
  }

  @Test
  void nearestNeighboursAreThoseOfTheCosineComputedPairByPair() {
    // Sparse rows with a dense block (an embedding beside TF-IDF terms), as the combined representation makes them.
    Random random = new Random(5);
    List<Vector> rows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      double[] v = new double[40];
      for (int d = 0; d < 8; d++) v[d] = random.nextGaussian();
      for (int t = 0; t < 3; t++) v[8 + random.nextInt(32)] = random.nextDouble() * 2;
      double norm = Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
      rows.add(Vectors.dense(Arrays.stream(v).map(x -> x / norm).toArray()).compressed());
    }
    int[][] nearest = NeighbourGraph.nearest(rows, 5);
    for (int i = 0; i < rows.size(); i++) {
      int self = i;
      int[] expected = java.util.stream.IntStream.range(0, rows.size()).filter(j -> j != self).boxed()
          .sorted((a, b) -> Double.compare(rows.get(self).dot(rows.get(b)), rows.get(self).dot(rows.get(a))))
          .limit(5).mapToInt(Integer::intValue).toArray();
      assertArrayEquals(expected, nearest[i], "row " + i);
    }
  }

  @Test
  void theNormalisedAffinityHasTheSquareRootOfTheDegreesAsItsLeadingEigenvector() {
    NeighbourGraph graph = NeighbourGraph.of(twoArcs(40, new Random(1)), 6);
    double[] x = Arrays.stream(graph.invSqrtDegree()).map(d -> 1 / d).toArray();
    double[] y = new double[x.length];
    graph.normalisedTimes(x, 0, y, 0);
    assertArrayEquals(x, y, 1e-12, "D^-1/2 A D^-1/2 D^1/2 1 = D^1/2 1");
  }

  @Test
  void spectralClusteringFollowsTheArcsWhereKMeansCutsAcrossThem() {
    int perArc = 150;
    List<Vector> arcs = twoArcs(perArc, new Random(7));
    Dataset<Row> data = frame(arcs);
    SpectralKMeans spectral = new SpectralKMeans(2, 42, 3, Clustering.FEATURES);
    int[] bySpectral = spectral.clusters(arcs, 2);
    int[] byKMeans = predictions(new KMeans().setK(2).setSeed(42).setDistanceMeasure("cosine")
        .setFeaturesCol(Clustering.FEATURES).fit(data), data);
    assertTrue(purity(bySpectral, perArc) > 0.95, "spectral: " + purity(bySpectral, perArc));
    assertTrue(purity(byKMeans, perArc) < 0.9, "k-means: " + purity(byKMeans, perArc));

    // The model: each cluster's mean direction, which assigns every sentence (and a new one) by cosine.
    TrimmedKMeansModel model = spectral.fit(data);
    for (int c = 0; c < 2; c++) {
      double[] sum = new double[3];
      for (int i = 0; i < arcs.size(); i++) {
        if (bySpectral[i] != c) continue;
        for (int d = 0; d < 3; d++) sum[d] += arcs.get(i).apply(d);
      }
      assertArrayEquals(unit(sum).toArray(), model.clusterCenters()[c].toArray(), 1e-12, "centre " + c);
    }
    TrimmedKMeansModel again = new SpectralKMeans(2, 42, 3, Clustering.FEATURES).fit(data);
    for (int c = 0; c < 2; c++) {
      assertArrayEquals(model.clusterCenters()[c].toArray(), again.clusterCenters()[c].toArray(), 0, "same seed, same centre " + c);
    }
  }

  @Test
  void aCorpusLargerThanTheGraphIsClusteredFromASampleAndEveryRowAssigned() {
    // Two groups k-means also finds, so that the centres from a sample can be checked by the groups of all rows.
    Random random = new Random(9);
    List<Vector> points = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      points.add(unit(i < 150 ? 1 : 0.1, i < 150 ? 0.1 : 1, 0.3 * random.nextDouble()));
    }
    Dataset<Row> data = frame(points);
    int[] cluster = predictions(new SpectralKMeans(2, 42, 3, Clustering.FEATURES, 120).fit(data), data);
    assertEquals(300, cluster.length);
    assertEquals(1.0, purity(cluster, 150), "a sample of 120 points places all 300");
  }

  @Test
  void aGraphOfFewerSentencesThanThemesPlusTwoIsSolvedWhole() {
    Dataset<Row> data = frame(List.of(unit(1, 0, 0), unit(1, 0.1, 0), unit(0, 1, 0), unit(0, 1, 0.1)));
    TrimmedKMeansModel model = new SpectralKMeans(3, 42, 1, Clustering.FEATURES).fit(data);
    Set<Integer> used = new HashSet<>();
    for (int c : predictions(model, data)) used.add(c);
    assertTrue(used.size() >= 2, "the two pairs apart: " + used);
  }

  @Test
  void aSingleSentenceIsAThemeOfItsOwn() {
    Dataset<Row> data = frame(List.of(unit(1, 0, 0)));
    TrimmedKMeansModel model = new SpectralKMeans(3, 42, 1, Clustering.FEATURES).fit(data);
    assertEquals(1, model.clusterCenters().length, "one sentence, one theme");
    assertArrayEquals(new int[] {0}, predictions(model, data));
  }
}
