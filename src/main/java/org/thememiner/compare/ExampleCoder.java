package org.thememiner.compare;

import static org.apache.spark.sql.functions.udf;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Codes sentences from sentences a researcher coded ({@link CodedExamples}), in the theme model's representation
 * space (so with the same keyword and embedding evidence and the same paragraph context as the themes): a linear
 * scorer per construct, fitted on the examples' vectors, applied to each sentence's.
 * <ul>
 *   <li>{@code centroid}: the cosine to the normalised mean of the construct's examples (nearest centroid).
 *       Nothing to tune.</li>
 *   <li>{@code logistic}: Spark MLlib's multinomial logistic regression on standardised dimensions (L2,
 *       {@value LogisticCoding#REG_PARAM}); the score is the construct's probability.</li>
 * </ul>
 * {@link #crossValidate} tells how far to trust it: each example coded by a coder fitted without it.
 */
public final class ExampleCoder implements Serializable {
  private static final Map<String, CodingMethod> BY_NAME = new LinkedHashMap<>();

  static {
    for (CodingMethod m : List.of(new NearestCentroid(), new LogisticCoding())) BY_NAME.put(m.name(), m);
  }

  /** The coders by name ({@code compare.exampleCoder}). */
  public static final List<String> METHODS = List.copyOf(BY_NAME.keySet());
  /** Folds of the cross-validation at most; fewer when a construct has fewer examples. */
  static final int MAX_FOLDS = 5;

  private final List<String> labels;
  private final double[][] weights;
  private final double[] intercepts;
  private final boolean probabilities;

  ExampleCoder(List<String> labels, double[][] weights, double[] intercepts, boolean probabilities) {
    this.labels = List.copyOf(labels);
    this.weights = weights;
    this.intercepts = intercepts;
    this.probabilities = probabilities;
  }

  /** The coder of {@code method} fitted on the examples: {@code constructs[i]} is the code of {@code vectors[i]}. */
  public static ExampleCoder fit(SparkSession spark, String method, List<String> constructs, List<double[]> vectors) {
    CodingMethod m = BY_NAME.get(method);
    if (m == null) throw new IllegalArgumentException("coder must be one of " + METHODS + ", got " + method);
    List<String> labels = constructs.stream().distinct().sorted().toList();
    if (labels.size() < 2) throw new IllegalArgumentException("a coder needs examples of at least two constructs, got " + labels);
    return m.fit(spark, labels, constructs, vectors);
  }

  /** The constructs this coder tells apart, in index order. */
  public List<String> labels() {
    return labels;
  }

  /** The code of a vector and its score (cosine for centroid, probability for logistic). */
  public record Code(String construct, double score) {}

  public Code code(Vector v) {
    double[] s = new double[labels.size()];
    int best = 0;
    // Term vectors have tens of thousands of dimensions and a few dozen non-zeros.
    SparseVector sparse = v.toSparse();
    double norm = Math.sqrt(java.util.Arrays.stream(sparse.values()).map(x -> x * x).sum());
    for (int c = 0; c < s.length; c++) {
      s[c] = intercepts[c];
      for (int j = 0; j < sparse.indices().length; j++) s[c] += weights[c][sparse.indices()[j]] * sparse.values()[j];
      if (!probabilities && norm > 0) s[c] /= norm;
      if (s[c] > s[best]) best = c;
    }
    if (!probabilities) return new Code(labels.get(best), s[best]);
    double total = 0;
    for (double x : s) total += Math.exp(x - s[best]);
    return new Code(labels.get(best), 1 / total);
  }

  /** A struct column {@code (label, score)} of the code of each vector of {@code features}; null for a zero vector. */
  public Column code(Column features) {
    ExampleCoder coder = this;
    return udf((UDF1<Vector, Row>) v -> {
      if (v == null || v.numNonzeros() == 0) return null;
      Code c = coder.code(v);
      return RowFactory.create(c.construct(), c.score());
    }, new StructType().add("label", DataTypes.StringType).add("score", DataTypes.DoubleType)).apply(features);
  }

  /**
   * Agreement of the coder with the examples' own codes, each example coded by a coder fitted on the other folds
   * (stratified: each construct's examples dealt round the folds after a seeded shuffle).
   *
   * @param folds          how many folds: {@value #MAX_FOLDS} at most, fewer when a construct has fewer examples, 2 at least
   * @param f1ByConstruct  F1 of each construct, as a code of the held-out examples
   */
  public record Validation(String method, int examples, int folds, double accuracy, double kappa, double macroF1,
      Map<String, Double> f1ByConstruct) {}

  /**
   * @param fixedConstructs codes of vectors every fold learns from and none is scored on (the constructs' own
   *                        prototypes), with {@code fixedVectors}
   */
  public static Validation crossValidate(SparkSession spark, String method, List<String> constructs, List<double[]> vectors,
      List<String> fixedConstructs, List<double[]> fixedVectors, long seed) {
    Map<String, List<Integer>> byConstruct = new TreeMap<>();
    for (int i = 0; i < constructs.size(); i++) byConstruct.computeIfAbsent(constructs.get(i), c -> new ArrayList<>()).add(i);
    int smallest = byConstruct.values().stream().mapToInt(List::size).min().orElse(0);
    int folds = Math.max(2, Math.min(MAX_FOLDS, smallest));
    int[] fold = new int[constructs.size()];
    Random random = new Random(seed);
    for (List<Integer> members : byConstruct.values()) {
      List<Integer> shuffled = new ArrayList<>(members);
      Collections.shuffle(shuffled, random);
      for (int j = 0; j < shuffled.size(); j++) fold[shuffled.get(j)] = j % folds;
    }
    String[] predicted = new String[constructs.size()];
    for (int f = 0; f < folds; f++) {
      List<String> trainY = new ArrayList<>(fixedConstructs);
      List<double[]> trainX = new ArrayList<>(fixedVectors);
      for (int i = 0; i < fold.length; i++) {
        if (fold[i] != f) {
          trainY.add(constructs.get(i));
          trainX.add(vectors.get(i));
        }
      }
      if (trainY.stream().distinct().count() < 2) continue; // too few examples to fit without this fold
      ExampleCoder coder = fit(spark, method, trainY, trainX);
      for (int i = 0; i < fold.length; i++) if (fold[i] == f) predicted[i] = coder.code(Vectors.dense(vectors.get(i))).construct();
    }
    List<String> truth = new ArrayList<>(constructs);
    List<String> guess = new ArrayList<>();
    for (String p : predicted) guess.add(p == null ? "(none)" : p);
    Map<String, Double> f1 = new LinkedHashMap<>();
    for (String c : byConstruct.keySet()) f1.put(c, Agreement.f1(truth, guess, c));
    return new Validation(method, constructs.size(), folds, Agreement.accuracy(truth, guess), Agreement.cohensKappa(truth, guess),
        Agreement.macroF1(truth, guess), f1);
  }
}
