package org.thememiner.themes;

import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.sql.types.StructType;

/**
 * What thememiner's own representation stages share: a Spark ML transformer from one column to a vector column,
 * saved with the theme pipeline by its params. A subclass has a constructor taking a uid and static {@code read()}
 * and {@code load(path)} returning a {@code DefaultParamsReader}, which Spark's pipeline reader calls.
 */
abstract class ColumnStage<T extends ColumnStage<T>> extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> outputCol;

  ColumnStage(String uid, String input, String output) {
    this.uid = uid;
    inputCol = new Param<>(this, "inputCol", input);
    outputCol = new Param<>(this, "outputCol", output);
  }

  public Param<String> inputCol() {
    return inputCol;
  }

  public Param<String> outputCol() {
    return outputCol;
  }

  @SuppressWarnings("unchecked")
  public T setInputCol(String value) {
    set(inputCol, value);
    return (T) this;
  }

  @SuppressWarnings("unchecked")
  public T setOutputCol(String value) {
    set(outputCol, value);
    return (T) this;
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return schema.add($(outputCol), new VectorUDT(), true);
  }

  @Override
  public T copy(ParamMap extra) {
    return defaultCopy(extra);
  }
}
