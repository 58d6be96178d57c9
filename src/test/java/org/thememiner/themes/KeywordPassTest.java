package org.thememiner.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.thememiner.TestData;
import scala.jdk.javaapi.CollectionConverters;

/** c-TF-IDF keywords from one shuffle, over many partitions. */
class KeywordPassTest {
  private static final StructType SCHEMA = new StructType().add(ThemeModel.THEME_ID, DataTypes.IntegerType)
      .add("terms", DataTypes.createArrayType(DataTypes.StringType));

  private static Row row(int theme, String... terms) {
    return RowFactory.create(theme, CollectionConverters.asScala(List.of(terms)).toSeq());
  }

  private static List<String> terms(List<Row> keywords) {
    return keywords.stream().map(r -> r.getString(1)).toList();
  }

  @Test
  void weighsByThemeFrequencyAndCorpusRarityKeepsTheBestNAndBreaksTiesByTerm() {
    List<Row> rows = new ArrayList<>();
    // Theme 0: "heart" 6 times, "walk" and "step" 3 times each (a tie), "the" in both themes, "rare" once.
    for (int i = 0; i < 3; i++) rows.add(row(0, "heart", "heart", "walk", "the"));
    for (int i = 0; i < 3; i++) rows.add(row(0, "step", "the"));
    rows.add(row(0, "rare"));
    // Theme 1: "the" 8 times, "diet" 4 times; theme 2 has no sentence.
    for (int i = 0; i < 4; i++) rows.add(row(1, "diet", "the", "the"));
    Dataset<Row> themed = TestData.spark().createDataFrame(rows, SCHEMA).repartition(5);
    Map<Integer, Long> totals = Map.of(0, 19L, 1, 12L);
    double mean = (19 + 12) / 2.0;

    Map<Integer, List<Row>> top = KeywordPass.top(themed, totals, mean, 2, 3);

    assertEquals(List.of(0, 1), new ArrayList<>(top.keySet()));
    // "rare" occurs once in all themes: below the minimum count of 2.
    assertEquals(List.of("heart", "step", "walk"), terms(top.get(0)), "walk and step tie: by term");
    assertEquals(List.of("diet", "the"), terms(top.get(1)));
    assertEquals(6.0 / 19 * StrictMath.log(1 + mean / 6), top.get(0).get(0).getDouble(2), 0.0);
    assertEquals(3.0 / 19 * StrictMath.log(1 + mean / 3), top.get(0).get(1).getDouble(2), 0.0);
    assertEquals(8.0 / 12 * StrictMath.log(1 + mean / 14), top.get(1).get(1).getDouble(2), 0.0);
    assertEquals(1, top.get(1).get(0).getInt(0));
  }

  @Test
  void noThemedSentencesGiveNoKeywords() {
    Dataset<Row> none = TestData.spark().createDataFrame(List.of(), SCHEMA);
    assertEquals(Map.of(), KeywordPass.top(none, Map.of(), 0, 1, 20));
  }
}
