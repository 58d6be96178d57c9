package org.thememiner.themes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The theme estimator: fits a {@link ThemeModel} on annotated sentences. Representation and clustering are
 * Spark ML stages ({@link Clusterings}), so the fitted model is an ordinary {@link PipelineModel} that reruns
 * load and reuse.
 */
public final class ThemeDiscovery {
  /** Auto-k scores silhouettes on at most this many sentences: enough for a stable choice, bounded cost. */
  private static final int SELECTION_SAMPLE = 50_000;
  /** Partition size of the canonical layout: large enough that Spark's per-task cost stays small. */
  private static final int SENTENCES_PER_PARTITION = 20_000;

  private final ThemeSettings settings;

  public ThemeDiscovery(ThemeSettings settings) {
    this.settings = settings;
  }

  /** The k chosen and the silhouette of every k tried (empty when k was fixed). */
  public record Selection(int k, List<double[]> silhouettes) {}

  public ThemeModel fit(Dataset<Row> sentences) {
    Dataset<Row> eligible = canonical(eligible(sentences, settings));
    PipelineModel featurizer = new Pipeline()
        .setStages(Clusterings.representation(settings).toArray(new PipelineStage[0])).fit(eligible);
    Dataset<Row> vectors = ThemeModel.nonEmpty(featurizer.transform(eligible))
        .select(Clusterings.FEATURES).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long n = vectors.count();
      if (n < 2) {
        throw new IllegalStateException("only " + n + " sentence(s) have enough content terms to cluster; "
            + "themes need a larger corpus (or lower themes.minTerms / themes.minDocFreq)");
      }
      Selection selection = selectK(vectors, n);
      Transformer clusters = Clusterings.estimator(settings, selection.k()).fit(vectors);
      List<Transformer> stages = new ArrayList<>(List.of(featurizer.stages()));
      stages.add(clusters);
      return ThemeModel.fromStages(stages, settings, selection, vectors);
    } finally {
      vectors.unpersist();
    }
  }

  private Selection selectK(Dataset<Row> vectors, long n) {
    if (settings.k() > 0) return new Selection((int) Math.min(settings.k(), n), List.of());
    Dataset<Row> sample = n > SELECTION_SAMPLE
        ? vectors.sample(false, (double) SELECTION_SAMPLE / n, settings.seed()).cache()
        : vectors;
    ClusteringEvaluator silhouette = new ClusteringEvaluator().setFeaturesCol(Clusterings.FEATURES)
        .setPredictionCol(Clusterings.CLUSTER).setDistanceMeasure("cosine");
    List<double[]> scores = new ArrayList<>();
    int best = settings.kMin();
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int k = settings.kMin(); k <= Math.min(settings.kMax(), n - 1); k++) {
      Transformer model = Clusterings.estimator(settings, k).fit(sample);
      double s = silhouette.evaluate(Clusterings.readout(model, sample));
      scores.add(new double[] {k, s});
      if (s > bestScore) { // strictly better: on a tie the smaller k wins
        best = k;
        bestScore = s;
      }
    }
    if (sample != vectors) sample.unpersist();
    return new Selection(best, scores);
  }

  /**
   * The same rows in the same partitions and order whatever produced them (fresh annotation or cache, local
   * mode or a cluster with any number of cores): k-means|| initialisation and Word2Vec depend on both, and the
   * same input and seed must give the same themes.
   */
  private static Dataset<Row> canonical(Dataset<Row> rows) {
    long n = rows.count();
    int partitions = (int) Math.max(1, Math.min(200, n / SENTENCES_PER_PARTITION + 1));
    return rows.repartition(partitions, col("paper_id")).sortWithinPartitions("paper_id", "sentence_no");
  }

  /** The sentences theme discovery looks at: not in an excluded part, and with enough content terms. */
  public static Dataset<Row> eligible(Dataset<Row> sentences, ThemeSettings settings) {
    return sentences.filter(size(col("terms")).geq(settings.minTerms()).and(notExcluded(settings)));
  }

  static org.apache.spark.sql.Column notExcluded(ThemeSettings settings) {
    return col("part").isNull().or(col("part").isin(settings.excludeParts().toArray()).unary_$bang());
  }
}
