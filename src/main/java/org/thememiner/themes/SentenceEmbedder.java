package org.thememiner.themes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.Arrays;
import org.apache.spark.TaskContext;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The representation stage of sentence embeddings: a text column in, its unit vector from {@link SentenceEncoder}
 * out, computed on the executors with one encoder per JVM. A null text (a row the themes do not place) gets the
 * zero vector. Saved with the theme pipeline, so the fitted model records which embedding model it was fitted in.
 *
 * <p>The output column is marked with the model's name: when the input already has that column, made by the same
 * model (the job embeds a run's sentences once, before fitting, and every later pass reads them), it is kept as it
 * is instead of being computed again.
 */
public final class SentenceEmbedder extends ColumnStage<SentenceEmbedder> {
  private static final long serialVersionUID = 1L;
  /** Column metadata key naming the model that made a vector column. */
  static final String MODEL_KEY = "embeddingModel";

  private final Param<String> model;

  public SentenceEmbedder() {
    this(Identifiable$.MODULE$.randomUID("sentenceEmbedder"));
  }

  public SentenceEmbedder(String uid) {
    super(uid, "the text column", "the embedding column");
    model = new Param<>(this, "model", "the embedding model, one of " + SentenceEncoder.MODELS);
  }

  public Param<String> model() {
    return model;
  }

  public SentenceEmbedder setModel(String value) {
    if (!SentenceEncoder.MODELS.contains(value)) {
      throw new IllegalArgumentException("unknown embedding model " + value + "; one of " + SentenceEncoder.MODELS);
    }
    set(model, value);
    return this;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    String out = $(outputCol());
    String name = $(model);
    if (madeBy(dataset.schema(), out, name)) return dataset.toDF();
    return dataset.toDF().withColumn(out, embed(col($(inputCol())), name).as(out, marked(name)));
  }

  /**
   * The unit vector of each text of {@code text} (zero for null), by {@code model}. Marked non-deterministic only
   * so that Spark's optimiser evaluates it once per row instead of copying it into every projection that reads it.
   */
  public static Column embed(Column text, String model) {
    int dimension = SentenceEncoder.DIMENSION;
    UserDefinedFunction f = udf((UDF1<String, Vector>) t -> {
      if (t == null) return Vectors.sparse(dimension, new int[0], new double[0]);
      TaskContext task = TaskContext.get();
      float[] v = SentenceEncoder.shared(model, task == null ? 1 : task.cpus()).encode(t);
      double[] d = new double[v.length];
      for (int i = 0; i < v.length; i++) d[i] = v[i];
      return Vectors.dense(d);
    }, new VectorUDT()).asNondeterministic();
    return f.apply(text);
  }

  /** The metadata that marks a column as made by {@code model}. */
  public static Metadata marked(String model) {
    return new MetadataBuilder().putString(MODEL_KEY, model).build();
  }

  /** Whether {@code schema} has {@code column}, made by {@code model}. */
  static boolean madeBy(StructType schema, String column, String model) {
    return Arrays.asList(schema.fieldNames()).contains(column)
        && schema.apply(column).metadata().contains(MODEL_KEY)
        && schema.apply(column).metadata().getString(MODEL_KEY).equals(model);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    if (madeBy(schema, $(outputCol()), $(model))) return schema;
    return schema.add(new StructField($(outputCol()), new VectorUDT(), true, marked($(model))));
  }


  public static MLReader<SentenceEmbedder> read() {
    return new DefaultParamsReader<>();
  }

  public static SentenceEmbedder load(String path) {
    return read().load(path);
  }
}
