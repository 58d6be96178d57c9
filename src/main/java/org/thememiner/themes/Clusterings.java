package org.thememiner.themes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.BisectingKMeans;
import org.apache.spark.ml.clustering.BisectingKMeansModel;
import org.apache.spark.ml.clustering.GaussianMixture;
import org.apache.spark.ml.clustering.GaussianMixtureModel;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.feature.VectorSizeHint;
import org.apache.spark.ml.feature.Word2Vec;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The swappable parts of theme discovery (as in BERTopic: representation, then clustering): which Spark ML
 * stages turn terms into {@code features}, which estimator clusters them, and how a fitted clustering is
 * read out as a cluster index and a membership score per sentence.
 */
final class Clusterings {
  static final String FEATURES = "features";
  static final String CLUSTER = "cluster";
  static final String SCORE = "score";

  private Clusterings() {}

  /** Stages from the {@code terms} column to {@code features}. */
  static List<PipelineStage> representation(ThemeSettings s) {
    if (s.algorithm().equals("lda")) {
      // LDA models raw term counts.
      return List.of(countVectorizer(s, FEATURES));
    }
    List<PipelineStage> stages = new ArrayList<>();
    switch (s.representation()) {
      case "tfidf" -> stages.addAll(tfidf(s, FEATURES));
      case "word2vec" -> stages.addAll(word2vec(s, FEATURES));
      case "embedding" -> stages.addAll(embedding(s, FEATURES));
      case "tfidf-word2vec" -> stages.addAll(joined(tfidf(s, "tfidf_n"), word2vec(s, "w2v_n")));
      default -> {
        List<PipelineStage> embedding = new ArrayList<>(embedding(s, "embedding_n"));
        // The assembler reads a vector's size from the column's metadata or else from the first row, and an empty
        // table (a rerun's new sentences that all fall in excluded parts) has none.
        embedding.add(new VectorSizeHint().setInputCol("embedding_n").setSize(SentenceEncoder.DIMENSION));
        stages.addAll(joined(tfidf(s, "tfidf_n"), embedding));
      }
    }
    return stages;
  }

  /** Two representations side by side, each L2-normalised, so that each weighs half of the cosine. */
  private static List<PipelineStage> joined(List<PipelineStage> first, List<PipelineStage> second) {
    List<PipelineStage> stages = new ArrayList<>(first);
    stages.addAll(second);
    String[] columns = {outputOf(first), outputOf(second)};
    stages.add(new VectorAssembler().setInputCols(columns).setOutputCol("joined"));
    stages.add(new Normalizer().setInputCol("joined").setOutputCol(FEATURES).setP(2.0));
    return stages;
  }

  /** The column a representation's stages end with. */
  private static String outputOf(List<PipelineStage> stages) {
    PipelineStage last = stages.get(stages.size() - 1);
    return last.getOrDefault(last.getParam(last.hasParam("outputCol") ? "outputCol" : "inputCol")).toString();
  }

  /** Each sentence's embedding (of its text, when the themes place it), with its paragraph as context if asked. */
  private static List<PipelineStage> embedding(ThemeSettings s, String out) {
    SentenceEmbedder embedder = new SentenceEmbedder().setInputCol(ThemeDiscovery.EMBEDDING_TEXT)
        .setOutputCol(ThemeDiscovery.EMBEDDING).setModel(s.embeddingModel());
    String context = s.centre().equals("paper") ? "embedding_context" : out;
    List<PipelineStage> stages = new ArrayList<>(List.of(embedder, s.context().equals("sentence")
        ? new Normalizer().setInputCol(ThemeDiscovery.EMBEDDING).setOutputCol(context).setP(2.0)
        : GroupMeanShift.paragraphContext().setInputCol(ThemeDiscovery.EMBEDDING).setOutputCol(context)));
    if (s.centre().equals("paper")) stages.add(GroupMeanShift.paperCentring().setInputCol(context).setOutputCol(out));
    return stages;
  }

  private static CountVectorizer countVectorizer(ThemeSettings s, String out) {
    return new CountVectorizer().setInputCol(ThemeDiscovery.CONTEXT_TERMS).setOutputCol(out).setMinDF(s.minDocFreq()).setVocabSize(s.vocabSize());
  }

  private static List<PipelineStage> tfidf(ThemeSettings s, String out) {
    return List.of(countVectorizer(s, "tf"), new IDF().setInputCol("tf").setOutputCol("tfidf"),
        new Normalizer().setInputCol("tfidf").setOutputCol(out).setP(2.0));
  }

  private static List<PipelineStage> word2vec(ThemeSettings s, String out) {
    // Word2VecModel.transform averages the vectors of a sentence's known terms (an unknown-only sentence is 0).
    return List.of(new Word2Vec().setInputCol(ThemeDiscovery.CONTEXT_TERMS).setOutputCol("w2v").setVectorSize(s.vectorSize())
            .setMinCount(s.minDocFreq()).setSeed(s.seed()).setMaxIter(5),
        new Normalizer().setInputCol("w2v").setOutputCol(out).setP(2.0));
  }

  static Estimator<? extends Model<?>> estimator(ThemeSettings s, int k) {
    return switch (s.algorithm()) {
      case "bisecting-kmeans" -> new BisectingKMeans().setK(k).setSeed(s.seed()).setDistanceMeasure("cosine")
          .setFeaturesCol(FEATURES);
      case "gaussian-mixture" -> new GaussianMixture().setK(k).setSeed(s.seed()).setFeaturesCol(FEATURES);
      case "lda" -> new LDA().setK(k).setSeed(s.seed()).setMaxIter(30).setOptimizer("online").setFeaturesCol(FEATURES);
      default -> new KMeans().setK(k).setSeed(s.seed()).setMaxIter(50).setDistanceMeasure("cosine").setFeaturesCol(FEATURES);
    };
  }

  /** Number of clusters a fitted clustering model has. */
  static int k(Transformer clusters) {
    if (clusters instanceof KMeansModel m) return m.getK();
    if (clusters instanceof BisectingKMeansModel m) return m.clusterCenters().length;
    if (clusters instanceof GaussianMixtureModel m) return m.getK();
    if (clusters instanceof LDAModel m) return m.getK();
    throw new IllegalStateException("unexpected clustering stage " + clusters.getClass().getName());
  }

  /**
   * Applies the clustering and adds {@code cluster} (index) and {@code score}: cosine to the centroid for the
   * k-means family, the membership probability for gaussian-mixture and LDA.
   */
  static Dataset<Row> readout(Transformer clusters, Dataset<Row> featurized) {
    Dataset<Row> out = clusters.transform(featurized);
    if (clusters instanceof KMeansModel || clusters instanceof BisectingKMeansModel) {
      Vector[] c = clusters instanceof KMeansModel m ? m.clusterCenters() : ((BisectingKMeansModel) clusters).clusterCenters();
      double[][] centers = java.util.Arrays.stream(c).map(Vector::toArray).toArray(double[][]::new);
      double[] norms = java.util.Arrays.stream(centers).mapToDouble(ThemeModel::squaredNorm).toArray();
      UserDefinedFunction cosine = udf((UDF2<Vector, Integer, Double>) (v, i) -> ThemeModel.cosine(v, centers[i], norms[i]),
          DataTypes.DoubleType);
      return out.withColumn(CLUSTER, col("prediction")).withColumn(SCORE, cosine.apply(col(FEATURES), col("prediction")));
    }
    if (clusters instanceof GaussianMixtureModel) {
      return out.withColumn(CLUSTER, col("prediction")).withColumn(SCORE, MAX.apply(col("probability")));
    }
    return out.withColumn(CLUSTER, ARGMAX.apply(col("topicDistribution"))).withColumn(SCORE, MAX.apply(col("topicDistribution")));
  }

  private static final UserDefinedFunction MAX = udf((UDF1<Vector, Double>) v -> v.apply(v.argmax()), DataTypes.DoubleType);
  private static final UserDefinedFunction ARGMAX = udf((UDF1<Vector, Integer>) Vector::argmax, DataTypes.IntegerType);
}
