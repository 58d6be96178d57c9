package org.thememiner.compare;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Spark MLlib's multinomial logistic regression on standardised dimensions; the score is the construct's probability. */
final class LogisticCoding implements CodingMethod {
  /**
   * L2 strength, on standardised dimensions: on the unit vectors as they are, each dimension is about 0.05 and any
   * penalty that size flattens every construct to the most frequent one.
   */
  static final double REG_PARAM = 0.01;

  @Override
  public String name() {
    return "logistic";
  }

  @Override
  public ExampleCoder fit(SparkSession spark, List<String> labels, List<String> constructs, List<double[]> vectors) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < vectors.size(); i++) rows.add(RowFactory.create((double) labels.indexOf(constructs.get(i)), Vectors.dense(vectors.get(i))));
    StructType schema = new StructType().add("label", DataTypes.DoubleType).add("features", new VectorUDT());
    LogisticRegressionModel m = new LogisticRegression().setFamily("multinomial").setRegParam(REG_PARAM)
        .setElasticNetParam(0).setMaxIter(200).setStandardization(true)
        .fit(spark.createDataFrame(rows, schema).coalesce(1));
    Matrix coefficients = m.coefficientMatrix();
    // A label absent from the examples' indices cannot happen: labels are exactly the examples' constructs.
    double[][] w = new double[labels.size()][coefficients.numCols()];
    for (int c = 0; c < labels.size(); c++) for (int d = 0; d < w[c].length; d++) w[c][d] = coefficients.apply(c, d);
    return new ExampleCoder(labels, w, m.interceptVector().toArray(), true);
  }
}
