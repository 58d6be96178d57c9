package org.thememiner.themes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.BisectingKMeans;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The theme estimator: fits a {@link ThemeModel} on annotated sentences. Representation (TF-IDF over content
 * terms and noun phrases, L2-normalised) and clustering (cosine k-means or bisecting k-means) are Spark ML
 * stages, so the fitted model is an ordinary {@link PipelineModel} that reruns load and reuse.
 */
public final class ThemeDiscovery {
  /** Auto-k scores silhouettes on at most this many sentences: enough for a stable choice, bounded cost. */
  private static final int SELECTION_SAMPLE = 50_000;

  private final ThemeSettings settings;

  public ThemeDiscovery(ThemeSettings settings) {
    this.settings = settings;
  }

  /** The k chosen and the silhouette of every k tried (empty when k was fixed). */
  public record Selection(int k, List<double[]> silhouettes) {}

  public ThemeModel fit(Dataset<Row> sentences) {
    Dataset<Row> eligible = eligible(sentences, settings);
    PipelineModel featurizer = new Pipeline().setStages(new PipelineStage[] {
        new CountVectorizer().setInputCol("terms").setOutputCol("tf")
            .setMinDF(settings.minDocFreq()).setVocabSize(settings.vocabSize()),
        new IDF().setInputCol("tf").setOutputCol("tfidf"),
        new Normalizer().setInputCol("tfidf").setOutputCol(ThemeModel.FEATURES).setP(2.0)
    }).fit(eligible);
    Dataset<Row> vectors = ThemeModel.nonEmpty(featurizer.transform(eligible))
        .select(ThemeModel.FEATURES).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long n = vectors.count();
      if (n < 2) {
        throw new IllegalStateException("only " + n + " sentence(s) have enough content terms to cluster; "
            + "themes need a larger corpus (or lower themes.minTerms / themes.minDocFreq)");
      }
      Selection selection = selectK(vectors, n);
      Model<?> clusters = clusterer(selection.k()).fit(vectors);
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
    ClusteringEvaluator silhouette = new ClusteringEvaluator()
        .setFeaturesCol(ThemeModel.FEATURES).setPredictionCol("prediction").setDistanceMeasure("cosine");
    List<double[]> scores = new ArrayList<>();
    int best = settings.kMin();
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int k = settings.kMin(); k <= Math.min(settings.kMax(), n - 1); k++) {
      double s = silhouette.evaluate(clusterer(k).fit(sample).transform(sample));
      scores.add(new double[] {k, s});
      if (s > bestScore) { // strictly better: on a tie the smaller k wins
        best = k;
        bestScore = s;
      }
    }
    if (sample != vectors) sample.unpersist();
    return new Selection(best, scores);
  }

  private Estimator<? extends Model<?>> clusterer(int k) {
    return switch (settings.algorithm().toLowerCase(Locale.ROOT)) {
      case "bisecting-kmeans" -> new BisectingKMeans().setK(k).setSeed(settings.seed())
          .setDistanceMeasure("cosine").setFeaturesCol(ThemeModel.FEATURES).setPredictionCol("prediction");
      default -> new KMeans().setK(k).setSeed(settings.seed()).setMaxIter(50)
          .setDistanceMeasure("cosine").setFeaturesCol(ThemeModel.FEATURES).setPredictionCol("prediction");
    };
  }

  /** The sentences theme discovery looks at: not in an excluded part, and with enough content terms. */
  static Dataset<Row> eligible(Dataset<Row> sentences, ThemeSettings settings) {
    Dataset<Row> kept = sentences.filter(size(col("terms")).geq(settings.minTerms()));
    if (!settings.excludeParts().isEmpty()) {
      kept = kept.filter(col("part").isNull().or(col("part").isin(settings.excludeParts().toArray()).unary_$bang()));
    }
    return kept;
  }
}
