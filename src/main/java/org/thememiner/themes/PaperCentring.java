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
 * Takes out what all of a paper's sentences share ({@code themes.centre: paper}): each sentence vector minus the mean
 * of its paper's vectors, L2-normalised. What a whole paper is about (its disease, its setting, its design) is then
 * no reason for its sentences to cluster together, and a theme has to be carried by what sentences say across
 * papers. Zero vectors (rows the themes do not place) stay zero and do not count in the mean; a paper of one placed
 * sentence keeps it as it is. Rows without a paper (a construct's text) are left as they are.
 */
public final class PaperCentring extends ColumnStage<PaperCentring> {
  private static final long serialVersionUID = 1L;

  public PaperCentring() {
    this(Identifiable$.MODULE$.randomUID("paperCentring"));
  }

  public PaperCentring(String uid) {
    super(uid, "the sentence vectors", "the sentence vectors less their paper's mean");
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    Dataset<Row> rows = dataset.toDF();
    if (!Arrays.asList(rows.columns()).contains("paper_id")) return rows.withColumn($(outputCol()), col($(inputCol())));
    // Ordered, so the sum (and so the vector, to the last bit) does not depend on the row order.
    WindowSpec paper = Window.partitionBy("paper_id").orderBy("sentence_no")
        .rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
    return rows.withColumn($(outputCol()), CENTRED.apply(col($(inputCol())), collect_list(col($(inputCol()))).over(paper)));
  }

  private static final UserDefinedFunction CENTRED = udf((UDF2<Vector, scala.collection.Seq<Vector>, Vector>) (own, sentences) -> {
    if (own.numNonzeros() == 0) return own;
    List<Vector> placed = CollectionConverters.asJava(sentences).stream().filter(v -> v.numNonzeros() > 0).toList();
    if (placed.size() < 2) return own;
    double[] out = own.toArray().clone();
    for (Vector v : placed) {
      double[] x = v.toArray();
      for (int i = 0; i < out.length; i++) out[i] -= x[i] / placed.size();
    }
    double norm = Math.sqrt(Arrays.stream(out).map(x -> x * x).sum());
    if (norm == 0) return own;
    for (int i = 0; i < out.length; i++) out[i] /= norm;
    return Vectors.dense(out);
  }, new VectorUDT());

  public static MLReader<PaperCentring> read() {
    return new DefaultParamsReader<>();
  }

  public static PaperCentring load(String path) {
    return read().load(path);
  }
}
