package org.thememiner.themes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.thememiner.TestData;

/** Trimmed k-means fitted in the driver's JVM and with Spark, round by round: the same model. */
class TrimmedKMeansTest {
  @Test
  void fittedLocallyOrWithSparkItGivesTheSameThemesAndLeavesTheStraysOut() {
    // Three tight groups of unit vectors around three axes, and a few strays between all three.
    Random random = new Random(3);
    List<Row> rows = new ArrayList<>();
    for (int g = 0; g < 3; g++) {
      for (int i = 0; i < 30; i++) {
        double[] v = new double[6];
        v[g] = 1;
        for (int d = 0; d < 6; d++) v[d] += 0.1 * random.nextDouble();
        rows.add(RowFactory.create(Vectors.dense(v)));
      }
    }
    for (int i = 0; i < 10; i++) rows.add(RowFactory.create(Vectors.dense(1, 1, 1, random.nextDouble(), 0, 0)));
    Dataset<Row> data = TestData.spark().createDataFrame(rows, new StructType().add("features", new VectorUDT()));

    TrimmedKMeansModel local = new TrimmedKMeans(3, 42, 0.1, "features").fit(data);
    TrimmedKMeansModel distributed = new TrimmedKMeans(3, 42, 0.1, "features", 0).fit(data);
    assertEquals(local.getThreshold(), distributed.getThreshold(), 0.02, "about the same cut");
    for (int c = 0; c < 3; c++) {
      assertArrayEquals(local.clusterCenters()[c].toArray(), distributed.clusterCenters()[c].toArray(), 1e-9, "centre " + c);
    }
    List<Row> scored = Clustering.byCentroid(local.transform(data), local.clusterCenters(),
        org.apache.spark.sql.functions.lit(local.getThreshold())).select(Clustering.INLIER).collectAsList();
    // The cut is the outlierShare quantile of the cosines, which is itself kept: 9 of the 10 lowest fall below it.
    assertEquals(9, scored.stream().skip(90).filter(r -> !r.getBoolean(0)).count(), "the strays are the outliers");
    assertEquals(90, scored.stream().limit(90).filter(r -> r.getBoolean(0)).count(), "every group member belongs");
  }
}
