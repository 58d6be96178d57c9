package org.thememiner.themes;

import static org.apache.spark.sql.functions.udf;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/** Reading a vector of membership probabilities: the most likely cluster and its probability. */
final class Probabilities {
  static final UserDefinedFunction MAX = udf((UDF1<Vector, Double>) v -> v.apply(v.argmax()), DataTypes.DoubleType);
  static final UserDefinedFunction ARGMAX = udf((UDF1<Vector, Integer>) Vector::argmax, DataTypes.IntegerType);

  private Probabilities() {}
}
