package org.thememiner.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HungarianTest {

  /** Of the six permutations, rows -> columns 2, 0, 1 (7 + 6 + 9 = 22) is the only best; the diagonal gives 7. */
  @Test
  void squareMatrix() {
    double[][] w = {
        {1, 2, 7},
        {6, 4, 3},
        {5, 9, 2}};
    assertArrayEquals(new int[] {2, 0, 1}, Hungarian.maximise(w));
  }

  @Test
  void moreColumnsThanRows() {
    double[][] w = {
        {0.1, 0.9, 0.8, 0.0},
        {0.2, 0.85, 0.1, 0.0}};
    // Row 0 takes column 2 (0.8) so that row 1 gets column 1 (0.85): 1.65 beats 0.9 + 0.2.
    assertArrayEquals(new int[] {2, 1}, Hungarian.maximise(w));
  }

  @Test
  void moreRowsThanColumnsLeavesRowsUnassigned() {
    double[][] w = {
        {0.6, 0.3},
        {0.5, 0.1},
        {0.0, 0.15}};
    // 0.3 + 0.5 = 0.8 beats the greedy 0.6 + 0.15; the third row is left out.
    assertArrayEquals(new int[] {1, 0, -1}, Hungarian.maximise(w));
  }

  @Test
  void emptyMatrices() {
    assertArrayEquals(new int[0], Hungarian.maximise(new double[0][0]));
    assertArrayEquals(new int[] {-1, -1}, Hungarian.maximise(new double[2][0]));
  }

  @Test
  void matchesBruteForceOnRandomMatrices() {
    Random random = new Random(20240601);
    for (int trial = 0; trial < 300; trial++) {
      int rows = 1 + random.nextInt(6);
      int columns = 1 + random.nextInt(6);
      double[][] w = new double[rows][columns];
      for (double[] row : w) for (int j = 0; j < columns; j++) row[j] = random.nextInt(5) == 0 ? 0 : random.nextDouble();
      int[] assignment = Hungarian.maximise(w);
      assertEquals(bruteForce(w, 0, new boolean[columns]), total(w, assignment), 1e-9, "trial " + trial);
      assertEquals(Math.min(rows, columns), Arrays.stream(assignment).filter(j -> j >= 0).distinct().count());
    }
  }

  private static double total(double[][] w, int[] assignment) {
    double sum = 0;
    for (int i = 0; i < assignment.length; i++) if (assignment[i] >= 0) sum += w[i][assignment[i]];
    return sum;
  }

  /** Best total over all partial injections of rows into columns. */
  private static double bruteForce(double[][] w, int row, boolean[] used) {
    if (row == w.length) return 0;
    double best = bruteForce(w, row + 1, used);
    for (int j = 0; j < used.length; j++) {
      if (used[j]) continue;
      used[j] = true;
      best = Math.max(best, w[row][j] + bruteForce(w, row + 1, used));
      used[j] = false;
    }
    return best;
  }
}
