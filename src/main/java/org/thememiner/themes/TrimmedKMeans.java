package org.thememiner.themes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Cosine k-means that leaves outliers out (k-means--, Chawla and Gionis 2013): starting from Spark's cosine
 * k-means, each round assigns every sentence to its nearest centre, sets aside the {@code outlierShare} least
 * similar to theirs, and recomputes each centre from the rest only. A sentence that fits no theme thus neither
 * joins one nor pulls a centre towards itself. The fitted model keeps the cosine that separated the outliers in
 * the last round, so that new sentences are judged by the same bar.
 */
public final class TrimmedKMeans extends Estimator<TrimmedKMeansModel> {
  private static final long serialVersionUID = 1L;
  /** Rounds after the k-means start; they stop sooner once no centre moves. */
  private static final int MAX_ROUNDS = 10;
  /** A centre whose cosine to the previous round's is above this has stopped moving. */
  private static final double SETTLED = 1 - 1e-9;
  /** Relative error of the outlier cut's quantile: exact enough, and one pass however large the corpus. */
  private static final double QUANTILE_ERROR = 1e-3;
  /**
   * Rows whose vectors hold at most this many non-zero values in all (32 MB as doubles) are fitted in the driver's
   * JVM ({@link LocalRounds}); larger ones round by round with Spark.
   */
  static final long LOCAL_VALUES = 4_000_000;
  private static final UserDefinedFunction NON_ZEROS =
      udf((UDF1<Vector, Long>) v -> (long) v.numNonzeros(), DataTypes.LongType);

  private final String uid = Identifiable$.MODULE$.randomUID("trimmedKMeans");
  private final int k;
  private final long seed;
  private final double outlierShare;
  private final String featuresCol;

  private final long localValues;

  TrimmedKMeans(int k, long seed, double outlierShare, String featuresCol) {
    this(k, seed, outlierShare, featuresCol, LOCAL_VALUES);
  }

  /** @param localValues rows with at most this many non-zero values in all are fitted in this JVM */
  TrimmedKMeans(int k, long seed, double outlierShare, String featuresCol, long localValues) {
    this.k = k;
    this.seed = seed;
    this.outlierShare = outlierShare;
    this.featuresCol = featuresCol;
    this.localValues = localValues;
  }

  @Override
  public TrimmedKMeansModel fit(Dataset<?> dataset) {
    Dataset<Row> rows = dataset.toDF().select(col(featuresCol));
    Vector[] start = new KMeans().setK(k).setSeed(seed).setMaxIter(50).setDistanceMeasure("cosine")
        .setFeaturesCol(featuresCol).fit(rows).clusterCenters();
    double[][] centres = Arrays.stream(start).map(v -> ThemeModel.unit(v.toArray())).toArray(double[][]::new);
    Row size = rows.agg(sum(NON_ZEROS.apply(col(featuresCol)))).first();
    if (size.isNullAt(0) || size.getLong(0) <= localValues) {
      List<Vector> vectors = rows.collectAsList().stream().map(r -> (Vector) r.get(0)).toList();
      return new LocalRounds(vectors).fit(centres);
    }
    return fitDistributed(rows, centres);
  }

  /**
   * The rounds over the rows in this JVM: on a selection sample or a small corpus each round is milliseconds here
   * and two Spark jobs there, and automatic k fits dozens of models.
   */
  private final class LocalRounds {
    private final List<Vector> vectors;
    private final int[] nearest;
    private final double[] cosine;

    LocalRounds(List<Vector> vectors) {
      this.vectors = vectors;
      nearest = new int[vectors.size()];
      cosine = new double[vectors.size()];
    }

    TrimmedKMeansModel fit(double[][] start) {
      double[][] centres = start;
      double cut = assign(centres);
      for (int round = 0; round < MAX_ROUNDS; round++) {
        double[][] next = new double[centres.length][];
        double[][] sums = new double[centres.length][centres[0].length];
        boolean[] members = new boolean[centres.length];
        for (int i = 0; i < vectors.size(); i++) {
          if (cosine[i] < cut) continue;
          members[nearest[i]] = true;
          add(vectors.get(i), sums[nearest[i]]);
        }
        for (int c = 0; c < centres.length; c++) next[c] = members[c] ? ThemeModel.unit(sums[c]) : centres[c];
        boolean settled = true;
        for (int c = 0; c < next.length; c++) settled &= dot(next[c], centres[c]) > SETTLED;
        centres = next;
        cut = assign(centres);
        if (settled) break;
      }
      return new TrimmedKMeansModel(featuresCol, centres, cut);
    }

    private static void add(Vector v, double[] sum) {
      if (v instanceof SparseVector sparse) {
        for (int j = 0; j < sparse.indices().length; j++) sum[sparse.indices()[j]] += sparse.values()[j];
      } else {
        double[] values = v.toArray();
        for (int d = 0; d < values.length; d++) sum[d] += values[d];
      }
    }

    /** Each row's nearest centre and cosine to it; the cut below which the {@code outlierShare} lie. */
    private double assign(double[][] centres) {
      double[] norms = Arrays.stream(centres).mapToDouble(ThemeModel::squaredNorm).toArray();
      for (int i = 0; i < vectors.size(); i++) {
        nearest[i] = 0;
        cosine[i] = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < centres.length; c++) {
          double s = ThemeModel.cosine(vectors.get(i), centres[c], norms[c]);
          if (s > cosine[i]) {
            cosine[i] = s;
            nearest[i] = c;
          }
        }
      }
      if (outlierShare == 0) return -1;
      double[] sorted = cosine.clone();
      Arrays.sort(sorted);
      return sorted[(int) Math.floor(outlierShare * (sorted.length - 1))];
    }
  }

  private TrimmedKMeansModel fitDistributed(Dataset<Row> rows, double[][] start) {
    double[][] centres = start;
    double cut = cut(scored(rows, centres));
    for (int round = 0; round < MAX_ROUNDS; round++) {
      double[][] next = centres.clone();
      Dataset<Row> members = scored(rows, centres).filter(col(Clustering.SCORE).geq(cut));
      for (Row r : members.groupBy(Clustering.CLUSTER).agg(Summarizer.sum(col(featuresCol))).collectAsList()) {
        next[r.getInt(0)] = ThemeModel.unit(((Vector) r.get(1)).toArray());
      }
      boolean settled = true;
      for (int i = 0; i < next.length; i++) settled &= dot(next[i], centres[i]) > SETTLED;
      centres = next;
      cut = cut(scored(rows, centres));
      if (settled) break;
    }
    return new TrimmedKMeansModel(featuresCol, centres, cut);
  }

  /** The rows with their nearest centre and their cosine to it. */
  private Dataset<Row> scored(Dataset<Row> rows, double[][] centres) {
    TrimmedKMeansModel model = new TrimmedKMeansModel(featuresCol, centres, -1);
    return Clustering.byCentroid(model.transform(rows), model.clusterCenters(), lit(-1.0));
  }

  /** The cosine below which the least similar {@code outlierShare} of the rows lie. */
  private double cut(Dataset<Row> scored) {
    if (outlierShare == 0) return -1;
    return scored.stat().approxQuantile(Clustering.SCORE, new double[] {outlierShare}, QUANTILE_ERROR)[0];
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
    return sum;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return schema;
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public TrimmedKMeans copy(ParamMap extra) {
    return new TrimmedKMeans(k, seed, outlierShare, featuresCol, localValues);
  }
}
