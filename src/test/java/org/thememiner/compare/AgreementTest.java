package org.thememiner.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementTest {
  private static final double EPS = 1e-12;

  /** 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15. po = 0.7, pe = 0.5*0.6 + 0.5*0.4 = 0.5, kappa = 0.4. */
  @Test
  void cohensKappaTextbook() {
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    add(a, b, "yes", "yes", 20);
    add(a, b, "yes", "no", 5);
    add(a, b, "no", "yes", 10);
    add(a, b, "no", "no", 15);
    assertEquals(0.7, Agreement.accuracy(a, b), EPS);
    assertEquals(0.4, Agreement.cohensKappa(a, b), EPS);
  }

  @Test
  void kappaIsOneForPerfectAgreementAndUndefinedWithoutVariation() {
    assertEquals(1, Agreement.cohensKappa(List.of(1, 2, 3), List.of(1, 2, 3)), EPS);
    assertTrue(Double.isNaN(Agreement.cohensKappa(List.of(true, true), List.of(true, true))));
  }

  /** gold a a b b c, predicted a b b b a: F1 a = 0.5, b = 0.8, c = 0; macro 1.3/3. */
  @Test
  void macroF1ByHand() {
    List<String> gold = List.of("a", "a", "b", "b", "c");
    List<String> predicted = List.of("a", "b", "b", "b", "a");
    assertEquals(0.6, Agreement.accuracy(gold, predicted), EPS);
    assertEquals(1.3 / 3, Agreement.macroF1(gold, predicted), EPS);
  }

  /**
   * The standard example [0,0,0,1,1,1] vs [0,0,1,1,2,2]: agreeing pairs 2, pairs within a 6, within b 3, all 15;
   * expected 6*3/15 = 1.2, max 4.5; ARI = 0.8 / 3.3 = 8/33.
   */
  @Test
  void adjustedRandIndexByHand() {
    assertEquals(8.0 / 33, Agreement.adjustedRandIndex(List.of(0, 0, 0, 1, 1, 1), List.of(0, 0, 1, 1, 2, 2)), EPS);
  }

  /** Same example: MI = (2/3) ln 2, H(a) = ln 2, H(b) = ln 3, NMI = MI / ((ln 2 + ln 3) / 2). */
  @Test
  void normalizedMutualInformationByHand() {
    double expected = (2.0 / 3 * Math.log(2)) / ((Math.log(2) + Math.log(3)) / 2);
    assertEquals(expected, Agreement.normalizedMutualInformation(List.of(0, 0, 0, 1, 1, 1), List.of(0, 0, 1, 1, 2, 2)), EPS);
  }

  @Test
  void partitionScoresIgnoreLabelNames() {
    List<Integer> a = List.of(0, 0, 1, 1, 2);
    List<String> b = List.of("x", "x", "y", "y", "z");
    assertEquals(1, Agreement.adjustedRandIndex(a, b), EPS);
    assertEquals(1, Agreement.normalizedMutualInformation(a, b), EPS);
    assertEquals(1, Agreement.adjustedRandIndex(List.of(1, 1, 1), List.of(2, 2, 2)), EPS);
    assertEquals(1, Agreement.normalizedMutualInformation(List.of(1, 1, 1), List.of(2, 2, 2)), EPS);
  }

  /** ARI is about 0 for unrelated partitions (here: exactly 0 for crossed halves), can go negative. */
  @Test
  void unrelatedPartitions() {
    assertEquals(-0.5, Agreement.adjustedRandIndex(List.of(0, 0, 1, 1), List.of(0, 1, 0, 1)), EPS);
    assertEquals(0, Agreement.normalizedMutualInformation(List.of(0, 0, 1, 1), List.of(0, 1, 0, 1)), EPS);
  }

  @Test
  void rejectsMismatchedInput() {
    assertThrows(IllegalArgumentException.class, () -> Agreement.accuracy(List.of(1), List.of(1, 2)));
    assertThrows(IllegalArgumentException.class, () -> Agreement.cohensKappa(List.of(), List.of()));
  }

  private static void add(List<String> a, List<String> b, String x, String y, int times) {
    a.addAll(Collections.nCopies(times, x));
    b.addAll(Collections.nCopies(times, y));
  }
}
