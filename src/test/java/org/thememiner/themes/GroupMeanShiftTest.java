package org.thememiner.themes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.thememiner.TestData;

/** Paper centring takes out what a paper's sentences share; paragraph context adds what a paragraph's do. */
class GroupMeanShiftTest {
  private static final StructType SCHEMA = new StructType().add("paper_id", DataTypes.StringType)
      .add("sentence_no", DataTypes.IntegerType).add("paragraph", DataTypes.IntegerType).add("v", new VectorUDT());

  private static Map<String, double[]> shifted(GroupMeanShift stage, List<Row> rows) {
    Map<String, double[]> out = new HashMap<>();
    for (Row r : stage.setInputCol("v").setOutputCol("c").transform(TestData.spark().createDataFrame(rows, SCHEMA)).collectAsList()) {
      out.put(r.getString(0) + r.getInt(1), ((Vector) r.getAs("c")).toArray());
    }
    return out;
  }

  @Test
  void eachSentenceLosesItsPapersMeanAndUnplacedRowsStayZero() {
    // Paper a: both sentences lean the same way (x) and differ in y; paper b has one placed sentence and one zero.
    Map<String, double[]> out = shifted(GroupMeanShift.paperCentring(), List.of(
        RowFactory.create("a", 0, 0, Vectors.dense(3, 1)), RowFactory.create("a", 1, 1, Vectors.dense(3, -1)),
        RowFactory.create("b", 0, 0, Vectors.dense(0, 1)), RowFactory.create("b", 1, 0, Vectors.dense(0, 0))));
    assertArrayEquals(new double[] {0, 1}, out.get("a0"), 1e-12);
    assertArrayEquals(new double[] {0, -1}, out.get("a1"), 1e-12);
    assertArrayEquals(new double[] {0, 1}, out.get("b0"), 1e-12, "a paper of one placed sentence keeps it");
    assertArrayEquals(new double[] {0, 0}, out.get("b1"), 1e-12, "a row the themes do not place stays zero");
    assertEquals(4, out.size());
  }

  @Test
  void termCentringLowersWhatThePaperSaysThroughoutOnTheSentencesOwnTermsOnly() {
    // Paper a: term 0 (its disease) is in every sentence; term 1 in one; term 2 in another. Paper b: term 0 once.
    Map<String, double[]> out = shifted(GroupMeanShift.paperTermCentring(), List.of(
        RowFactory.create("a", 0, 0, Vectors.sparse(3, new int[] {0, 1}, new double[] {0.6, 0.8})),
        RowFactory.create("a", 1, 0, Vectors.sparse(3, new int[] {0, 2}, new double[] {0.8, 0.6})),
        RowFactory.create("a", 2, 0, Vectors.sparse(3, new int[] {0}, new double[] {1})),
        RowFactory.create("b", 0, 0, Vectors.sparse(3, new int[] {0}, new double[] {1}))));
    // Paper a's mean is (0.8, 0.8/3, 0.2): a0 keeps (max(0, 0.6 - 0.8), 0.8 - 0.8/3, none of term 2), normalised.
    assertArrayEquals(new double[] {0, 1, 0}, out.get("a0"), 1e-12);
    assertArrayEquals(new double[] {0, 0, 1}, out.get("a1"), 1e-12, "no weight on a term of the paper the sentence lacks");
    assertArrayEquals(new double[] {1, 0, 0}, out.get("a2"), 1e-12, "a sentence of its paper's term alone keeps that term (1 - 0.8)");
    assertArrayEquals(new double[] {1, 0, 0}, out.get("b0"), 1e-12, "a paper's only sentence, all of it the paper's mean, is kept as it is");
  }

  @Test
  void aSentenceWithItsParagraphWeighsAsMuchAsTheRestOfItTogether() {
    Map<String, double[]> out = shifted(GroupMeanShift.paragraphContext(), List.of(
        RowFactory.create("a", 0, 0, Vectors.dense(1, 0)), RowFactory.create("a", 1, 0, Vectors.dense(0, 1)),
        RowFactory.create("a", 2, 1, Vectors.dense(0, 1))));
    double h = 1 / Math.sqrt(10); // (1, 0) + ((1, 0) + (0, 1)) / 2 = (1.5, 0.5), normalised
    assertArrayEquals(new double[] {3 * h, h}, out.get("a0"), 1e-12);
    assertArrayEquals(new double[] {h, 3 * h}, out.get("a1"), 1e-12);
    assertArrayEquals(new double[] {0, 1}, out.get("a2"), 1e-12, "a paragraph of one sentence is the sentence");
  }

  /**
   * Text without paragraph breaks (a transcript without blank lines) is one long paragraph: each sentence's context
   * is its neighbours, up to {@link GroupMeanShift#PARAGRAPH_REACH} either side, not the whole text.
   */
  @Test
  void aSentenceOfAParagraphLongerThanTheReachHasItsNeighboursAsContext() {
    int reach = GroupMeanShift.PARAGRAPH_REACH;
    int length = 4 * reach;
    List<Row> rows = new java.util.ArrayList<>();
    // Sentence 0 points one way (x), every other sentence the other (y).
    for (int i = 0; i < length; i++) rows.add(RowFactory.create("a", i, 0, i == 0 ? Vectors.dense(1, 0) : Vectors.dense(0, 1)));
    Map<String, double[]> out = shifted(GroupMeanShift.paragraphContext(), rows);
    // Sentence reach sees sentence 0 among its 2 * reach + 1 neighbours: (0, 1) + (1, 2 * reach) / (2 * reach + 1).
    double n = 2 * reach + 1;
    double[] expected = {1 / n, 1 + 2 * reach / n};
    double norm = Math.hypot(expected[0], expected[1]);
    assertArrayEquals(new double[] {expected[0] / norm, expected[1] / norm}, out.get("a" + reach), 1e-12);
    assertArrayEquals(new double[] {0, 1}, out.get("a" + (reach + 1)), 1e-12, "sentence 0 is beyond its reach");
    assertArrayEquals(new double[] {0, 1}, out.get("a" + (length - 1)), 1e-12);
  }

  /** Centring a long paper (its mean summed once, not per sentence) gives each sentence itself less that mean. */
  @Test
  void aLongPapersSentencesEachLoseTheMeanOfAllItsPlacedSentences() {
    java.util.Random random = new java.util.Random(7);
    int length = 500;
    List<Row> rows = new java.util.ArrayList<>();
    double[] mean = new double[3];
    for (int i = 0; i < length; i++) {
      double[] v = {random.nextDouble(), random.nextDouble() - 0.5, i % 50 == 0 ? 0 : random.nextDouble()};
      if (i % 100 == 1) v = new double[3]; // unplaced: zero, not in the mean
      rows.add(RowFactory.create("long", i, i / 5, Vectors.dense(v)));
      for (int d = 0; d < 3; d++) mean[d] += v[d] / (length - length / 100);
    }
    Map<String, double[]> out = shifted(GroupMeanShift.paperCentring(), rows);
    for (Row r : rows) {
      double[] v = ((Vector) r.get(3)).toArray();
      String key = "long" + r.getInt(1);
      if (Arrays.stream(v).allMatch(x -> x == 0)) {
        assertArrayEquals(v, out.get(key), 0, "an unplaced sentence stays zero");
        continue;
      }
      double[] expected = {v[0] - mean[0], v[1] - mean[1], v[2] - mean[2]};
      double norm = Math.sqrt(expected[0] * expected[0] + expected[1] * expected[1] + expected[2] * expected[2]);
      for (int d = 0; d < 3; d++) expected[d] /= norm;
      assertArrayEquals(expected, out.get(key), 1e-9, key);
    }
  }
}
