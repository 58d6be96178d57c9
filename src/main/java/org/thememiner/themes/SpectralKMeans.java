package org.thememiner.themes;

import static org.apache.spark.sql.functions.col;

import dev.ludovic.netlib.arpack.ARPACK;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.netlib.util.doubleW;
import org.netlib.util.intW;

/**
 * Spectral clustering (Ng, Jordan and Weiss 2001, as scikit-learn's {@code SpectralClustering} with a
 * nearest-neighbour affinity does it): the sentences' {@link NeighbourGraph}, the leading k eigenvectors of its
 * normalised affinity, scaled by 1/sqrt(degree), and k-means on those k coordinates. A theme is then a region of
 * sentences linked through their neighbours rather than a ball around a centre, and the seed moves only the
 * k-means on k numbers per sentence, not the graph (BENCHMARKS.md measures both against k-means). The graph is
 * made in the driver's JVM from at most {@value #MAX_GRAPH} sentences, a seeded sample of larger corpora. The
 * fitted model is each cluster's mean direction in the original space ({@link TrimmedKMeansModel} with no outlier
 * cut): a new sentence, or one outside the sample, joins the theme whose centre is nearest, as with k-means.
 */
final class SpectralKMeans extends Estimator<TrimmedKMeansModel> {
  private static final long serialVersionUID = 1L;
  /** Neighbours per sentence in the graph: UMAP's default, which BERTopic keeps. */
  static final int NEIGHBOURS = 15;
  /** Sentences in the graph: its similarities cost this squared, in the driver. */
  static final int MAX_GRAPH = 10_000;
  /** The eigenvectors' accuracy: ample for k-means on them. */
  private static final double TOLERANCE = 1e-8;
  private static final int MAX_ARPACK_ITERATIONS = 3_000;
  private static final int MAX_KMEANS_ITERATIONS = 300;
  /**
   * ARPACK (Fortran translated to Java, as Spark MLlib brings it for its own eigensolves) keeps state in static
   * fields: one solve at a time per JVM.
   */
  private static final Object ARPACK_LOCK = new Object();

  private final String uid = Identifiable$.MODULE$.randomUID("spectralKMeans");
  private final int k;
  private final long seed;
  private final int restarts;
  private final String featuresCol;
  private final int maxGraph;

  SpectralKMeans(int k, long seed, int restarts, String featuresCol) {
    this(k, seed, restarts, featuresCol, MAX_GRAPH);
  }

  /** @param maxGraph sentences in the graph at most */
  SpectralKMeans(int k, long seed, int restarts, String featuresCol, int maxGraph) {
    this.k = k;
    this.seed = seed;
    this.restarts = restarts;
    this.featuresCol = featuresCol;
    this.maxGraph = maxGraph;
  }

  @Override
  public TrimmedKMeansModel fit(Dataset<?> dataset) {
    Dataset<Row> rows = dataset.toDF().select(col(featuresCol));
    long n = rows.count();
    Dataset<Row> graphRows = n > maxGraph ? rows.sample(false, Math.min(1, 1.05 * maxGraph / n), seed).limit(maxGraph) : rows;
    List<Vector> vectors = graphRows.collectAsList().stream().map(r -> unit((Vector) r.get(0))).toList();
    int clusters = (int) Math.min(k, vectors.size());
    int[] cluster = clusters(vectors, clusters);
    int size = vectors.get(0).size();
    double[][] centres = new double[clusters][size];
    for (int i = 0; i < vectors.size(); i++) {
      SparseVector v = vectors.get(i).toSparse();
      for (int p = 0; p < v.indices().length; p++) centres[cluster[i]][v.indices()[p]] += v.values()[p];
    }
    return new TrimmedKMeansModel(featuresCol, Arrays.stream(centres).map(ThemeModel::unit).toArray(double[][]::new), -1);
  }

  /** Each unit vector's cluster by spectral clustering into {@code clusters}. */
  int[] clusters(List<Vector> vectors, int clusters) {
    return cluster(embedding(NeighbourGraph.of(vectors, NEIGHBOURS), clusters, seed), clusters);
  }

  /**
   * Row i: the k leading eigenvectors of the graph's normalised affinity at i, times 1/sqrt(degree of i), each
   * vector's sign fixed so that its largest entry is positive (the sign an eigensolver returns is arbitrary).
   */
  static double[][] embedding(NeighbourGraph graph, int k, long seed) {
    int n = graph.size();
    double[][] vectors = leadingEigenvectors(graph, k, seed);
    double[] scale = graph.invSqrtDegree();
    double[][] rows = new double[n][k];
    for (int c = 0; c < k; c++) {
      double[] v = vectors[c];
      int largest = 0;
      for (int i = 1; i < n; i++) if (Math.abs(v[i]) > Math.abs(v[largest])) largest = i;
      double sign = Math.signum(v[largest]) < 0 ? -1 : 1;
      for (int i = 0; i < n; i++) rows[i][c] = sign * v[i] * scale[i];
    }
    return rows;
  }

  /** The eigenvectors of the k largest eigenvalues, largest first, by ARPACK's implicitly restarted Lanczos. */
  private static double[][] leadingEigenvectors(NeighbourGraph graph, int k, long seed) {
    int n = graph.size();
    if (k >= n - 1) return denseLeadingEigenvectors(graph, k);
    int ncv = Math.min(n, Math.max(2 * k + 1, 20));
    // A seeded start: ARPACK's own random start continues one stream per JVM, so a second fit would differ.
    double[] resid = new Random(seed).doubles(n, -1, 1).toArray();
    double[] v = new double[n * ncv];
    double[] workd = new double[3 * n];
    double[] workl = new double[ncv * (ncv + 8)];
    int[] iparam = new int[11];
    int[] ipntr = new int[11];
    iparam[0] = 1;
    iparam[2] = MAX_ARPACK_ITERATIONS;
    iparam[6] = 1;
    intW ido = new intW(0);
    intW info = new intW(1);
    doubleW tol = new doubleW(TOLERANCE);
    ARPACK arpack = ARPACK.getInstance();
    double[] values = new double[k];
    double[] z = new double[n * k];
    synchronized (ARPACK_LOCK) {
      do {
        arpack.dsaupd(ido, "I", n, "LA", k, tol, resid, ncv, v, n, iparam, ipntr, workd, workl, workl.length, info);
        if (ido.val == 1 || ido.val == -1) graph.normalisedTimes(workd, ipntr[0] - 1, workd, ipntr[1] - 1);
      } while (ido.val == 1 || ido.val == -1);
      if (info.val != 0 || iparam[4] < k) {
        throw new IllegalStateException("spectral clustering: ARPACK found " + iparam[4] + " of " + k
            + " eigenvectors of the sentence graph (info " + info.val + ")");
      }
      arpack.dseupd(true, "A", new boolean[ncv], values, z, n, 0, "I", n, "LA", new intW(k), TOLERANCE, resid, ncv, v,
          n, iparam, ipntr, workd, workl, workl.length, info);
      if (info.val != 0) throw new IllegalStateException("spectral clustering: ARPACK's dseupd failed (info " + info.val + ")");
    }
    // dseupd returns the eigenvalues in ascending order.
    double[][] out = new double[k][];
    for (int c = 0; c < k; c++) out[c] = Arrays.copyOfRange(z, (k - 1 - c) * n, (k - c) * n);
    return out;
  }

  /** A graph too small for ARPACK (k >= n - 1): the full eigendecomposition. */
  private static double[][] denseLeadingEigenvectors(NeighbourGraph graph, int k) {
    int n = graph.size();
    double[][] m = new double[n][n];
    double[] unit = new double[n];
    double[] column = new double[n];
    for (int j = 0; j < n; j++) {
      unit[j] = 1;
      graph.normalisedTimes(unit, 0, column, 0);
      for (int i = 0; i < n; i++) m[i][j] = column[i];
      unit[j] = 0;
    }
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(m));
    // commons-math returns the eigenvalues in descending order.
    double[][] out = new double[Math.min(k, n)][];
    for (int c = 0; c < out.length; c++) out[c] = eigen.getEigenvector(c).toArray();
    return out;
  }

  /**
   * Euclidean k-means on the embedding's rows (k-means++ starts, Lloyd's iterations until no row moves), the
   * lowest sum of squared distances of {@code restarts} starts. In this JVM: the rows are k numbers each.
   */
  private int[] cluster(double[][] rows, int clusters) {
    Random seeds = new Random(seed);
    int[] best = null;
    double bestCost = Double.POSITIVE_INFINITY;
    for (int start = 0; start < restarts; start++) {
      int[] assignment = lloyd(rows, clusters, new Random(start == 0 ? seed : seeds.nextLong()));
      double cost = cost(rows, assignment, clusters);
      if (cost < bestCost) {
        best = assignment;
        bestCost = cost;
      }
    }
    return best;
  }

  private static int[] lloyd(double[][] rows, int k, Random random) {
    int n = rows.length;
    double[][] centres = new double[k][];
    centres[0] = rows[random.nextInt(n)].clone();
    double[] nearest = new double[n];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    for (int c = 1; c < k; c++) {
      // k-means++: the next centre drawn with probability proportional to the squared distance to the nearest one.
      double total = 0;
      for (int i = 0; i < n; i++) total += nearest[i] = Math.min(nearest[i], squaredDistance(rows[i], centres[c - 1]));
      double draw = random.nextDouble() * total;
      int pick = 0;
      while (pick < n - 1 && (draw -= nearest[pick]) > 0) pick++;
      centres[c] = rows[pick].clone();
    }
    int[] assignment = new int[n];
    Arrays.fill(assignment, -1);
    for (int iteration = 0; iteration < MAX_KMEANS_ITERATIONS; iteration++) {
      boolean moved = false;
      for (int i = 0; i < n; i++) {
        int closest = 0;
        for (int c = 1; c < k; c++) {
          if (squaredDistance(rows[i], centres[c]) < squaredDistance(rows[i], centres[closest])) closest = c;
        }
        moved |= assignment[i] != closest;
        assignment[i] = closest;
      }
      if (!moved) break;
      double[][] sums = new double[k][rows[0].length];
      int[] sizes = new int[k];
      for (int i = 0; i < n; i++) {
        sizes[assignment[i]]++;
        for (int d = 0; d < rows[i].length; d++) sums[assignment[i]][d] += rows[i][d];
      }
      for (int c = 0; c < k; c++) {
        // An emptied cluster keeps its centre.
        if (sizes[c] > 0) for (int d = 0; d < sums[c].length; d++) centres[c][d] = sums[c][d] / sizes[c];
      }
    }
    return assignment;
  }

  private static double cost(double[][] rows, int[] assignment, int k) {
    double[][] sums = new double[k][rows[0].length];
    int[] sizes = new int[k];
    for (int i = 0; i < rows.length; i++) {
      sizes[assignment[i]]++;
      for (int d = 0; d < rows[i].length; d++) sums[assignment[i]][d] += rows[i][d];
    }
    double cost = 0;
    for (int i = 0; i < rows.length; i++) {
      int c = assignment[i];
      for (int d = 0; d < rows[i].length; d++) {
        double diff = rows[i][d] - sums[c][d] / sizes[c];
        cost += diff * diff;
      }
    }
    return cost;
  }

  private static double squaredDistance(double[] a, double[] b) {
    double sum = 0;
    for (int d = 0; d < a.length; d++) sum += (a[d] - b[d]) * (a[d] - b[d]);
    return sum;
  }

  private static Vector unit(Vector v) {
    double norm = Vectors.norm(v, 2);
    if (norm == 0 || Math.abs(norm - 1) < 1e-12) return v;
    SparseVector s = v.toSparse();
    return Vectors.sparse(s.size(), s.indices(), Arrays.stream(s.values()).map(x -> x / norm).toArray());
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return schema;
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public SpectralKMeans copy(ParamMap extra) {
    return new SpectralKMeans(k, seed, restarts, featuresCol, maxGraph);
  }
}
