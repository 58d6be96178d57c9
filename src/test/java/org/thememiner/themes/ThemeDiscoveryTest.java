package org.thememiner.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thememiner.TestData;
import org.thememiner.annotate.AnnotateStage;

/**
 * Theme discovery on sentences whose true topic is known: three vocabularies of different sizes, so the
 * clusters, their size order and their keywords can be checked exactly.
 */
class ThemeDiscoveryTest {
  private static final List<List<String>> TOPICS = KnownTopics.TOPICS;
  private static final int[] SIZES = KnownTopics.SIZES;

  private static Dataset<Row> sentences;

  @BeforeAll
  static void sentences() {
    sentences = KnownTopics.sentences();
  }

  private static Map<Integer, Integer> themeBySentence(Dataset<Row> assigned) {
    Map<Integer, Integer> out = new HashMap<>();
    for (Row r : assigned.select("sentence_no", ThemeModel.THEME_ID).collectAsList()) {
      out.put(r.getInt(0), r.isNullAt(1) ? null : r.getInt(1));
    }
    return out;
  }

  @Test
  void recoversTheTopicsWithIdsBySizeAndKeywordsFromEachTopic() {
    ThemeModel model = new ThemeDiscovery(ThemeSettings.DEFAULT.withK(3)).fit(sentences);
    Dataset<Row> assigned = model.transform(sentences);
    Map<Integer, Integer> theme = themeBySentence(assigned);
    int start = 0;
    for (int t = 0; t < TOPICS.size(); t++) {
      Set<Integer> ids = new HashSet<>();
      for (int i = start; i < start + SIZES[t]; i++) ids.add(theme.get(i));
      assertEquals(Set.of(t), ids, "topic " + t + " is one theme, and theme ids follow size");
      start += SIZES[t];
    }
    assertNull(theme.get(start), "methods sentences are not clustered");
    assertNull(theme.get(start + 1), "a sentence below minTerms is not clustered");

    List<Theme> themes = new ThemeRepresentation(ThemeSettings.DEFAULT).describe(assigned);
    assertEquals(3, themes.size());
    for (Theme th : themes) {
      assertEquals(SIZES[th.id()], th.size());
      assertTrue(TOPICS.get(th.id()).containsAll(th.keywords()), th.keywords() + " come from topic " + th.id());
      assertEquals(5, th.papers().size());
      // Each topic's sentences are dealt to the five papers in turn: five equal parts, the first by id leads.
      assertEquals("paper-0", th.largestPaper());
      assertEquals(0.2, th.largestPaperShare(), 1e-9);
      assertEquals(5, th.examples().size());
      assertTrue(th.examples().get(0).score() >= th.examples().get(4).score(), "examples closest first");
    }
  }

  @Test
  void choosesTheNumberOfThemesBySilhouette() {
    ThemeSettings auto = new ThemeSettings(0, 2, 6, "tfidf", "kmeans", 42, 3, 2, 1000, 20, 0.05, List.of("methods"), 3, 0, "sentence", "all-minilm-l6-v2-q", "none", 0.1, "cooccurrence", 1);
    ThemeModel model = new ThemeDiscovery(auto).fit(sentences);
    assertEquals(3, model.k());
    assertEquals(5, model.silhouettes().size(), "k = 2..6 were scored");
    assertTrue(model.stabilities().isEmpty(), "no stability seeds, no stability");
  }

  @Test
  void choosesTheNumberOfThemesBySilhouetteAndStability() {
    ThemeSettings auto = new ThemeSettings(0, 2, 6, "tfidf", "kmeans", 42, 3, 2, 1000, 20, 0.05, List.of("methods"), 3, 2, "sentence", "all-minilm-l6-v2-q", "none", 0.1, "cooccurrence", 1);
    ThemeModel model = new ThemeDiscovery(auto).fit(sentences);
    assertEquals(3, model.k());
    assertEquals(5, model.stabilities().size(), "every k was refitted with the two other seeds");
    double atThree = model.stabilities().stream().filter(s -> s[0] == 3).findFirst().orElseThrow()[1];
    assertEquals(1.0, atThree, 1e-9, "three clear topics: every seed finds the same three clusters");
    Stability run = model.selectionStability().orElseThrow();
    assertEquals(List.of(43L, 44L), run.seeds(), "the run's stability is the chosen k's, seed by seed");
    assertEquals(atThree, run.meanAri(), 1e-12);
  }

  @Test
  void anUnstableKIsNotChosenHoweverWellSeparated() {
    List<double[]> silhouettes = List.of(new double[] {4, 0.10}, new double[] {5, 0.12}, new double[] {6, 0.30});
    List<double[]> stable = List.of(new double[] {4, 0.80}, new double[] {5, 0.75}, new double[] {6, 0.40});
    assertEquals(5, ThemeDiscovery.choose(silhouettes, stable), "k = 6 separates best but another seed would not find it");
    assertEquals(6, ThemeDiscovery.choose(silhouettes, List.of()), "without stability, silhouette alone");
    List<double[]> close = List.of(new double[] {4, 0.80}, new double[] {5, 0.75}, new double[] {6, 0.71});
    assertEquals(6, ThemeDiscovery.choose(silhouettes, close), "within the tolerance, the best separated");
  }

  @Test
  void withParagraphContextAShortSentenceJoinsItsPassage() {
    // A one-term quote in the same paragraph as a medication sentence: too thin alone, clustered with context.
    List<Row> rows = new ArrayList<>(KnownTopics.rows());
    rows.add(KnownTopics.row("paper-0", 1000, 0, "results", "I was afraid of it.", List.of("afraid")));
    Dataset<Row> withQuote = TestData.spark().createDataFrame(rows, AnnotateStage.SCHEMA);
    Map<Integer, Integer> byParagraph = themeBySentence(new ThemeDiscovery(ThemeSettings.DEFAULT.withK(3)).fit(withQuote).transform(withQuote));
    assertEquals(byParagraph.get(0), byParagraph.get(1000), "the quote takes the theme of its paragraph");
    Map<Integer, Integer> bySentence = themeBySentence(new ThemeDiscovery(ThemeSettings.DEFAULT.withK(3).withContext("sentence"))
        .fit(withQuote).transform(withQuote));
    assertNull(bySentence.get(1000), "alone it is below minTerms");
  }

  @Test
  void sameSeedSameThemesAndASavedModelAssignsTheSame(@TempDir Path dir) throws Exception {
    ThemeSettings s = ThemeSettings.DEFAULT.withK(4);
    ThemeModel first = new ThemeDiscovery(s).fit(sentences);
    ThemeModel second = new ThemeDiscovery(s).fit(sentences);
    Map<Integer, Integer> a = themeBySentence(first.transform(sentences));
    assertEquals(a, themeBySentence(second.transform(sentences)));
    first.save(dir);
    assertEquals(a, themeBySentence(ThemeModel.load(dir).transform(sentences)));
  }

  /** Every representation and clustering puts each topic in one theme, and the topics in different themes. */
  @ParameterizedTest
  @CsvSource({"tfidf,bisecting-kmeans", "word2vec,kmeans", "tfidf-word2vec,kmeans", "combined,kmeans", "word2vec,gaussian-mixture", "tfidf,lda",
      "tfidf,spectral"})
  void everyRepresentationAndClusteringRecoversTheTopics(String representation, String algorithm) {
    ThemeSettings s = ThemeSettings.DEFAULT.withK(3).withAlgorithm(representation, algorithm);
    Map<Integer, Integer> theme = themeBySentence(new ThemeDiscovery(s).fit(sentences).transform(sentences));
    Set<Integer> seen = new HashSet<>();
    int start = 0;
    for (int t = 0; t < TOPICS.size(); t++) {
      Map<Integer, Integer> counts = new HashMap<>();
      for (int i = start; i < start + SIZES[t]; i++) counts.merge(theme.get(i), 1, Integer::sum);
      Map.Entry<Integer, Integer> top = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
      assertTrue(top.getKey() != null && top.getValue() >= 0.9 * SIZES[t],
          representation + "/" + algorithm + ": topic " + t + " -> " + counts);
      seen.add(top.getKey());
      start += SIZES[t];
    }
    assertEquals(3, seen.size(), representation + "/" + algorithm + ": three topics, three themes");
  }

  /**
   * Each family of clustering, because a sentence the themes do not place still passes through the clustering with
   * a stand-in vector (the cosine k-means stages reject the zero vector a sentence of unknown terms has).
   */
  @ParameterizedTest
  @CsvSource({"tfidf,kmeans", "tfidf,bisecting-kmeans", "tfidf,lda", "tfidf,spectral"})
  void everySentenceSaysWhyItHasOrHasNoTheme(String representation, String algorithm) {
    ThemeSettings s = ThemeSettings.DEFAULT.withK(3).withAlgorithm(representation, algorithm);
    ThemeModel model = new ThemeDiscovery(s).fit(sentences);
    // Enough terms, in its own paragraph, but none that the model knows.
    List<Row> rows = new ArrayList<>(KnownTopics.rows());
    rows.add(KnownTopics.row("paper-9", 2000, 2000, "results", "Quux frobs zarf.", List.of("quux", "frob", "zarf", "blorp")));
    // An interviewer's question in the words of the first topic.
    Row asked = KnownTopics.row("paper-9", 2001, 2001, "results", "Which tablets and doses did you take?",
        KnownTopics.TOPICS.get(0));
    Object[] question = new Object[asked.length()];
    for (int i = 0; i < question.length; i++) question[i] = asked.get(i);
    question[AnnotateStage.SCHEMA.fieldIndex(AnnotateStage.INTERVIEWER_TURN)] = true;
    rows.add(RowFactory.create(question));
    // A back-channel in the paragraph of a medication sentence: context, but no content term of its own.
    rows.add(KnownTopics.row("paper-0", 2002, 0, "results", "Yeah, okay.", List.of()));
    Map<Integer, Row> bySentence = new HashMap<>();
    for (Row r : model.transform(TestData.spark().createDataFrame(rows, AnnotateStage.SCHEMA))
        .select("sentence_no", ThemeModel.THEME_STATUS, ThemeModel.THEME_ID, ThemeModel.THEME_SCORE).collectAsList()) {
      bySentence.put(r.getInt(0), r);
    }
    int n = SIZES[0] + SIZES[1] + SIZES[2];
    assertEquals(ThemeModel.STATUS_EXCLUDED, bySentence.get(n).getString(1));
    assertEquals(ThemeModel.STATUS_THIN, bySentence.get(n + 1).getString(1));
    assertEquals(ThemeModel.STATUS_NO_FEATURES, bySentence.get(2000).getString(1));
    assertEquals(ThemeModel.STATUS_INTERVIEWER, bySentence.get(2001).getString(1));
    assertEquals(ThemeModel.STATUS_THIN, bySentence.get(2002).getString(1));
    assertEquals(ThemeModel.STATUS_ASSIGNED, bySentence.get(0).getString(1));
    for (int unplaced : List.of(n, n + 1, 2000, 2001, 2002)) {
      assertTrue(bySentence.get(unplaced).isNullAt(2) && bySentence.get(unplaced).isNullAt(3),
          "no theme and no score for sentence " + unplaced + ": " + bySentence.get(unplaced));
    }
    assertTrue(!bySentence.get(0).isNullAt(2) && bySentence.get(0).getDouble(3) > 0, "a placed sentence has both");
  }

  @Test
  void sentencesFarFromEveryCentroidAreOutliers() {
    ThemeSettings strict = new ThemeSettings(3, 2, 6, "tfidf", "kmeans", 42, 3, 2, 1000, 20, 0.999, List.of("methods"), 3, 0, "sentence", "all-minilm-l6-v2-q", "none", 0.1, "cooccurrence", 1);
    Dataset<Row> assigned = new ThemeDiscovery(strict).fit(sentences).transform(sentences);
    long outliers = assigned.filter(assigned.col(ThemeModel.THEME_STATUS).equalTo(ThemeModel.STATUS_OUTLIER)).count();
    assertTrue(outliers > 0, "with minScore 0.999 some sentences are outliers");
    assertEquals(0, assigned.filter(assigned.col(ThemeModel.THEME_STATUS).equalTo(ThemeModel.STATUS_OUTLIER)
        .and(assigned.col(ThemeModel.THEME_ID).isNotNull())).count(), "an outlier has no theme id");
  }

  @Test
  void trimmedKMeansLeavesOutTheSentencesThatFitNoTheme() {
    // Ten sentences that mix the three vocabularies: each is as far from one topic as from the next.
    List<Row> rows = new ArrayList<>(KnownTopics.rows());
    for (int i = 0; i < 10; i++) {
      List<String> mixed = new ArrayList<>();
      for (List<String> topic : TOPICS) mixed.addAll(List.of(topic.get(i % 8), topic.get((i + 3) % 8)));
      rows.add(KnownTopics.row("paper-" + i % 5, 3000 + i, 3000 + i, "results", "mixed " + i, mixed));
    }
    Dataset<Row> withMixed = TestData.spark().createDataFrame(rows, AnnotateStage.SCHEMA);
    ThemeSettings trimmed = new ThemeSettings(3, 2, 6, "tfidf", "trimmed-kmeans", 42, 3, 2, 1000, 20, 0.05, List.of("methods"), 3, 0,
        "sentence", "all-minilm-l6-v2-q", "none", 0.07, "cooccurrence", 1);
    Dataset<Row> assigned = new ThemeDiscovery(trimmed).fit(withMixed).transform(withMixed);
    Map<Integer, Integer> theme = themeBySentence(assigned);
    for (int i = 0; i < 10; i++) assertNull(theme.get(3000 + i), "mixed sentence " + i + " is an outlier");
    int start = 0;
    for (int t = 0; t < TOPICS.size(); t++) {
      Map<Integer, Integer> counts = new HashMap<>();
      for (int i = start; i < start + SIZES[t]; i++) counts.merge(theme.get(i), 1, Integer::sum);
      assertEquals(1, counts.size(), "topic " + t + " is one theme, none of it left out: " + counts);
      start += SIZES[t];
    }
    Dataset<Row> forced = new ThemeDiscovery(ThemeSettings.DEFAULT.withK(3).withContext("sentence")).fit(withMixed).transform(withMixed);
    assertEquals(0, forced.filter("sentence_no >= 3000 AND theme_id IS NULL").count(), "k-means puts every mixed sentence in a theme");
  }

  @Test
  void theKeywordOrderIsAPartChosenByName() {
    Dataset<Row> assigned = new ThemeDiscovery(ThemeSettings.DEFAULT.withK(3)).fit(sentences).transform(sentences);
    for (Theme t : new ThemeRepresentation(ThemeSettings.DEFAULT.withKeywords("ctfidf")).describe(assigned)) {
      for (int i = 1; i < t.keywordWeights().size(); i++) {
        assertTrue(t.keywordWeights().get(i - 1) >= t.keywordWeights().get(i), "plain c-TF-IDF order: " + t.keywordWeights());
      }
    }
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> ThemeSettings.DEFAULT.withKeywords("tf"));
    assertTrue(e.getMessage().contains("themes.keywords") && e.getMessage().contains("cooccurrence"), e.getMessage());
  }

  /**
   * Four papers, each on its own condition (three terms that fill half of every one of its sentences), and two topics
   * that run through all four. Clustered as they are, the sentences go by their papers' vocabulary; with
   * {@code centre: paper} the paper's own terms weigh little and the two themes are the two topics.
   */
  @Test
  void paperCentringFindsTopicsThatCrossPapersWhoseOwnVocabularyWouldSplitThem() {
    List<List<String>> papers = List.of(List.of("asthma", "inhaler", "wheeze"), List.of("stroke", "aphasia", "rehab"),
        List.of("diabetes", "insulin", "glucose"), List.of("dementia", "memory", "carehome"));
    Random random = new Random(3);
    List<Row> rows = new ArrayList<>();
    Map<Integer, Integer> topicOf = new HashMap<>();
    for (int no = 0; no < 160; no++) {
      int paper = no % 4;
      int topic = (no / 4) % 2;
      List<String> terms = new ArrayList<>();
      for (int w = 0; w < 4; w++) terms.add(papers.get(paper).get(random.nextInt(3)));
      for (int w = 0; w < 3; w++) terms.add(TOPICS.get(topic).get(random.nextInt(TOPICS.get(topic).size())));
      rows.add(KnownTopics.row("paper-" + paper, no, no, "results", "sentence " + no, terms));
      topicOf.put(no, topic);
    }
    Dataset<Row> corpus = TestData.spark().createDataFrame(rows, AnnotateStage.SCHEMA);
    ThemeSettings s = ThemeSettings.DEFAULT.withK(2).withAlgorithm("tfidf", "kmeans");
    assertTrue(agreementWithTopics(s, corpus, topicOf) < 0.5, "as they are, the papers' own terms decide");
    assertEquals(1.0, agreementWithTopics(s.withCentre("paper"), corpus, topicOf), 1e-12, "centred, each topic is one theme");
  }

  /** The adjusted Rand index of the themes against the topics (a sentence without a theme in a group of its own). */
  private static double agreementWithTopics(ThemeSettings s, Dataset<Row> corpus, Map<Integer, Integer> topicOf) {
    Map<List<Object>, Long> table = new HashMap<>();
    themeBySentence(new ThemeDiscovery(s).fit(corpus).transform(corpus))
        .forEach((no, theme) -> table.merge(Arrays.asList(topicOf.get(no), theme), 1L, Long::sum));
    return Stability.adjustedRandIndex(table);
  }

  /**
   * The terms a sentence is clustered on with paragraph context: its own twice and its paragraph's, in a paragraph
   * longer than {@link GroupMeanShift#PARAGRAPH_REACH} either side only its neighbours' within that reach, so that the
   * context terms of text without paragraph breaks grow with its length, not with its square.
   */
  @Test
  void aLongParagraphGivesEachSentenceItsNeighboursTermsOnly() {
    int reach = GroupMeanShift.PARAGRAPH_REACH;
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 4 * reach; i++) rows.add(KnownTopics.row("transcript", i, 0, "results", "sentence " + i, List.of("t" + i)));
    Map<Integer, List<String>> context = new HashMap<>();
    for (Row r : ThemeDiscovery.withContext(TestData.spark().createDataFrame(rows, AnnotateStage.SCHEMA), ThemeSettings.DEFAULT)
        .select("sentence_no", ThemeDiscovery.CONTEXT_TERMS).collectAsList()) {
      context.put(r.getInt(0), r.getList(1));
    }
    List<String> middle = new ArrayList<>(List.of("t" + 2 * reach));
    for (int i = reach; i <= 3 * reach; i++) middle.add("t" + i);
    assertEquals(middle, context.get(2 * reach), "its own terms, then its neighbours' in order, itself among them");
    List<String> first = new ArrayList<>(List.of("t0"));
    for (int i = 0; i <= reach; i++) first.add("t" + i);
    assertEquals(first, context.get(0), "the first sentence has only the neighbours after it");
  }
}
