package org.thememiner.job.rerun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ranges of known ids: in id order, of equal size, and defined for ids that were not known. */
class IdRangesTest {
  @Test
  void splitsKnownIdsIntoOrderedRangesOfEqualSize() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) ids.add(String.format("p%02d", i));
    IdRanges ranges = IdRanges.of(ids, 3);

    assertEquals(3, ranges.numPartitions());
    List<Integer> partitions = ids.stream().map(ranges::getPartition).toList();
    assertEquals(List.of(0, 0, 0, 1, 1, 1, 2, 2, 2, 2), partitions);
    assertEquals(0, ranges.getPartition("a"), "before every known id");
    assertEquals(1, ranges.getPartition("p03x"), "between two known ids: the range of the later one");
    assertEquals(2, ranges.getPartition("z"), "after every known id");
  }

  @Test
  void neverMoreRangesThanIdsNorFewerThanOne() {
    assertEquals(2, IdRanges.of(List.of("a", "b"), 8).numPartitions());
    assertEquals(1, IdRanges.of(List.of(), 8).numPartitions());
    assertEquals(0, IdRanges.of(List.of(), 8).getPartition("a"));
  }
}
