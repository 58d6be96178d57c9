package org.thememiner.themes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much the themes depend on the seed.
 *
 * @param seeds the extra seeds refitted with (same settings and k)
 * @param ari   adjusted Rand index of each refit's assignments against the run's, same order as seeds
 */
public record Stability(List<Long> seeds, List<Double> ari, double meanAri, double minAri) {

  /** The stability of these refits, with their mean and minimum (NaN without any). */
  public static Stability of(List<Long> seeds, List<Double> ari) {
    return new Stability(seeds, ari, ari.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
        ari.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN));
  }

  /**
   * Hubert and Arabie's adjusted Rand index from a contingency table: the count of items for each (label in a,
   * label in b) pair, so a caller can count pairs where the items are (in Spark) and pass only the table.
   * 1 for identical partitions, about 0 for chance.
   */
  public static double adjustedRandIndex(Map<List<Object>, Long> table) {
    Map<Object, Long> rows = new HashMap<>();
    Map<Object, Long> columns = new HashMap<>();
    long n = 0;
    double index = 0;
    for (Map.Entry<List<Object>, Long> cell : table.entrySet()) {
      rows.merge(cell.getKey().get(0), cell.getValue(), Long::sum);
      columns.merge(cell.getKey().get(1), cell.getValue(), Long::sum);
      n += cell.getValue();
      index += pairs(cell.getValue());
    }
    double pairsA = rows.values().stream().mapToDouble(Stability::pairs).sum();
    double pairsB = columns.values().stream().mapToDouble(Stability::pairs).sum();
    double expected = pairsA * pairsB / pairs(n);
    double max = (pairsA + pairsB) / 2;
    // max == expected only when both partitions put everything in one cluster, or everything in its own.
    return max == expected ? 1 : (index - expected) / (max - expected);
  }

  private static double pairs(long n) {
    return n * (n - 1) / 2.0;
  }
}
