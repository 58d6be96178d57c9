package org.thememiner.themes;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;
import org.thememiner.annotate.AnnotateStage;

/**
 * The theme estimator: fits a {@link ThemeModel} on annotated sentences. Representation and clustering are
 * Spark ML stages, the parts the settings name ({@link ThemeParts}), so the fitted model is an ordinary
 * {@link PipelineModel} that reruns load and reuse.
 */
public final class ThemeDiscovery {
  /**
   * Auto-k fits (1 + stability seeds) models per candidate k on at most this many sentences: enough for a stable
   * choice, at a cost that does not grow with the corpus.
   */
  private static final int SELECTION_SAMPLE = 5_000;
  /** Stability (mean ARI) a k may lose against the most stable k and still be chosen by its silhouette. */
  static final double STABILITY_TOLERANCE = 0.1;
  /** Driver threads submitting the fits of automatic k selection. */
  private static final int SELECTION_THREADS = 8;
  /** Partition size of the canonical layout: large enough that Spark's per-task cost stays small. */
  private static final int SENTENCES_PER_PARTITION = 20_000;

  private final ThemeSettings settings;

  public ThemeDiscovery(ThemeSettings settings) {
    this.settings = settings;
  }

  /**
   * The k chosen, the silhouette of every k tried and, with stability seeds, each k's stability: the mean
   * adjusted Rand index of the clusterings with the other seeds against the run seed's (both empty when k was
   * fixed), as [k, value] pairs; and the stability at the chosen k seed by seed (null without stability seeds).
   */
  public record Selection(int k, List<double[]> silhouettes, List<double[]> stabilities, Stability atChosenK) {}

  public ThemeModel fit(Dataset<Row> sentences) {
    Dataset<Row> candidates = eligible(sentences, settings);
    long eligibleCount = candidates.count();
    Dataset<Row> eligible = canonical(candidates, eligibleCount);
    PipelineModel featurizer = new Pipeline()
        .setStages(ThemeParts.features(settings).toArray(new PipelineStage[0])).fit(eligible);
    Dataset<Row> vectors = ThemeModel.nonEmpty(featurizer.transform(eligible))
        .select(Clustering.FEATURES).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long n = vectors.count();
      if (n < 2) {
        throw new IllegalStateException("only " + n + " sentence(s) have enough content terms to cluster; "
            + "themes need a larger corpus (or lower themes.minTerms / themes.minDocFreq)");
      }
      Selection selection = selectK(vectors, n);
      Transformer clusters = ThemeParts.clustering(settings).estimator(settings, selection.k()).fit(vectors);
      List<Transformer> stages = new ArrayList<>(List.of(featurizer.stages()));
      stages.add(clusters);
      return ThemeModel.fromStages(stages, settings, selection, vectors, eligibleCount);
    } finally {
      vectors.unpersist();
    }
  }

  /**
   * Automatic k: every k in [kMin, kMax] is fitted with the run's seed and with each stability seed. Among the k
   * whose stability is within {@value #STABILITY_TOLERANCE} of the most stable one, the best separated (highest
   * silhouette) wins: the most distinct themes among those a different seed would also find. Without stability
   * seeds, silhouette alone decides.
   */
  private Selection selectK(Dataset<Row> vectors, long n) {
    if (settings.k() > 0) return new Selection((int) Math.min(settings.k(), n), List.of(), List.of(), null);
    Dataset<Row> sample = n > SELECTION_SAMPLE
        ? vectors.sample(false, (double) SELECTION_SAMPLE / n, settings.seed()).cache()
        : vectors;
    List<Integer> ks = IntStream.rangeClosed(settings.kMin(), (int) Math.min(settings.kMax(), n - 1)).boxed().toList();
    Clustering clustering = ThemeParts.clustering(settings);
    List<Long> seeds = LongStream.rangeClosed(0, settings.stabilitySeeds()).map(i -> settings.seed() + i).boxed().toList();
    // The fits are independent and, on a sample, small: Spark's per-job overhead dominates, so a few driver
    // threads submitting jobs side by side finish sooner. Each fit depends only on its data, k and seed, and starts
    // once: restarts would multiply the cost of every k tried, and the stability measured is that of one start.
    ExecutorService pool = Executors.newFixedThreadPool(SELECTION_THREADS);
    try {
      Map<Integer, List<Future<Transformer>>> fits = new LinkedHashMap<>();
      for (int k : ks) {
        List<Future<Transformer>> bySeed = new ArrayList<>();
        for (long seed : seeds) {
          bySeed.add(pool.submit(() -> (Transformer) clustering.estimator(settings.withSeed(seed).withRestarts(1), k).fit(sample)));
        }
        fits.put(k, bySeed);
      }
      ClusteringEvaluator silhouette = new ClusteringEvaluator().setFeaturesCol(Clustering.FEATURES)
          .setPredictionCol(Clustering.CLUSTER).setDistanceMeasure("cosine");
      Map<Integer, Future<double[]>> scores = new LinkedHashMap<>();
      for (int k : ks) {
        scores.put(k, pool.submit(() -> {
          List<Transformer> models = new ArrayList<>();
          for (Future<Transformer> f : fits.get(k)) models.add(f.get());
          // [silhouette, ARI of seed 1 against seed 0, ARI of seed 2 against seed 0, ...]
          double[] out = new double[models.size()];
          out[0] = silhouette.evaluate(clustering.readout(models.get(0), sample, settings));
          for (int i = 1; i < models.size(); i++) out[i] = Stability.adjustedRandIndex(crossTab(clustering, models.get(0), models.get(i), sample));
          return out;
        }));
      }
      List<double[]> silhouettes = new ArrayList<>();
      List<double[]> stabilities = new ArrayList<>();
      Map<Integer, double[]> byK = new HashMap<>();
      for (int k : ks) {
        double[] s = scores.get(k).get();
        byK.put(k, s);
        silhouettes.add(new double[] {k, s[0]});
        if (seeds.size() > 1) stabilities.add(new double[] {k, Arrays.stream(s, 1, s.length).average().orElseThrow()});
      }
      int chosen = choose(silhouettes, stabilities);
      Stability atChosen = null;
      if (seeds.size() > 1) {
        atChosen = Stability.of(seeds.subList(1, seeds.size()), Arrays.stream(byK.get(chosen), 1, seeds.size()).boxed().toList());
      }
      return new Selection(chosen, silhouettes, stabilities, atChosen);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("choosing k was interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
      if (sample != vectors) sample.unpersist();
    }
  }

  /** The rule of {@link #selectK}; on a tie the smaller k wins. */
  static int choose(List<double[]> silhouettes, List<double[]> stabilities) {
    double mostStable = stabilities.stream().mapToDouble(s -> s[1]).max().orElse(Double.NaN);
    int best = -1;
    double bestSilhouette = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < silhouettes.size(); i++) {
      if (!stabilities.isEmpty() && stabilities.get(i)[1] < mostStable - STABILITY_TOLERANCE) continue;
      if (silhouettes.get(i)[1] > bestSilhouette) {
        best = (int) silhouettes.get(i)[0];
        bestSilhouette = silhouettes.get(i)[1];
      }
    }
    return best;
  }

  /** How many sample sentences each pair of clusters of the two models shares. */
  private Map<List<Object>, Long> crossTab(Clustering clustering, Transformer a, Transformer b, Dataset<Row> sample) {
    Dataset<Row> labelled = clustering.readout(a, sample, settings).select(col(Clustering.FEATURES), col(Clustering.CLUSTER).as("a"));
    Map<List<Object>, Long> table = new HashMap<>();
    for (Row r : clustering.readout(b, labelled, settings).groupBy("a", Clustering.CLUSTER).count().collectAsList()) {
      table.put(List.of(r.getInt(0), r.getInt(1)), r.getLong(2));
    }
    return table;
  }

  /**
   * The same rows in the same partitions and order whatever produced them (fresh annotation or cache, local
   * mode or a cluster with any number of cores): k-means|| initialisation and Word2Vec depend on both, and the
   * same input and seed must give the same themes.
   */
  private static Dataset<Row> canonical(Dataset<Row> rows, long n) {
    int partitions = (int) Math.max(1, Math.min(200, n / SENTENCES_PER_PARTITION + 1));
    return rows.repartition(partitions, col("paper_id")).sortWithinPartitions("paper_id", "sentence_no");
  }

  /**
   * The sentences theme discovery looks at, with their {@link #CONTEXT_TERMS}: not in an excluded part, not an
   * interviewer's question, with a content term of their own and enough content terms in their context.
   */
  public static Dataset<Row> eligible(Dataset<Row> sentences, ThemeSettings settings) {
    return withContext(sentences, settings).filter(isEligible(settings));
  }

  /** On a table that has {@link #CONTEXT_TERMS}: the rows {@link #eligible} keeps. */
  static Column isEligible(ThemeSettings settings) {
    return saysSomething(settings).and(notExcluded(settings)).and(participantsWords());
  }

  /**
   * Enough content terms with context, and one at least of the sentence's own. The context lets a short quote take
   * its paragraph's theme, but a sentence without a content word ("Yeah.", "Okay, I see.", "Results.", "[58]") is
   * no evidence of any theme. In transcripts, where a paragraph is a whole turn, such sentences are many, and placed
   * through their turn's terms they gathered into themes of their own.
   */
  static Column saysSomething(ThemeSettings settings) {
    return size(col("terms")).geq(1).and(size(col(CONTEXT_TERMS)).geq(settings.minTerms()));
  }

  /**
   * The terms the representation stages see: the sentence's own, or those plus its paragraph's up to {@link
   * GroupMeanShift#PARAGRAPH_REACH} sentences either side (settings.context).
   */
  public static final String CONTEXT_TERMS = "context_terms";

  /** The text the embedding stages embed: the sentence's, on the rows the themes place (null on the others). */
  public static final String EMBEDDING_TEXT = "embedding_text";
  /** The sentence embedding column ({@link SentenceEmbedder}). */
  public static final String EMBEDDING = "embedding";

  /**
   * The sentences with their {@link #EMBEDDING} by the settings' embedding model (the zero vector for those the
   * themes do not place): embedded once, so that fitting, assigning and coding, which each pass over them, read the
   * vectors instead of running the model again. Persist the result. Sentences that have them already are returned
   * as they are.
   */
  public static Dataset<Row> withEmbeddings(Dataset<Row> sentences, ThemeSettings settings) {
    if (SentenceEmbedder.madeBy(sentences.schema(), EMBEDDING, settings.embeddingModel())) return sentences;
    ThemeSettings embedding = settings.embeds() ? settings : settings.withAlgorithm("embedding", "kmeans");
    Dataset<Row> withText = withContext(sentences, embedding);
    Column embedded = SentenceEmbedder.embed(col(EMBEDDING_TEXT), settings.embeddingModel());
    if (List.of(sentences.columns()).contains(CACHED_EMBEDDING)) {
      // Only the rows the themes place: a text cached from another paper's placed sentence stays unembedded here.
      embedded = when(col(EMBEDDING_TEXT).isNull(), embedded).otherwise(coalesce(col(CACHED_EMBEDDING), embedded));
    }
    return withText.withColumn(EMBEDDING, embedded.as(EMBEDDING, SentenceEmbedder.marked(settings.embeddingModel())))
        .drop(CONTEXT_TERMS, EMBEDDING_TEXT);
  }

  /**
   * An optional column of the sentences {@link #withEmbeddings} takes: the sentence's vector by the same model from
   * an earlier run (null when there was none), used instead of running the model.
   */
  public static final String CACHED_EMBEDDING = "cached_embedding";

  static Dataset<Row> withContext(Dataset<Row> sentences, ThemeSettings settings) {
    Dataset<Row> withTerms = withContextTerms(sentences, settings);
    return settings.embeds() ? withTerms.withColumn(EMBEDDING_TEXT, when(isEligible(settings), col("text"))) : withTerms;
  }

  private static Dataset<Row> withContextTerms(Dataset<Row> sentences, ThemeSettings settings) {
    if (settings.context().equals("sentence")) return sentences.withColumn(CONTEXT_TERMS, col("terms"));
    // Ordered, so the concatenation (and Word2Vec trained on it) is the same whatever the row order.
    WindowSpec paragraph = GroupMeanShift.sentenceWindow(Window.partitionBy("paper_id", "paragraph"), GroupMeanShift.PARAGRAPH_REACH);
    Column paragraphTerms = collect_list(col("terms")).over(paragraph);
    // A sentence that is its own paragraph keeps just its terms; in a longer one, its own count twice.
    return sentences.withColumn(CONTEXT_TERMS, when(size(paragraphTerms).gt(1), concat(col("terms"), flatten(paragraphTerms)))
        .otherwise(col("terms")));
  }

  /** Not an interviewer's turn: the interview guide's words would make themes of their own. */
  static Column participantsWords() {
    return not(col(AnnotateStage.INTERVIEWER_TURN));
  }

  static Column notExcluded(ThemeSettings settings) {
    return col("part").isNull().or(col("part").isin(settings.excludeParts().toArray()).unary_$bang());
  }
}
