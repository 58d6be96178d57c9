package org.thememiner.compare;

import java.util.List;
import org.apache.spark.sql.SparkSession;

/** One way of fitting an {@link ExampleCoder} on coded examples; {@code compare.exampleCoder} names one. */
interface CodingMethod {
  String name();

  /**
   * @param labels     the distinct constructs of the examples, sorted: the coder's index order
   * @param constructs the code of each example
   * @param vectors    each example in the themes' representation
   */
  ExampleCoder fit(SparkSession spark, List<String> labels, List<String> constructs, List<double[]> vectors);
}
