package org.thememiner.compare;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.thememiner.themes.Stability;
import java.util.Objects;
import java.util.Set;

/**
 * Agreement between two labellings of the same items: two coders, or a gold coding and the job's output. Label
 * types are anything with {@code equals}; the lists are parallel (item i is {@code a.get(i)} and {@code b.get(i)}).
 * Undefined values (e.g. kappa when both coders use one label throughout) are {@link Double#NaN}.
 */
public final class Agreement {
  private Agreement() {}

  /** Share of items with the same label. */
  public static <T> double accuracy(List<T> gold, List<T> predicted) {
    check(gold, predicted);
    int same = 0;
    for (int i = 0; i < gold.size(); i++) if (gold.get(i).equals(predicted.get(i))) same++;
    return (double) same / gold.size();
  }

  /** Cohen's kappa, {@code (po - pe) / (1 - pe)}; NaN when chance agreement {@code pe} is 1. */
  public static <T> double cohensKappa(List<T> a, List<T> b) {
    check(a, b);
    int n = a.size();
    Map<T, Integer> countA = counts(a);
    Map<T, Integer> countB = counts(b);
    double expected = 0;
    for (Map.Entry<T, Integer> e : countA.entrySet()) {
      expected += (double) e.getValue() / n * countB.getOrDefault(e.getKey(), 0) / n;
    }
    double observed = accuracy(a, b);
    return expected == 1 ? Double.NaN : (observed - expected) / (1 - expected);
  }

  /** Unweighted mean of the per-label F1 over every label either side uses; a label never predicted nor correct has F1 0. */
  public static <T> double macroF1(List<T> gold, List<T> predicted) {
    check(gold, predicted);
    Set<T> labels = new LinkedHashSet<>(gold);
    labels.addAll(predicted);
    double sum = 0;
    for (T label : labels) sum += f1(gold, predicted, label);
    return sum / labels.size();
  }

  /** F1 of one label: {@code 2 tp / (2 tp + fp + fn)}, 0 when it is never both gold and predicted. */
  public static <T> double f1(List<T> gold, List<T> predicted, T label) {
    check(gold, predicted);
    int tp = 0, fp = 0, fn = 0;
    for (int i = 0; i < gold.size(); i++) {
      boolean g = gold.get(i).equals(label);
      boolean p = predicted.get(i).equals(label);
      if (g && p) tp++;
      else if (p) fp++;
      else if (g) fn++;
    }
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }

  /** Hubert and Arabie's adjusted Rand index of two partitions; 1 for identical partitions, about 0 for chance. */
  public static <T, U> double adjustedRandIndex(List<T> a, List<U> b) {
    check(a, b);
    return adjustedRandIndex(contingency(a, b));
  }

  /**
   * The adjusted Rand index from a contingency table: the count of items for each (label in a, label in b)
   * pair. Lets a caller count pairs where the items are (for example in Spark) and pass only the table.
   */
  public static double adjustedRandIndex(Map<List<Object>, Long> table) {
    return Stability.adjustedRandIndex(table);
  }


  /** Mutual information over the arithmetic mean of the two entropies (natural log); 1 when both are one cluster. */
  public static <T, U> double normalizedMutualInformation(List<T> a, List<U> b) {
    check(a, b);
    Map<List<Object>, Long> table = contingency(a, b);
    Margins m = new Margins(table);
    double n = m.n;
    double mi = 0;
    for (Map.Entry<List<Object>, Long> cell : table.entrySet()) {
      double pxy = cell.getValue() / n;
      double px = m.rows.get(cell.getKey().get(0)) / n;
      double py = m.columns.get(cell.getKey().get(1)) / n;
      mi += pxy * Math.log(pxy / (px * py));
    }
    double mean = (entropy(m.rows.values(), n) + entropy(m.columns.values(), n)) / 2;
    return mean == 0 ? 1 : Math.max(0, Math.min(1, mi / mean));
  }

  private static double entropy(Iterable<Long> counts, double n) {
    double h = 0;
    for (long c : counts) h -= c / n * Math.log(c / n);
    return h;
  }

  private static <T> Map<T, Integer> counts(List<T> labels) {
    Map<T, Integer> out = new HashMap<>();
    for (T l : labels) out.merge(l, 1, Integer::sum);
    return out;
  }

  private static void check(List<?> a, List<?> b) {
    if (a.size() != b.size()) throw new IllegalArgumentException("labellings differ in length: " + a.size() + " vs " + b.size());
    if (a.isEmpty()) throw new IllegalArgumentException("no items to compare");
    if (a.stream().anyMatch(Objects::isNull) || b.stream().anyMatch(Objects::isNull)) throw new IllegalArgumentException("labels must not be null");
  }

  private static <T, U> Map<List<Object>, Long> contingency(List<T> a, List<U> b) {
    Map<List<Object>, Long> cells = new HashMap<>();
    for (int i = 0; i < a.size(); i++) cells.merge(List.of(a.get(i), b.get(i)), 1L, Long::sum);
    return cells;
  }

  /** Row and column totals of a contingency table keyed by [label in a, label in b]. */
  private static final class Margins {
    final Map<Object, Long> rows = new HashMap<>();
    final Map<Object, Long> columns = new HashMap<>();
    long n;

    Margins(Map<List<Object>, Long> table) {
      table.forEach((cell, count) -> {
        rows.merge(cell.get(0), count, Long::sum);
        columns.merge(cell.get(1), count, Long::sum);
        n += count;
      });
    }
  }
}
