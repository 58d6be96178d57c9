package org.thememiner.themes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.Word2VecModel;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A fitted theme model: the Spark {@link PipelineModel} (representation stages, then the clustering) plus the
 * order in which clusters become theme ids (largest first, so ids read as a ranking and do not depend on the
 * clusterer's internal numbering). {@link #transform} assigns any sentence table, including new sentences in
 * a rerun.
 */
public final class ThemeModel implements Serializable {
  public static final String THEME_ID = "theme_id";
  public static final String THEME_SCORE = "theme_score";
  /** Why a sentence has or has no theme: one of the {@code STATUS_*} values. */
  public static final String THEME_STATUS = "theme_status";
  public static final String STATUS_ASSIGNED = "assigned";
  public static final String STATUS_OUTLIER = "outlier";
  public static final String STATUS_EXCLUDED = "excluded-part";
  public static final String STATUS_INTERVIEWER = "interviewer-turn";
  public static final String STATUS_THIN = "too-few-terms";
  public static final String STATUS_NO_FEATURES = "no-known-terms";

  /** The representation column {@link #featurize} adds. */
  public static final String FEATURES = Clustering.FEATURES;

  /** The columns that identify a sentence, for joins. */
  public static final scala.collection.immutable.Seq<String> SENTENCE_KEY =
      CollectionConverters.asScala(List.of("paper_id", "sentence_no")).toSeq();

  private static final UserDefinedFunction NON_EMPTY =
      udf((UDF1<Vector, Boolean>) v -> v.numNonzeros() > 0, DataTypes.BooleanType);

  /** Whether {@link #transform} places a row in a theme: eligible, with a known term. */
  private static final String PLACED = "placed";

  /**
   * A unit vector of the same size: what the clustering reads for a row {@link #transform} does not place (the
   * cosine k-means stages reject a zero vector).
   */
  private static final UserDefinedFunction STAND_IN =
      udf((UDF1<Vector, Vector>) v -> Vectors.sparse(v.size(), new int[] {0}, new double[] {1}), new VectorUDT());

  private final PipelineModel pipeline;
  private final Metadata metadata;

  /**
   * What the Spark pipeline does not carry; saved as JSON beside it ({@link ThemeModelFormat}). {@code
   * trainingSentences} is the number of sentences the model was fitted on ({@link ThemeDiscovery#eligible}); null
   * when unknown (a version 1 file may lack it).
   */
  public record Metadata(ThemeSettings settings, int[] clusterToTheme, long[] clusterSizes, List<double[]> silhouettes,
      List<double[]> stabilities, Stability selectionStability, Long trainingSentences) {}

  private ThemeModel(PipelineModel pipeline, Metadata metadata) {
    this.pipeline = pipeline;
    this.metadata = metadata;
  }

  static ThemeModel fromStages(List<Transformer> stages, ThemeSettings settings, ThemeDiscovery.Selection selection,
      Dataset<Row> trainingVectors, long trainingSentences) {
    PipelineModel pipeline = new PipelineModel("thememiner-themes", stages.toArray(new Transformer[0]));
    Transformer clusters = stages.get(stages.size() - 1);
    Clustering clustering = ThemeParts.clustering(settings);
    int k = clustering.k(clusters);
    long[] sizes = new long[k];
    for (Row r : clustering.readout(clusters, trainingVectors, settings).groupBy(Clustering.CLUSTER).count().collectAsList()) {
      sizes[r.getInt(0)] = r.getLong(1);
    }
    // Theme id = rank by size; ties broken by cluster index so the order is deterministic.
    int[] byRank = IntStream.range(0, k).boxed()
        .sorted(Comparator.<Integer>comparingLong(c -> -sizes[c]).thenComparingInt(c -> c))
        .mapToInt(Integer::intValue).toArray();
    int[] clusterToTheme = new int[k];
    for (int rank = 0; rank < k; rank++) clusterToTheme[byRank[rank]] = rank;
    return new ThemeModel(pipeline, new Metadata(settings, clusterToTheme, sizes, selection.silhouettes(), selection.stabilities(),
        selection.atChosenK(), trainingSentences));
  }

  public ThemeSettings settings() {
    return metadata.settings();
  }

  /** Number of clusters, i.e. theme ids 0..k-1 (a cluster that got no training sentence stays empty). */
  public int k() {
    return metadata.clusterToTheme().length;
  }

  /** The silhouette of each k tried by automatic selection, as [k, silhouette] pairs. */
  public List<double[]> silhouettes() {
    return metadata.silhouettes();
  }

  /**
   * The stability of the chosen k as automatic selection measured it (the run's seed against each stability seed,
   * on the selection sample); empty when k was fixed or there were no stability seeds.
   */
  public Optional<Stability> selectionStability() {
    return Optional.ofNullable(metadata.selectionStability());
  }

  /** How many sentences the model was fitted on; empty for a model saved before this was recorded. */
  public Optional<Long> trainingSentences() {
    return Optional.ofNullable(metadata.trainingSentences());
  }

  /** The stability (mean ARI across seeds) of each k tried by automatic selection, as [k, ARI] pairs. */
  public List<double[]> stabilities() {
    return metadata.stabilities();
  }

  /** The corpus-trained word vectors, when the representation includes Word2Vec. */
  public Optional<Map<String, float[]>> wordVectors() {
    for (Transformer t : pipeline.stages()) {
      if (t instanceof Word2VecModel w2v) {
        Map<String, float[]> vectors = new LinkedHashMap<>();
        for (Row r : w2v.getVectors().collectAsList()) {
          double[] v = ((Vector) r.get(1)).toArray();
          float[] f = new float[v.length];
          for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
          vectors.put(r.getString(0), f);
        }
        return Optional.of(vectors);
      }
    }
    return Optional.empty();
  }

  /**
   * Adds {@code theme_id} (null when the sentence has no theme), {@code theme_score} (cosine to the centroid,
   * or membership probability) and {@code theme_status} (why) to a sentence table; other columns are kept.
   *
   * <p>One pass over the rows, no join: every sentence goes through the representation stages, and those the
   * themes do not place (excluded, too few terms, no known term) reach the clustering with a stand-in vector
   * whose result is dropped. Placing only the eligible rows and joining them back computed the paragraph
   * context twice and shuffled every column again for the join: over the 28,070 sentences of the JATS corpus,
   * warm, 2.4-4.1 s that way and 1.5-2.9 s this way (four alternations), with the same rows.
   */
  public Dataset<Row> transform(Dataset<Row> sentences) {
    ThemeSettings settings = metadata.settings();
    Transformer[] stages = pipeline.stages();
    Column placed = ThemeDiscovery.isEligible(settings).and(NON_EMPTY.apply(col(FEATURES)));
    Dataset<Row> featurized = represent(ThemeDiscovery.withContext(sentences, settings), true).withColumn(PLACED, placed)
        .withColumn(FEATURES, when(col(PLACED), col(FEATURES)).otherwise(STAND_IN.apply(col(FEATURES))));
    Dataset<Row> clustered = ThemeParts.clustering(settings).readout(stages[stages.length - 1], featurized, settings);
    int[] toTheme = metadata.clusterToTheme();
    UserDefinedFunction themeOf = udf((UDF1<Integer, Integer>) c -> toTheme[c], DataTypes.IntegerType);
    Column inlier = col(Clustering.INLIER);
    Column status = when(ThemeDiscovery.participantsWords().unary_$bang(), lit(STATUS_INTERVIEWER))
        .when(ThemeDiscovery.notExcluded(settings).unary_$bang(), lit(STATUS_EXCLUDED))
        .when(ThemeDiscovery.saysSomething(settings).unary_$bang(), lit(STATUS_THIN))
        .when(col(PLACED).unary_$bang(), lit(STATUS_NO_FEATURES))
        .when(inlier, lit(STATUS_ASSIGNED))
        .otherwise(lit(STATUS_OUTLIER));
    // The key first, then the other columns: the layout the join with the placed rows gave, which sentences/ keeps.
    List<Column> out = new ArrayList<>(List.of(col("paper_id"), col("sentence_no")));
    for (String c : sentences.columns()) if (!c.equals("paper_id") && !c.equals("sentence_no")) out.add(col(c));
    out.add(when(col(PLACED).and(inlier), themeOf.apply(col(Clustering.CLUSTER))).as(THEME_ID));
    out.add(when(col(PLACED), col(Clustering.SCORE)).as(THEME_SCORE));
    out.add(status.as(THEME_STATUS));
    return clustered.select(out.toArray(new Column[0]));
  }

  /**
   * The representation stages alone: adds {@code features} to rows that have {@value ThemeDiscovery#CONTEXT_TERMS},
   * e.g. {@link ThemeDiscovery#eligible} sentences or anything to be placed in the themes' space. Rows that end up
   * with no known term are dropped.
   */
  public Dataset<Row> featurize(Dataset<Row> withContextTerms) {
    return nonEmpty(represent(withContextTerms, true));
  }

  /**
   * {@link #featurize} with no sentence centred on its paper ({@code themes.centre: paper} passed over): what the
   * coding reads. Centring is there so that themes cross papers; a sentence's code should not change with what the
   * rest of its paper says (on a single paper, centred coding agreed less with the authors' themes).
   */
  public Dataset<Row> featurizeUncentred(Dataset<Row> withContextTerms) {
    return nonEmpty(represent(withContextTerms, false));
  }

  /** Every stage but the clustering, on every row; paper centring passed over unless {@code centred}. */
  private Dataset<Row> represent(Dataset<Row> withContextTerms, boolean centred) {
    Transformer[] stages = pipeline.stages();
    Dataset<Row> featurized = withContextTerms;
    for (int i = 0; i < stages.length - 1; i++) {
      featurized = !centred && stages[i] instanceof GroupMeanShift shift && shift.centresOnPaper()
          ? shift.passOver(featurized) : stages[i].transform(featurized);
    }
    return featurized;
  }

  /**
   * Cosine of a sentence vector and a dense centre whose {@link #squaredNorm} is {@code centerSquaredNorm}; 0 when
   * either is zero. The centre's norm is passed in: it has as many terms as the vocabulary, the sentence a few.
   */
  public static double cosine(Vector v, double[] center, double centerSquaredNorm) {
    double dot = 0;
    double vNorm = 0;
    SparseVector s = v.toSparse();
    for (int i = 0; i < s.indices().length; i++) {
      dot += s.values()[i] * center[s.indices()[i]];
      vNorm += s.values()[i] * s.values()[i];
    }
    return vNorm == 0 || centerSquaredNorm == 0 ? 0 : dot / Math.sqrt(vNorm * centerSquaredNorm);
  }

  /** A dense centre's sum of squares, for {@link #cosine}. */
  public static double squaredNorm(double[] center) {
    double sum = 0;
    for (double x : center) sum += x * x;
    return sum;
  }

  /** The vector scaled to length 1; the zero vector as it is. */
  static double[] unit(double[] v) {
    double norm = Math.sqrt(squaredNorm(v));
    return norm == 0 ? v : Arrays.stream(v).map(x -> x / norm).toArray();
  }

  static Dataset<Row> nonEmpty(Dataset<Row> featurized) {
    return featurized.filter(NON_EMPTY.apply(col(Clustering.FEATURES)));
  }

  /** Saves the model into a new folder: {@code pipeline/} and {@code theme-model.json}. */
  public void save(Path dir) throws IOException {
    pipeline.write().save(dir.resolve("pipeline").toString());
    ThemeModelFormat.write(dir, metadata);
  }

  public static boolean exists(Path dir) {
    return dir != null && Files.isRegularFile(dir.resolve(ThemeModelFormat.FILE)) && Files.isDirectory(dir.resolve("pipeline"));
  }

  /**
   * The number of themes of the model saved in {@code dir}, read from its metadata alone (no Spark).
   *
   * @throws IOException no model in {@code dir}, or one whose format is newer than this code reads
   */
  public static int savedK(Path dir) throws IOException {
    return ThemeModelFormat.read(dir).clusterToTheme().length;
  }

  /** @throws IOException no model in {@code dir}, or one whose format is newer than this code reads */
  public static ThemeModel load(Path dir) throws IOException {
    if (!Files.isDirectory(dir.resolve("pipeline"))) throw new IOException("no theme model under " + dir);
    Metadata metadata = ThemeModelFormat.read(dir);
    return new ThemeModel(PipelineModel.load(dir.resolve("pipeline").toString()), metadata);
  }
}
