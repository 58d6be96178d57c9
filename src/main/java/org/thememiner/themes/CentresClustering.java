package org.thememiner.themes;

import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A clustering whose fitted model is a {@link TrimmedKMeansModel}: unit centres, and a cut below which a sentence is
 * an outlier (-1 for a method that leaves none out). A member must also reach {@code themes.minScore}.
 */
interface CentresClustering extends Clustering {
  @Override
  default int k(Transformer fitted) {
    return ((TrimmedKMeansModel) fitted).k();
  }

  @Override
  default Dataset<Row> readout(Transformer fitted, Dataset<Row> featurized, ThemeSettings s) {
    return ((TrimmedKMeansModel) fitted).readout(featurized, s.minScore());
  }
}
