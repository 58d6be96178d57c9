package org.thememiner.compare;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** The cosine to the normalised mean of each construct's examples. Nothing to tune. */
final class NearestCentroid implements CodingMethod {
  @Override
  public String name() {
    return "centroid";
  }

  @Override
  public ExampleCoder fit(SparkSession spark, List<String> labels, List<String> constructs, List<double[]> vectors) {
    double[][] sums = new double[labels.size()][vectors.get(0).length];
    for (int i = 0; i < vectors.size(); i++) {
      double[] sum = sums[labels.indexOf(constructs.get(i))];
      for (int d = 0; d < sum.length; d++) sum[d] += vectors.get(i)[d];
    }
    for (double[] sum : sums) {
      double norm = Math.sqrt(Arrays.stream(sum).map(x -> x * x).sum());
      for (int d = 0; d < sum.length; d++) sum[d] /= norm;
    }
    return new ExampleCoder(labels, sums, new double[labels.size()], false);
  }
}
