package org.thememiner.themes;

import java.util.Random;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Spark's k-means fitted from several seeds, keeping the fit with the lowest cost (for cosine distance, the sum of
 * each sentence's distance to its centre): scikit-learn's {@code n_init}, which Spark ML's k-means lacks. On a
 * few hundred sentences one start is one local optimum among many, and which one a seed finds moves a paper's
 * themes more than any choice of representation (BENCHMARKS.md). The first fit uses the estimator's seed, so one
 * restart is plain k-means; the others' seeds are drawn from it. The fitted model is Spark's own
 * {@link KMeansModel}: saved and loaded as ever.
 */
final class BestOfKMeans extends Estimator<KMeansModel> {
  private final String uid;
  private final KMeans kmeans;
  private final int restarts;

  BestOfKMeans(KMeans kmeans, int restarts) {
    this(Identifiable$.MODULE$.randomUID("bestOfKMeans"), kmeans, restarts);
  }

  private BestOfKMeans(String uid, KMeans kmeans, int restarts) {
    this.uid = uid;
    this.kmeans = kmeans;
    this.restarts = restarts;
  }

  @Override
  public KMeansModel fit(Dataset<?> data) {
    // Every start reads the vectors: made once, not once per start, when the caller has not kept them (a split
    // theme's vectors are featurized on the fly).
    boolean keep = restarts > 1 && data.storageLevel().equals(StorageLevel.NONE());
    Dataset<?> vectors = keep ? data.select(kmeans.getFeaturesCol()).persist(StorageLevel.MEMORY_AND_DISK()) : data;
    try {
      Random seeds = new Random(kmeans.getSeed());
      KMeansModel best = null;
      double bestCost = Double.POSITIVE_INFINITY;
      for (int i = 0; i < restarts; i++) {
        long seed = i == 0 ? kmeans.getSeed() : seeds.nextLong();
        KMeansModel m = kmeans.copy(ParamMap.empty()).setSeed(seed).fit(vectors);
        double cost = m.summary().trainingCost();
        if (cost < bestCost) {
          best = m;
          bestCost = cost;
        }
      }
      return best;
    } finally {
      if (keep) vectors.unpersist();
    }
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return kmeans.transformSchema(schema);
  }

  @Override
  public BestOfKMeans copy(ParamMap extra) {
    return new BestOfKMeans(uid, kmeans.copy(extra), restarts);
  }

  @Override
  public String uid() {
    return uid;
  }
}
