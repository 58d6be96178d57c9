package org.thememiner.themes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * One way of grouping the sentence vectors into themes (BERTopic's clustering step): a Spark ML estimator on
 * {@link #FEATURES}, and how its fitted model is read out per sentence as a cluster, a membership score and whether
 * the sentence belongs or is an outlier. {@code themes.algorithm} names one of {@link ThemeParts#CLUSTERINGS}.
 */
interface Clustering {
  String FEATURES = "features";
  String CLUSTER = "cluster";
  String SCORE = "score";
  String INLIER = "inlier";

  String name();

  Estimator<? extends Model<?>> estimator(ThemeSettings settings, int k);

  /** Number of clusters the fitted model has. */
  int k(Transformer fitted);

  /**
   * Applies the fitted model and adds {@link #CLUSTER} (index), {@link #SCORE} and {@link #INLIER}: whether the
   * sentence belongs to its cluster (by default: its score is at least {@code themes.minScore}).
   */
  Dataset<Row> readout(Transformer fitted, Dataset<Row> featurized, ThemeSettings settings);

  /** The stages from the sentence table to {@link #FEATURES}: the representation's, unless the method needs its own. */
  default List<PipelineStage> features(Representation representation, ThemeSettings settings) {
    return representation.stages(settings, FEATURES);
  }

  /** Why the method cannot cluster that representation's vectors, if it cannot. */
  default Optional<String> unsuitableFor(Representation representation) {
    return Optional.empty();
  }

  /**
   * The readout of a centroid method, whose model added {@code prediction}: the score is the cosine to the
   * cluster's centre.
   */
  static Dataset<Row> byCentroid(Dataset<Row> predicted, Vector[] centres, Column inlierScore) {
    double[][] c = Arrays.stream(centres).map(Vector::toArray).toArray(double[][]::new);
    double[] norms = Arrays.stream(c).mapToDouble(ThemeModel::squaredNorm).toArray();
    UserDefinedFunction cosine = udf((UDF2<Vector, Integer, Double>) (v, i) -> ThemeModel.cosine(v, c[i], norms[i]),
        DataTypes.DoubleType);
    return predicted.withColumn(CLUSTER, col("prediction")).withColumn(SCORE, cosine.apply(col(FEATURES), col("prediction")))
        .withColumn(INLIER, col(SCORE).geq(inlierScore));
  }

  /** {@link #byCentroid} with {@code themes.minScore} as the least score of a member. */
  static Dataset<Row> byCentroid(Dataset<Row> predicted, Vector[] centres, ThemeSettings settings) {
    return byCentroid(predicted, centres, lit(settings.minScore()));
  }
}
