package org.thememiner.themes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.udf;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Paragraph context for dense sentence vectors, the counterpart of the paragraph's terms for TF-IDF
 * ({@link ThemeDiscovery#withContext}): a sentence's vector plus the mean of its paragraph's vectors (its own
 * among them), L2-normalised, so that a short quote or an attribution goes with its passage while the sentence
 * still weighs as much as the rest of the paragraph together. Zero vectors (rows the themes do not place) stay
 * zero and do not count in the mean. Rows without a paper and paragraph (a construct's text) are their own context.
 */
public final class ParagraphMean extends ColumnStage<ParagraphMean> {
  private static final long serialVersionUID = 1L;

  public ParagraphMean() {
    this(Identifiable$.MODULE$.randomUID("paragraphMean"));
  }

  public ParagraphMean(String uid) {
    super(uid, "the sentence vectors", "the sentence vectors with paragraph context");
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    Dataset<Row> rows = dataset.toDF();
    List<String> columns = Arrays.asList(rows.columns());
    if (!columns.contains("paper_id") || !columns.contains("paragraph")) {
      return rows.withColumn($(outputCol()), col($(inputCol())));
    }
    // Ordered, so the sum (and so the vector, to the last bit) does not depend on the row order.
    WindowSpec paragraph = Window.partitionBy("paper_id", "paragraph").orderBy("sentence_no")
        .rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
    return rows.withColumn($(outputCol()), WITH_CONTEXT.apply(col($(inputCol())), collect_list(col($(inputCol()))).over(paragraph)));
  }

  private static final UserDefinedFunction WITH_CONTEXT = udf((UDF2<Vector, scala.collection.Seq<Vector>, Vector>) (own, paragraph) -> {
    if (own.numNonzeros() == 0) return own;
    double[] sum = own.toArray().clone();
    List<Vector> members = CollectionConverters.asJava(paragraph).stream().filter(v -> v.numNonzeros() > 0).toList();
    for (Vector v : members) {
      double[] x = v.toArray();
      for (int i = 0; i < sum.length; i++) sum[i] += x[i] / members.size();
    }
    double norm = Math.sqrt(Arrays.stream(sum).map(x -> x * x).sum());
    for (int i = 0; i < sum.length; i++) sum[i] /= norm;
    return Vectors.dense(sum);
  }, new VectorUDT());

  public static MLReader<ParagraphMean> read() {
    return new DefaultParamsReader<>();
  }

  public static ParagraphMean load(String path) {
    return read().load(path);
  }
}
