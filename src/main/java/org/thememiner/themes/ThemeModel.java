package org.thememiner.themes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.BisectingKMeansModel;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A fitted theme model: the Spark {@link PipelineModel} (term counts, IDF, L2 norm, clusters) plus the order
 * in which clusters become theme ids (largest first, so ids read as a ranking and do not depend on the
 * clusterer's internal numbering). {@link #transform} assigns any sentence table, including new sentences
 * in a rerun.
 */
public final class ThemeModel implements Serializable {
  static final String FEATURES = "features";
  public static final String THEME_ID = "theme_id";
  public static final String THEME_SCORE = "theme_score";

  private static final UserDefinedFunction NON_EMPTY =
      udf((UDF1<Vector, Boolean>) v -> v.numNonzeros() > 0, DataTypes.BooleanType);

  private final PipelineModel pipeline;
  private final ThemeSettings settings;
  private final Metadata metadata;

  /** What the Spark pipeline does not carry; saved as JSON beside it. */
  public record Metadata(ThemeSettings settings, int[] clusterToTheme, int[] clusterSizes, List<double[]> silhouettes) {}

  private ThemeModel(PipelineModel pipeline, Metadata metadata) {
    this.pipeline = pipeline;
    this.settings = metadata.settings();
    this.metadata = metadata;
  }

  static ThemeModel fromStages(List<Transformer> stages, ThemeSettings settings, ThemeDiscovery.Selection selection,
      Dataset<Row> trainingVectors) {
    PipelineModel pipeline = new PipelineModel("thememiner-themes", stages.toArray(new Transformer[0]));
    Transformer clusters = stages.get(stages.size() - 1);
    int k = centers(clusters).length;
    int[] sizes = new int[k];
    for (Row r : clusters.transform(trainingVectors).groupBy("prediction").count().collectAsList()) {
      sizes[r.getInt(0)] = (int) r.getLong(1);
    }
    // Theme id = rank by size; ties broken by cluster index so the order is deterministic.
    int[] byRank = IntStream.range(0, k).boxed()
        .sorted(Comparator.<Integer>comparingInt(c -> -sizes[c]).thenComparingInt(c -> c))
        .mapToInt(Integer::intValue).toArray();
    int[] clusterToTheme = new int[k];
    for (int rank = 0; rank < k; rank++) clusterToTheme[byRank[rank]] = rank;
    return new ThemeModel(pipeline, new Metadata(settings, clusterToTheme, sizes, selection.silhouettes()));
  }

  public ThemeSettings settings() {
    return settings;
  }

  /** Number of clusters, i.e. theme ids 0..k-1 (a cluster that got no training sentence stays empty). */
  public int k() {
    return metadata.clusterToTheme().length;
  }

  /** The silhouette of each k tried by automatic selection, as [k, silhouette] pairs. */
  public List<double[]> silhouettes() {
    return metadata.silhouettes();
  }

  /** The terms the model knows, in feature-index order. */
  public String[] vocabulary() {
    return ((org.apache.spark.ml.feature.CountVectorizerModel) pipeline.stages()[0]).vocabulary();
  }

  /**
   * Adds {@code theme_id} (null for sentences that are excluded or too thin to cluster) and
   * {@code theme_score} (cosine to the theme's centroid) to a sentence table; other columns are kept.
   */
  public Dataset<Row> transform(Dataset<Row> sentences) {
    Transformer[] stages = pipeline.stages();
    Dataset<Row> featurized = ThemeDiscovery.eligible(sentences, settings);
    for (int i = 0; i < stages.length - 1; i++) featurized = stages[i].transform(featurized);
    Dataset<Row> clustered = stages[stages.length - 1].transform(nonEmpty(featurized));
    int[] toTheme = metadata.clusterToTheme();
    double[][] centers = Arrays.stream(centers(stages[stages.length - 1])).map(Vector::toArray).toArray(double[][]::new);
    UserDefinedFunction themeOf = udf((UDF1<Integer, Integer>) c -> toTheme[c], DataTypes.IntegerType);
    UserDefinedFunction score = udf((UDF2<Vector, Integer, Double>) (v, c) -> cosine(v, centers[c]), DataTypes.DoubleType);
    Dataset<Row> assigned = clustered.select(
        col("paper_id"), col("sentence_no"),
        themeOf.apply(col("prediction")).as(THEME_ID),
        score.apply(col(FEATURES), col("prediction")).as(THEME_SCORE));
    return sentences.join(assigned, CollectionConverters.asScala(List.of("paper_id", "sentence_no")).toSeq(), "left");
  }

  static Dataset<Row> nonEmpty(Dataset<Row> featurized) {
    return featurized.filter(NON_EMPTY.apply(col(FEATURES)));
  }

  private static Vector[] centers(Transformer clusters) {
    if (clusters instanceof KMeansModel m) return m.clusterCenters();
    if (clusters instanceof BisectingKMeansModel m) return m.clusterCenters();
    throw new IllegalStateException("unexpected clustering stage " + clusters.getClass().getName());
  }

  private static double cosine(Vector v, double[] center) {
    double dot = 0;
    double vNorm = 0;
    SparseVector s = v.toSparse();
    for (int i = 0; i < s.indices().length; i++) {
      dot += s.values()[i] * center[s.indices()[i]];
      vNorm += s.values()[i] * s.values()[i];
    }
    double cNorm = 0;
    for (double c : center) cNorm += c * c;
    return vNorm == 0 || cNorm == 0 ? 0 : dot / Math.sqrt(vNorm * cNorm);
  }

  public void save(Path dir) throws IOException {
    pipeline.write().overwrite().save(dir.resolve("pipeline").toString());
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(dir.resolve("theme-model.json").toFile(), metadata);
  }

  public static ThemeModel load(Path dir) throws IOException {
    if (!Files.isDirectory(dir.resolve("pipeline"))) throw new IOException("no theme model under " + dir);
    Metadata metadata = new ObjectMapper().readValue(dir.resolve("theme-model.json").toFile(), Metadata.class);
    return new ThemeModel(PipelineModel.load(dir.resolve("pipeline").toString()), metadata);
  }
}
