package org.thememiner.themes;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** A bounded top-n kept as a sorted list: what per-partition summaries hold instead of every row. */
final class Best {
  private Best() {}

  /** Puts {@code e} into {@code best} (sorted by {@code order}, at most {@code n} long) if it is among the n best. */
  static <T> void offer(List<T> best, T e, Comparator<? super T> order, int n) {
    int at = Collections.binarySearch(best, e, order);
    if (at < 0) at = -at - 1;
    if (at >= n) return;
    best.add(at, e);
    if (best.size() > n) best.remove(best.size() - 1);
  }
}
