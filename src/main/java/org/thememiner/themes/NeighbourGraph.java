package org.thememiner.themes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;

/**
 * The k-nearest-neighbour graph of unit vectors by cosine, made symmetric as spectral clustering (and UMAP,
 * BERTopic's first step) use it: rows i and j are linked with weight 1 when each is among the other's nearest, 1/2
 * when one is, and every row is linked to itself. Stored as sparse rows; {@link #normalisedTimes} multiplies by
 * {@code D^-1/2 A D^-1/2}, A with a weak link between all rows: the matrix whose leading eigenvectors
 * {@link SpectralKMeans} clusters.
 */
final class NeighbourGraph {
  /**
   * A dimension held by more than this share of the rows is read as a dense column (an embedding's), the others
   * through posting lists (TF-IDF terms): the similarities then cost a dot product per pair for the dense part and
   * only the shared terms for the sparse part.
   */
  private static final double DENSE_SHARE = 0.25;
  /** Rows whose similarities are computed together. */
  private static final int BLOCK = 16;
  /**
   * The last graph made and its rows: automatic k fits dozens of models on one sample, each asking for the same
   * graph. Held until a graph of other rows is asked for.
   */
  private static final Object LAST_LOCK = new Object();
  private static List<Vector> lastRows;
  private static int lastNeighbours;
  private static NeighbourGraph last;

  private final int[][] links;
  private final double[][] weights;
  private final double[] invSqrtDegree;
  /**
   * The weight of a weak link between every two rows, so that each row gains the mean degree in all (regularised
   * spectral clustering, Qin and Rohe 2013; Amini et al. 2013): without it, the leading eigenvectors of a sparse
   * graph settle on its small, nearly cut-off groups (a paper or two with a topic of their own) rather than on its
   * larger divisions.
   */
  private final double linkToAll;

  private NeighbourGraph(int[][] links, double[][] weights) {
    this.links = links;
    this.weights = weights;
    double[] degree = Arrays.stream(weights).mapToDouble(w -> Arrays.stream(w).sum()).toArray();
    linkToAll = Arrays.stream(degree).average().orElse(0) / links.length;
    invSqrtDegree = Arrays.stream(degree).map(d -> 1 / Math.sqrt(d + linkToAll * links.length)).toArray();
  }

  int size() {
    return links.length;
  }

  /** 1 / sqrt(degree) of each row: spectral clustering's embedding is the eigenvectors scaled by it. */
  double[] invSqrtDegree() {
    return invSqrtDegree.clone();
  }

  /** y = D^-1/2 A D^-1/2 x, reading x and writing y at the given offsets (ARPACK's work array holds both). */
  void normalisedTimes(double[] x, int xOffset, double[] y, int yOffset) {
    double toAll = 0;
    for (int j = 0; j < links.length; j++) toAll += invSqrtDegree[j] * x[xOffset + j];
    toAll *= linkToAll;
    for (int i = 0; i < links.length; i++) {
      double sum = toAll;
      for (int p = 0; p < links[i].length; p++) sum += weights[i][p] * invSqrtDegree[links[i][p]] * x[xOffset + links[i][p]];
      y[yOffset + i] = invSqrtDegree[i] * sum;
    }
  }

  /** The graph of the rows, which must be unit vectors of one size, with each row's {@code neighbours} nearest. */
  static NeighbourGraph of(List<Vector> rows, int neighbours) {
    synchronized (LAST_LOCK) {
      if (last == null || lastNeighbours != neighbours || !rows.equals(lastRows)) {
        last = build(rows, neighbours);
        lastRows = rows;
        lastNeighbours = neighbours;
      }
      return last;
    }
  }

  private static NeighbourGraph build(List<Vector> rows, int neighbours) {
    int n = rows.size();
    int[][] nearest = nearest(rows, Math.min(neighbours, n - 1));
    // Symmetric: weight 1/2 for each direction of a link, plus the row itself.
    Map<Long, Double> pairs = new HashMap<>();
    for (int i = 0; i < n; i++) {
      pairs.merge((long) i * n + i, 1.0, Double::sum);
      for (int j : nearest[i]) {
        pairs.merge((long) i * n + j, 0.5, Double::sum);
        pairs.merge((long) j * n + i, 0.5, Double::sum);
      }
    }
    int[] count = new int[n];
    pairs.keySet().forEach(key -> count[(int) (key / n)]++);
    int[][] links = new int[n][];
    double[][] weights = new double[n][];
    for (int i = 0; i < n; i++) {
      links[i] = new int[count[i]];
      weights[i] = new double[count[i]];
    }
    int[] filled = new int[n];
    pairs.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      int i = (int) (e.getKey() / n);
      links[i][filled[i]] = (int) (e.getKey() % n);
      weights[i][filled[i]++] = e.getValue();
    });
    return new NeighbourGraph(links, weights);
  }

  /** Each row's {@code k} most similar other rows, most similar first (ties: lower index first). */
  static int[][] nearest(List<Vector> rows, int k) {
    int n = rows.size();
    int size = rows.get(0).size();
    SparseVector[] sparse = rows.stream().map(Vector::toSparse).toArray(SparseVector[]::new);
    int[] rowsHolding = new int[size];
    for (SparseVector v : sparse) for (int d : v.indices()) rowsHolding[d]++;
    int[] denseIndex = new int[size];
    int columns = 0;
    for (int d = 0; d < size; d++) denseIndex[d] = rowsHolding[d] > DENSE_SHARE * n ? columns++ : -1;
    int dense = columns;
    // The dense columns row by row; the sparse ones as posting lists (rows and values per dimension).
    double[][] denseRows = new double[n][dense];
    int[] start = new int[size + 1];
    for (int d = 0; d < size; d++) start[d + 1] = start[d] + (denseIndex[d] < 0 ? rowsHolding[d] : 0);
    int[] postingRow = new int[start[size]];
    double[] postingValue = new double[start[size]];
    int[] next = Arrays.copyOf(start, size);
    for (int i = 0; i < n; i++) {
      int[] indices = sparse[i].indices();
      double[] values = sparse[i].values();
      for (int p = 0; p < indices.length; p++) {
        int d = indices[p];
        if (denseIndex[d] >= 0) {
          denseRows[i][denseIndex[d]] = values[p];
        } else {
          postingRow[next[d]] = i;
          postingValue[next[d]++] = values[p];
        }
      }
    }
    int[][] out = new int[n][];
    IntStream.range(0, (n + BLOCK - 1) / BLOCK).parallel().forEach(block -> {
      int from = block * BLOCK;
      int width = Math.min(n, from + BLOCK) - from;
      // The block's dense columns dimension by dimension, so that one pass over another row serves the whole block
      // (each pair's products are still summed in dimension order).
      double[][] blockByDimension = new double[dense][width];
      for (int b = 0; b < width; b++) {
        for (int d = 0; d < dense; d++) blockByDimension[d][b] = denseRows[from + b][d];
      }
      double[][] similarity = new double[width][n];
      double[] sums = new double[width];
      for (int j = 0; dense > 0 && j < n; j++) {
        double[] other = denseRows[j];
        Arrays.fill(sums, 0);
        for (int d = 0; d < dense; d++) {
          double x = other[d];
          double[] column = blockByDimension[d];
          for (int b = 0; b < width; b++) sums[b] += column[b] * x;
        }
        for (int b = 0; b < width; b++) similarity[b][j] = sums[b];
      }
      for (int b = 0; b < width; b++) {
        int[] indices = sparse[from + b].indices();
        double[] values = sparse[from + b].values();
        for (int q = 0; q < indices.length; q++) {
          int d = indices[q];
          if (denseIndex[d] >= 0) continue;
          for (int p = start[d]; p < start[d + 1]; p++) similarity[b][postingRow[p]] += values[q] * postingValue[p];
        }
        out[from + b] = top(similarity[b], from + b, k);
      }
    });
    return out;
  }

  /** The k indices of the highest values but {@code self}, highest first, a tie to the lower index. */
  private static int[] top(double[] values, int self, int k) {
    Comparator<Integer> highestFirst = Comparator.comparingDouble((Integer j) -> values[j]).reversed()
        .thenComparingInt(j -> j);
    List<Integer> best = new ArrayList<>(k + 1);
    for (int j = 0; j < values.length; j++) {
      // Most rows are below the k-th best so far: passed over before any boxing, in this n-squared loop.
      if (j == self || best.size() == k && values[j] <= values[best.get(k - 1)]) continue;
      Best.offer(best, j, highestFirst, k);
    }
    return best.stream().mapToInt(Integer::intValue).toArray();
  }
}
