package org.thememiner.job.rerun;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.Partitioner;

/**
 * Partitions by ranges of ids that are known in advance, as Spark's {@code RangePartitioner} does for keys it
 * samples: a sort by paper id without the sampling job. The ranges hold equal numbers of the given ids.
 */
public final class IdRanges extends Partitioner {
  /** The last id of each range but the last. */
  private final String[] upper;

  private IdRanges(String[] upper) {
    this.upper = upper;
  }

  /** At most {@code partitions} ranges over {@code ids} (sorted, distinct). */
  public static IdRanges of(List<String> ids, int partitions) {
    int n = Math.max(1, Math.min(partitions, ids.size()));
    String[] upper = new String[n - 1];
    for (int i = 0; i < n - 1; i++) upper[i] = ids.get((int) ((long) (i + 1) * ids.size() / n) - 1);
    return new IdRanges(upper);
  }

  @Override
  public int numPartitions() {
    return upper.length + 1;
  }

  /** The first range whose last id is not below {@code key}; ids beyond every range go to the last. */
  @Override
  public int getPartition(Object key) {
    int at = Arrays.binarySearch(upper, (String) key);
    return at >= 0 ? at : -at - 1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdRanges r && Arrays.equals(upper, r.upper);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(upper);
  }
}
