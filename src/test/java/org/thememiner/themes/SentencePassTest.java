package org.thememiner.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.thememiner.TestData;
import scala.jdk.javaapi.CollectionConverters;

/** The one pass over the theme sentences: closest evidence and keyword co-occurrence, over many partitions. */
class SentencePassTest {
  private static final StructType SCHEMA = new StructType()
      .add(ThemeModel.THEME_ID, DataTypes.IntegerType).add("paper_id", DataTypes.StringType)
      .add("section", DataTypes.StringType).add("sentence_no", DataTypes.IntegerType).add("page", DataTypes.IntegerType)
      .add("text", DataTypes.StringType).add("quote", DataTypes.BooleanType).add(ThemeModel.THEME_SCORE, DataTypes.DoubleType)
      .add("terms", DataTypes.createArrayType(DataTypes.StringType))
      .add("pos", DataTypes.createArrayType(DataTypes.StringType));
  /** The tags CoreNLP gives "Men showed vulnerability.": a sentence that can stand as evidence. */
  private static final List<String> SENTENCE = List.of("NNS", "VBD", "NN", ".");

  private static Row row(int theme, String paper, int no, boolean quote, double score, String... terms) {
    return row(theme, paper, no, quote, score, SENTENCE, terms);
  }

  private static Row row(int theme, String paper, int no, boolean quote, double score, List<String> pos, String... terms) {
    return RowFactory.create(theme, paper, "Results", no, null, paper + "/" + no, quote, score,
        CollectionConverters.asScala(List.of(terms)).toSeq(), CollectionConverters.asScala(pos).toSeq());
  }

  private static List<String> texts(List<Evidence> evidence) {
    return evidence.stream().map(Evidence::text).toList();
  }

  @Test
  void keepsTheClosestOfEachThemeWithTiesByPaperAndSentenceAndCountsKeywordsOncePerSentence() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) rows.add(row(0, "p" + (i % 4), i, i % 10 == 0, i / 40.0, "walk"));
    rows.add(row(0, "p9", 99, false, 0.5, "heart", "failure", "heart"));
    rows.add(row(0, "p1", 98, true, 0.5, "heart", "walk"));
    rows.add(row(0, "p1", 97, false, 0.5, "failure", "heart"));
    rows.add(row(1, "q", 0, false, -0.0, "heart", "failure"));
    rows.add(row(1, "p", 1, false, 0.0));
    Dataset<Row> themed = TestData.spark().createDataFrame(rows, SCHEMA).repartition(7);

    SentencePass pass = SentencePass.over(themed, 3, Map.of(0, Set.of("heart", "failure", "walk")));

    assertEquals(List.of("p3/39", "p2/38", "p1/37"), texts(pass.examples().get(0)));
    assertEquals(List.of("p2/30", "p0/20", "p1/98"), texts(pass.quotes().get(0)));
    // -0.0 and 0.0 are the same score: the paper decides.
    assertEquals(List.of("p/1", "q/0"), texts(pass.examples().get(1)));
    assertFalse(pass.quotes().containsKey(1));

    ThemeRepresentation.ThemeCounts counts = pass.counts(0, 43);
    assertEquals(Map.of("heart", 3L, "failure", 2L, "walk", 41L), counts.single());
    assertEquals(Map.of(TopicQuality.key("heart", "failure"), 2L, TopicQuality.key("heart", "walk"), 1L), counts.pair());
    assertEquals(43, counts.sentences());
    assertEquals(Map.of(), pass.counts(1, 2).single(), "no keywords given for theme 1: nothing counted");
  }

  /** Tagged as CoreNLP tags "Objectives.", "[95]" and "(Centre A, R3)." in the corpus ({@link FullSentenceTest}). */
  @Test
  void aLabelACitationOrASpeakerTagIsNeverEvidenceButItsKeywordsCount() {
    List<Row> rows = new ArrayList<>();
    rows.add(row(0, "tully", 1, false, 0.99, List.of("NNS", "."), "objective"));
    rows.add(row(0, "gallacher", 2, true, 0.98, List.of("-LRB-", "CD", "-RRB-"), "heart"));
    rows.add(row(0, "tully", 3, true, 0.97, List.of("-LRB-", "NNP", "NNP", ",", "NN", "-RRB-", "."), "centre"));
    rows.add(row(0, "tully", 4, true, 0.5, "heart"));
    rows.add(row(0, "tully", 5, false, 0.4, "heart"));
    Dataset<Row> themed = TestData.spark().createDataFrame(rows, SCHEMA).repartition(3);

    SentencePass pass = SentencePass.over(themed, 3, Map.of(0, Set.of("heart")));

    assertEquals(List.of("tully/4", "tully/5"), texts(pass.examples().get(0)));
    assertEquals(List.of("tully/4"), texts(pass.quotes().get(0)));
    assertEquals(Map.of("heart", 3L), pass.counts(0, 5).single(), "every sentence of the theme is counted");
  }

  /**
   * Sentences of an essay in the JATS corpus that the default job gave as examples of "weight loss, mortality, lose":
   * clustered with their paragraph's words, they are near the centre, but say nothing of the theme themselves.
   */
  @Test
  void evidenceUsesAKeywordOfItsTheme() {
    List<Row> rows = new ArrayList<>();
    rows.add(row(0, "essay", 1, false, 0.9, "ambition"));
    rows.add(row(0, "essay", 2, true, 0.8, "fun", "reward", "desert"));
    rows.add(row(0, "trial", 3, false, 0.6, "weight loss", "weight", "loss", "mortality"));
    rows.add(row(0, "trial", 4, true, 0.5, "lose", "weight"));
    Dataset<Row> themed = TestData.spark().createDataFrame(rows, SCHEMA).repartition(2);
    Set<String> keywords = Set.of("weight loss", "mortality", "lose");

    SentencePass pass = SentencePass.over(themed, 3, Map.of(0, keywords));
    assertEquals(List.of("trial/3", "trial/4"), texts(pass.examples().get(0)));
    assertEquals(List.of("trial/4"), texts(pass.quotes().get(0)));
    assertEquals(Map.of("weight loss", 1L, "mortality", 1L, "lose", 1L), pass.counts(0, 4).single(),
        "keywords are counted in every sentence, evidence or not");
  }

  @Test
  void ofNoSentencesIsEmpty() {
    SentencePass pass = SentencePass.over(TestData.spark().createDataFrame(List.of(), SCHEMA), 3, Map.of());
    assertEquals(Map.of(), pass.examples());
    assertEquals(Map.of(), pass.quotes());
  }
}
