package org.thememiner.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** The keyword order: c-TF-IDF leads, then co-occurrence in the theme's own sentences. */
class ThemeRepresentationTest {
  private static List<Row> keywords(Object... termWeight) {
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < termWeight.length; i += 2) rows.add(RowFactory.create(0, termWeight[i], termWeight[i + 1]));
    return rows;
  }

  private static List<String> terms(List<Row> rows) {
    return rows.stream().map(r -> r.getString(1)).toList();
  }

  @Test
  void aKeywordUsedWithTheLeadersMovesUpAndNoneIsLost() {
    // 10 sentences: "heart" and "failure" always together; "walk" in other sentences only.
    ThemeRepresentation.ThemeCounts counts = new ThemeRepresentation.ThemeCounts(10,
        Map.of("heart", 5L, "walk", 5L, "failure", 5L), Map.of("failure\u0000heart", 5L));
    List<Row> reranked = ThemeRepresentation.rerank(keywords("heart", 1.0, "walk", 0.9, "failure", 0.8), counts);
    assertEquals(List.of("heart", "failure", "walk"), terms(reranked));
  }

  @Test
  void aPhraseGetsNoCreditForCooccurringWithItsOwnWords() {
    // "heart failure" always occurs with "heart" (its own word); "programme" is heavier and independent of "heart"
    // (NPMI 0), so it stays ahead of the phrase, which without the rule would lead on NPMI 1.
    ThemeRepresentation.ThemeCounts counts = new ThemeRepresentation.ThemeCounts(100,
        Map.of("heart", 50L, "programme", 50L, "heart failure", 50L),
        Map.of("heart\u0000heart failure", 50L, "heart\u0000programme", 25L));
    List<Row> reranked = ThemeRepresentation.rerank(keywords("heart", 1.0, "programme", 0.9, "heart failure", 0.8), counts);
    assertEquals(List.of("heart", "programme", "heart failure"), terms(reranked));
  }

  @Test
  void withoutCooccurrenceTheCTfIdfOrderStands() {
    ThemeRepresentation.ThemeCounts counts = new ThemeRepresentation.ThemeCounts(9,
        Map.of("a", 3L, "b", 3L, "c", 3L), Map.of());
    assertEquals(List.of("a", "b", "c"), terms(ThemeRepresentation.rerank(keywords("a", 1.0, "b", 0.9, "c", 0.8), counts)));
  }

  @Test
  void aMuchWeakerKeywordDoesNotOvertakeOnCooccurrenceAlone() {
    // "x" co-occurs with the leader but its c-TF-IDF weight is a tenth of "b"'s, which never co-occurs.
    ThemeRepresentation.ThemeCounts counts = new ThemeRepresentation.ThemeCounts(100,
        Map.of("a", 50L, "b", 40L, "x", 2L), Map.of("a\u0000x", 1L));
    assertEquals(List.of("a", "b", "x"), terms(ThemeRepresentation.rerank(keywords("a", 1.0, "b", 0.9, "x", 0.02), counts)));
  }
}
