package org.thememiner.themes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.udf;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Each sentence vector plus {@code weight} times the mean of its group's vectors (its own among them; with {@code
 * reach}, those of the group's rows up to that many either side of it in sentence order), L2-normalised;
 * the vector as it is when that sum is zero. Zero vectors (rows the themes do not place) stay zero and do not count
 * in the mean. Rows without the group's columns (a construct's text) are their own group.
 * <ul>
 *   <li>{@link #paragraphContext}: weight 1 over the paragraph (up to {@link #PARAGRAPH_REACH} sentences either
 *       side), the counterpart of the paragraph's terms for TF-IDF ({@link ThemeDiscovery#withContext}): a short
 *       quote or an attribution goes with its passage, while the sentence still weighs as much as the rest of the
 *       paragraph together.</li>
 *   <li>{@link #paperCentring} ({@code themes.centre: paper}): weight -1 over the paper: what all of a paper's
 *       sentences share (its disease, its setting, its design) is taken out, so that it is no reason for them to
 *       cluster together and a theme has to be carried by what sentences say across papers.</li>
 *   <li>{@link #paperTermCentring} (the same for term weights): weight -1 over the paper, on the sentence's own
 *       terms only and floored at zero. Taking the whole mean out would give every sentence a negative weight on
 *       each term of its paper that it does not use, dense over the vocabulary; on its own terms, what the paper
 *       says throughout weighs less and what is particular to the sentence stays.</li>
 * </ul>
 */
public final class GroupMeanShift extends ColumnStage<GroupMeanShift> {
  private static final long serialVersionUID = 1L;
  private static final String[] PAPER = {"paper_id"};
  /**
   * How many sentences either side of a sentence, in its paragraph, are its context. More than any paragraph of the
   * papers measured holds (at most 29 sentences in the JATS corpus), so a paragraph is read whole; text without
   * paragraph breaks (a transcript without blank lines, a PDF whose paragraphs ran together) is read in windows of
   * its neighbours instead of as one context per sentence of the whole text, which grows with the square of its length.
   */
  public static final int PARAGRAPH_REACH = 15;

  private final StringArrayParam groupCols;
  private final DoubleParam weight;
  private final BooleanParam ownTermsOnly;
  private final IntParam reach;

  public GroupMeanShift() {
    this(Identifiable$.MODULE$.randomUID("groupMeanShift"));
  }

  public GroupMeanShift(String uid) {
    super(uid, "the sentence vectors", "the sentence vectors shifted by their group's mean");
    groupCols = new StringArrayParam(this, "groupCols", "the columns whose values make a group");
    weight = new DoubleParam(this, "weight", "how much of the group's mean is added (negative: taken out)");
    ownTermsOnly = new BooleanParam(this, "ownTermsOnly", "shift only the sentence's non-zero entries, floored at zero");
    reach = new IntParam(this, "reach", "the rows either side of a row, in sentence order, whose vectors make its group's "
        + "mean (0: the whole group)", ParamValidators.gtEq(0));
    setDefault(ownTermsOnly, false);
    setDefault(reach, 0);
  }

  public StringArrayParam groupCols() {
    return groupCols;
  }

  public DoubleParam weight() {
    return weight;
  }

  public BooleanParam ownTermsOnly() {
    return ownTermsOnly;
  }

  public IntParam reach() {
    return reach;
  }

  /** The sentence with its paragraph as context. */
  public static GroupMeanShift paragraphContext() {
    GroupMeanShift stage = new GroupMeanShift();
    stage.set(stage.groupCols, new String[] {"paper_id", "paragraph"});
    stage.set(stage.weight, 1.0);
    stage.set(stage.reach, PARAGRAPH_REACH);
    return stage;
  }

  /** The sentence less what its paper's sentences share. */
  public static GroupMeanShift paperCentring() {
    GroupMeanShift stage = new GroupMeanShift();
    stage.set(stage.groupCols, PAPER.clone());
    stage.set(stage.weight, -1.0);
    return stage;
  }

  /** The sentence's term weights less its paper's mean on the terms it has, none below zero. */
  public static GroupMeanShift paperTermCentring() {
    GroupMeanShift stage = paperCentring();
    stage.set(stage.ownTermsOnly, true);
    return stage;
  }

  /** Whether this stage takes out the paper's mean ({@link #paperCentring}, {@link #paperTermCentring}). */
  public boolean centresOnPaper() {
    return (Double) $(weight) < 0 && Arrays.equals($(groupCols), PAPER);
  }

  /** The input column as it is, under the output column's name: this stage passed over. */
  public Dataset<Row> passOver(Dataset<?> dataset) {
    return dataset.toDF().withColumn($(outputCol()), col($(inputCol())));
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    Dataset<Row> rows = dataset.toDF();
    String[] group = $(groupCols);
    if (!Arrays.asList(rows.columns()).containsAll(Arrays.asList(group))) return rows.withColumn($(outputCol()), col($(inputCol())));
    // Ordered, so the sum (and so the vector, to the last bit) does not depend on the row order.
    int reachRows = (Integer) $(reach);
    WindowSpec window = sentenceWindow(Window.partitionBy(Arrays.stream(group).map(c -> col(c)).toArray(Column[]::new)), reachRows);
    double w = (Double) $(weight);
    boolean ownTerms = (Boolean) $(ownTermsOnly);
    Column in = col($(inputCol()));
    if (reachRows > 0) {
      // A few rows each: every row adds its frame's placed vectors one by one.
      return rows.withColumn($(outputCol()), udf((UDF2<Vector, scala.collection.Seq<Vector>, Vector>) (own, members) -> {
        List<Vector> placed = placed(members);
        return ownTerms ? shiftedOnOwnTerms(own, placed, w, placed.size()) : shifted(own, placed, w, placed.size());
      }, new VectorUDT()).apply(in, collect_list(in).over(window)));
    }
    // A whole group (a paper, a long transcript): its sum once, not all its vectors handed to each of its rows.
    Column sum = Summarizer.metrics("sum").summary(in).over(window).getField("sum");
    Column placedRows = functions.sum(udf((UDF1<Vector, Integer>) v -> v.numNonzeros() > 0 ? 1 : 0, DataTypes.IntegerType).apply(in))
        .over(window);
    return rows.withColumn($(outputCol()), udf((UDF3<Vector, Vector, Long, Vector>) (own, total, placed) -> ownTerms
        ? shiftedOnOwnTerms(own, List.of(total), w, placed) : shifted(own, List.of(total), w, placed),
        new VectorUDT()).apply(in, sum, placedRows));
  }

  /**
   * The rows of a group in sentence order, each row's frame the {@code reach} rows either side of it, or the whole
   * group when {@code reach} is 0.
   */
  static WindowSpec sentenceWindow(WindowSpec group, int reach) {
    WindowSpec ordered = group.orderBy("sentence_no");
    return reach == 0 ? ordered.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing())
        : ordered.rowsBetween(-reach, reach);
  }

  /** {@code own} plus {@code weight} times the sum of {@code addends} over {@code divisor}, scaled to unit length. */
  private static Vector shifted(Vector own, List<Vector> addends, double weight, long divisor) {
    if (own.numNonzeros() == 0) return own;
    double[] out = own.toArray().clone();
    for (Vector v : addends) {
      double[] x = v.toArray();
      for (int i = 0; i < out.length; i++) out[i] += weight * x[i] / divisor;
    }
    return toUnitLength(out) ? Vectors.dense(out) : own;
  }

  /** The same on the non-zero entries of {@code own} only, floored at zero. */
  private static Vector shiftedOnOwnTerms(Vector own, List<Vector> addends, double weight, long divisor) {
    if (own.numNonzeros() == 0) return own;
    SparseVector terms = own.toSparse();
    int[] index = terms.indices();
    double[] out = terms.values().clone();
    for (Vector v : addends) {
      for (int j = 0; j < index.length; j++) out[j] += weight * v.apply(index[j]) / divisor;
    }
    for (int j = 0; j < out.length; j++) out[j] = Math.max(0, out[j]);
    return toUnitLength(out) ? Vectors.sparse(own.size(), index, out).compressed() : own;
  }

  /** Scales {@code values} to unit length in place; false, leaving them, when they are (near) zero. */
  private static boolean toUnitLength(double[] values) {
    double norm = Math.sqrt(Arrays.stream(values).map(x -> x * x).sum());
    if (norm < 1e-9) return false;
    for (int i = 0; i < values.length; i++) values[i] /= norm;
    return true;
  }

  /** The group's vectors that the themes place (zero vectors do not count in its mean). */
  private static List<Vector> placed(scala.collection.Seq<Vector> group) {
    return scala.jdk.javaapi.CollectionConverters.asJava(group).stream().filter(v -> v.numNonzeros() > 0).toList();
  }

  public static MLReader<GroupMeanShift> read() {
    return new DefaultParamsReader<>();
  }

  public static GroupMeanShift load(String path) {
    return read().load(path);
  }
}
