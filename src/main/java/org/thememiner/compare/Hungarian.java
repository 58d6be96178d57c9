package org.thememiner.compare;

import java.util.Arrays;

/**
 * The Hungarian (Kuhn-Munkres) algorithm for a one-to-one assignment of rows to columns that maximises the sum of
 * the assigned weights, in O(n^3) for n = max(rows, columns). Rectangular matrices are padded with zero-weight
 * dummy rows or columns, so every row gets a column when there are at least as many columns, and vice versa.
 */
public final class Hungarian {
  private Hungarian() {}

  /**
   * @param weights rows x columns, every row the same length, finite values
   * @return for each row the column assigned to it, or -1 when the row was left unassigned (more rows than columns)
   */
  public static int[] maximise(double[][] weights) {
    int rows = weights.length;
    int columns = rows == 0 ? 0 : weights[0].length;
    if (rows == 0 || columns == 0) {
      int[] none = new int[rows];
      Arrays.fill(none, -1);
      return none;
    }
    int n = Math.max(rows, columns);
    double max = Double.NEGATIVE_INFINITY;
    for (double[] row : weights) {
      if (row.length != columns) throw new IllegalArgumentException("rows differ in length");
      for (double w : row) {
        if (!Double.isFinite(w)) throw new IllegalArgumentException("weights must be finite: " + w);
        max = Math.max(max, w);
      }
    }
    // Minimise cost = max - weight on the padded square matrix; dummy cells cost max - 0.
    double[][] cost = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) cost[i][j] = max - (i < rows && j < columns ? weights[i][j] : 0);
    }
    int[] columnOf = minimiseSquare(cost, n);
    int[] out = new int[rows];
    for (int i = 0; i < rows; i++) out[i] = columnOf[i] < columns ? columnOf[i] : -1;
    return out;
  }

  /** Shortest augmenting paths with row and column potentials (1-based internally, index 0 is the sentinel). */
  private static int[] minimiseSquare(double[][] cost, int n) {
    double[] u = new double[n + 1];
    double[] v = new double[n + 1];
    int[] rowOfColumn = new int[n + 1];
    int[] way = new int[n + 1];
    for (int i = 1; i <= n; i++) {
      rowOfColumn[0] = i;
      int j0 = 0;
      double[] minv = new double[n + 1];
      boolean[] used = new boolean[n + 1];
      Arrays.fill(minv, Double.POSITIVE_INFINITY);
      do {
        used[j0] = true;
        int i0 = rowOfColumn[j0];
        int j1 = 0;
        double delta = Double.POSITIVE_INFINITY;
        for (int j = 1; j <= n; j++) {
          if (used[j]) continue;
          double reduced = cost[i0 - 1][j - 1] - u[i0] - v[j];
          if (reduced < minv[j]) {
            minv[j] = reduced;
            way[j] = j0;
          }
          if (minv[j] < delta) {
            delta = minv[j];
            j1 = j;
          }
        }
        for (int j = 0; j <= n; j++) {
          if (used[j]) {
            u[rowOfColumn[j]] += delta;
            v[j] -= delta;
          } else {
            minv[j] -= delta;
          }
        }
        j0 = j1;
      } while (rowOfColumn[j0] != 0);
      do {
        int j1 = way[j0];
        rowOfColumn[j0] = rowOfColumn[j1];
        j0 = j1;
      } while (j0 != 0);
    }
    int[] columnOfRow = new int[n];
    for (int j = 1; j <= n; j++) columnOfRow[rowOfColumn[j] - 1] = j - 1;
    return columnOfRow;
  }
}
