package org.thememiner.themes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import java.util.Arrays;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.DoubleArrayArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted {@link TrimmedKMeans}: unit-length centres and the cosine below which a sentence is an outlier.
 * {@link #transform} adds {@code prediction}, the nearest centre by cosine, as Spark's KMeansModel does. Saved with
 * the theme pipeline by its params.
 */
public final class TrimmedKMeansModel extends Model<TrimmedKMeansModel> implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final Param<String> featuresCol;
  private final DoubleArrayArrayParam centres;
  private final DoubleParam threshold;

  public TrimmedKMeansModel(String uid) {
    this.uid = uid;
    featuresCol = new Param<>(this, "featuresCol", "the vector column");
    centres = new DoubleArrayArrayParam(this, "centres", "the unit-length cluster centres");
    threshold = new DoubleParam(this, "threshold", "the least cosine to its centre of a sentence that is not an outlier");
  }

  TrimmedKMeansModel(String featuresColumn, double[][] centreValues, double thresholdValue) {
    this(Identifiable$.MODULE$.randomUID("trimmedKMeansModel"));
    set(featuresCol, featuresColumn);
    set(centres, centreValues);
    set(threshold, thresholdValue);
  }

  public Param<String> featuresCol() {
    return featuresCol;
  }

  public DoubleArrayArrayParam centres() {
    return centres;
  }

  public DoubleParam threshold() {
    return threshold;
  }

  public Vector[] clusterCenters() {
    return Arrays.stream($(centres)).map(Vectors::dense).toArray(Vector[]::new);
  }

  public int k() {
    return $(centres).length;
  }

  /** The least cosine to its centre of a member; a sentence below it is an outlier. */
  public double getThreshold() {
    return (Double) $(threshold);
  }

  /**
   * {@link Clustering#byCentroid}: each sentence's nearest centre and cosine to it; a member reaches both the cut
   * and {@code minScore}.
   */
  Dataset<Row> readout(Dataset<Row> featurized, double minScore) {
    return Clustering.byCentroid(transform(featurized), clusterCenters(), lit(Math.max(getThreshold(), minScore)));
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    double[][] c = $(centres);
    UserDefinedFunction nearest = udf((UDF1<Vector, Integer>) v -> {
      int best = 0;
      double bestDot = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < c.length; i++) {
        double dot = v.dot(Vectors.dense(c[i]));
        if (dot > bestDot) {
          bestDot = dot;
          best = i;
        }
      }
      return best;
    }, DataTypes.IntegerType);
    return dataset.toDF().withColumn("prediction", nearest.apply(col($(featuresCol))));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return schema.add("prediction", DataTypes.IntegerType, false);
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public TrimmedKMeansModel copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<TrimmedKMeansModel> read() {
    return new DefaultParamsReader<>();
  }

  public static TrimmedKMeansModel load(String path) {
    return read().load(path);
  }
}
