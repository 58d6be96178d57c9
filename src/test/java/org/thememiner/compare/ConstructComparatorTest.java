package org.thememiner.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thememiner.compare.CompareFixtures.ANALYZER;
import static org.thememiner.compare.CompareFixtures.PROFILER;
import static org.thememiner.compare.CompareFixtures.theme;
import static org.thememiner.compare.CompareFixtures.withShares;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thememiner.compare.ConstructComparison.ThemeConstructPair;
import org.thememiner.compare.ConstructComparison.ThemeResult;
import org.thememiner.themes.Theme;

class ConstructComparatorTest {
  private static final double EPS = 1e-9;
  private static final ConstructComparator STANDARD =
      new ConstructComparator(PROFILER, WeightedSimilarity.standard(), ComparisonSettings.DEFAULT);

  private static final Theme MEDICATION = theme(1, List.of("medication", "tablet", "pill", "dose", "side-effect"), List.of(
      "I have to take so many tablets every day.",
      "The dose of my medication was changed again.",
      "The pharmacist went through the side effects of each drug."));
  private static final Theme GP = theme(2, List.of("gp", "doctor", "appointment", "surgery"), List.of(
      "You cannot get an appointment with the GP for a week.",
      "My doctor at the surgery never looks at my heart.",
      "The GP just sends you back to the hospital."));
  private static final Theme GENES = theme(3, List.of("gene", "protein", "sequence"), List.of(
      "The protein sequence was aligned against the reference genome.",
      "Gene expression was measured in three replicates."));

  @Test
  void medicationThemeMapsToTullysMedication() {
    ConstructComparison tully = STANDARD.compare(CompareFixtures.set("tully-2010"), List.of(MEDICATION, GP, GENES));
    ThemeConstructPair medication = tully.constructFor(1).orElseThrow();
    assertEquals("medication", medication.constructId());
    assertTrue(medication.similarity() >= ComparisonSettings.DEFAULT.matchThreshold());
    assertEquals("gp-services", tully.constructFor(2).orElseThrow().constructId());
  }

  @Test
  void offTopicThemeMatchesNoShippedConstruct() {
    for (ConstructComparison c : STANDARD.compare(ConstructSets.loadAll(CompareFixtures.CONSTRUCTS), List.of(GENES))) {
      ThemeResult genes = c.themes().get(0);
      assertNull(genes.constructId(), c.setId() + ": " + genes);
      assertTrue(genes.similarity() < ComparisonSettings.DEFAULT.matchThreshold(), c.setId());
      assertEquals(List.of(3), c.candidateNewThemes(), c.setId());
      assertTrue(c.constructFor(3).isEmpty());
      assertEquals(0, c.precision(), EPS);
    }
  }

  @Test
  void codedSentencesAreAQuarterOfTheSimilarityAndCanTipAMatch() {
    ConstructSet tully = CompareFixtures.set("tully-2010");
    ConstructComparison plain = STANDARD.compare(tully, List.of(GENES));
    ConstructComparison coded = STANDARD.compare(tully, List.of(GENES), Map.of(3, Map.of("medication", 1.0)));
    int medication = plain.matrix().constructIds().indexOf("medication");
    double before = plain.matrix().values()[0][medication];
    assertEquals((1 - ConstructComparator.CODED_WEIGHT) * before + ConstructComparator.CODED_WEIGHT,
        coded.matrix().values()[0][medication], EPS);
    // Every sentence of an off-topic theme coded "medication" is evidence enough to map it there.
    assertEquals("medication", coded.constructFor(3).orElseThrow().constructId());
    assertEquals(1.0, coded.themes().get(0).components().get(ConstructComparator.CODED), EPS);
    assertEquals(1.0, coded.similarityWeights().values().stream().mapToDouble(Double::doubleValue).sum(), EPS);
    assertEquals(ConstructComparator.CODED_WEIGHT, coded.similarityWeights().get(ConstructComparator.CODED), EPS);
    // Without coded shares the comparison is what it was.
    assertTrue(plain.constructFor(3).isEmpty());
    assertNull(plain.similarityWeights().get(ConstructComparator.CODED));
  }

  /** Themes built from the seven Results sections of Tully et al. (the gold sentence -> theme set) find their own construct. */
  @Test
  void tullyResultsSectionsMapToTheirOwnConstructs() throws IOException {
    Map<String, List<String>> sections = SentenceGroupThemes.readGroups(Path.of("src/test/resources/compare/tully-2010-results.tsv"));
    List<Theme> themes = SentenceGroupThemes.themes(sections, ANALYZER, 10, 5, 0);
    ConstructComparison c = STANDARD.compare(CompareFixtures.set("tully-2010"), themes);
    List<String> expected = List.copyOf(sections.keySet());
    assertEquals(expected, c.themes().stream().map(ThemeResult::constructId).toList());
    assertEquals(expected, c.alignment().stream().map(ThemeConstructPair::constructId).toList());
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), c.alignment().stream().map(ThemeConstructPair::themeId).toList());
    assertEquals(1, c.coverage(), EPS);
    assertEquals(1, c.precision(), EPS);
    assertEquals(1, c.f1(), EPS);
  }

  /**
   * Fixed similarities, threshold 0.25, min paper share 0.05:
   * <pre>
   *          a     b     c
   *   t1   0.60  0.30  0.00     best a
   *   t2   0.50  0.10  0.00     best a
   *   t3   0.05  0.15  0.10     best b, below threshold: candidate new theme
   *   t4   0.00  0.28  0.27     best b
   * </pre>
   * Every construct has a theme at or above 0.25 (a: t1, b: t1, c: t4): coverage 3/3. Three of four themes match:
   * precision 3/4, F1 = 2 * 0.75 / 1.75 = 6/7. One-to-one: t2-a + t1-b + t4-c = 1.07 beats t1-a + t4-b + t3-c = 0.98
   * and t1-a + t3-b + t4-c = 1.02. Many-to-one: t1 -> a, t2 -> a, t4 -> b.
   */
  @Test
  void handCheckedAgreementFigures() {
    Map<Integer, Map<String, Double>> table = Map.of(
        1, Map.of("a", 0.60, "b", 0.30, "c", 0.00),
        2, Map.of("a", 0.50, "b", 0.10, "c", 0.00),
        3, Map.of("a", 0.05, "b", 0.15, "c", 0.10),
        4, Map.of("a", 0.00, "b", 0.28, "c", 0.27));
    WeightedSimilarity fixed = new WeightedSimilarity(List.of(
        new WeightedSimilarity.Component("table", 1, (t, c) -> table.get(t.id()).get(c.id()))));
    ConstructComparator comparator = new ConstructComparator(PROFILER, fixed, new ComparisonSettings(0.25, 0.05, 0.05, null, 0.5, 0.3));
    ConstructSet set = new ConstructSet("abc", "ABC", "Doe (2020)", null, null, false, null, List.of(
        new Construct("a", "Alpha", "Support from peers.", List.of("peer"), List.of(), List.of(), null),
        new Construct("b", "Beta", "Taking tablets.", List.of("tablet"), List.of(), List.of(), null),
        new Construct("c", "Gamma", "Seeing the doctor.", List.of("doctor"), List.of(), List.of(), null)));
    List<Theme> themes = List.of(
        withShares(theme(1, List.of("x"), List.of()), Map.of("p1", 0.4, "p2", 0.1)),
        withShares(theme(2, List.of("x"), List.of()), Map.of("p1", 0.2)),
        withShares(theme(3, List.of("x"), List.of()), Map.of("p2", 0.5)),
        withShares(theme(4, List.of("x"), List.of()), Map.of("p2", 0.04, "p3", 0.3)));

    ConstructComparison c = comparator.compare(set, themes);

    assertEquals(1, c.coverage(), EPS);
    assertEquals(0.75, c.precision(), EPS);
    assertEquals(6.0 / 7, c.f1(), EPS);
    assertEquals(List.of(), c.unsupportedConstructs());
    assertEquals(List.of(3), c.candidateNewThemes());
    assertEquals(List.of(new ThemeConstructPair(1, "a", 0.60), new ThemeConstructPair(2, "a", 0.50), new ThemeConstructPair(4, "b", 0.28)),
        c.mapping());
    assertEquals(List.of(new ThemeConstructPair(1, "b", 0.30), new ThemeConstructPair(2, "a", 0.50), new ThemeConstructPair(4, "c", 0.27)),
        c.alignment());
    assertEquals(List.of(1, 1, 4), c.constructs().stream().map(ConstructComparison.ConstructResult::bestThemeId).toList());
    assertEquals(List.of(List.of(1, 2), List.of(4), List.of()),
        c.constructs().stream().map(ConstructComparison.ConstructResult::mappedThemeIds).toList());
    assertEquals("b", c.themes().get(2).nearestConstructId());
    assertNull(c.themes().get(2).constructId());
    assertArrayEquals(new double[] {0.05, 0.15, 0.10}, c.matrix().values()[2], EPS);

    // Paper presence through the mapping: p1 = t1 + t2 in a; p2 = t1 in a, t4 in b (0.04 < 0.05); p3 = t4 in b.
    assertEquals(List.of("p1", "p2", "p3"), c.paperPresence().paperIds());
    assertArrayEquals(new double[] {0.6, 0, 0}, c.paperPresence().share()[0], EPS);
    assertArrayEquals(new double[] {0.1, 0.04, 0}, c.paperPresence().share()[1], EPS);
    assertArrayEquals(new boolean[] {true, false, false}, c.paperPresence().present()[1]);
    assertArrayEquals(new boolean[] {false, true, false}, c.paperPresence().present()[2]);

    // At 0.29 c (best 0.27) loses its support, b keeps t1 at 0.30; t4 (0.28) no longer matches: precision 2/4.
    ConstructComparison strict = new ConstructComparator(PROFILER, fixed, new ComparisonSettings(0.29, 0.05, 0.05, null, 0.5, 0.3)).compare(set, themes);
    assertEquals(List.of("c"), strict.unsupportedConstructs());
    assertEquals(2.0 / 3, strict.coverage(), EPS);
    assertEquals(0.5, strict.precision(), EPS);
  }

  @Test
  void jsonShape() throws IOException {
    ObjectMapper json = new ObjectMapper();
    ConstructComparison comparison = STANDARD.compare(CompareFixtures.set("tully-2010"), List.of(MEDICATION, GENES));
    JsonNode root = json.readTree(json.writeValueAsString(comparison));
    assertEquals(List.of("setId", "setName", "citation", "doi", "partial", "matchThreshold", "minPaperShare",
        "similarityWeights", "constructs", "themes", "matrix", "coverage", "precision", "f1", "alignment", "mapping",
        "unsupportedConstructs", "candidateNewThemes", "paperPresence"), fieldNames(root));
    assertEquals("tully-2010", root.get("setId").asText());
    assertEquals(List.of("constructId", "name", "parent", "bestThemeId", "similarity", "supported", "mappedThemeIds"),
        fieldNames(root.get("constructs").get(0)));
    assertEquals(List.of("themeId", "label", "nearestConstructId", "similarity", "constructId", "components"),
        fieldNames(root.get("themes").get(0)));
    assertEquals(List.of("lexical", "wordnet", "evidence"), fieldNames(root.get("themes").get(0).get("components")));
    assertTrue(root.get("themes").get(1).get("constructId").isNull());
    assertEquals(List.of("themeIds", "constructIds", "values"), fieldNames(root.get("matrix")));
    assertEquals(2, root.get("matrix").get("values").size());
    assertEquals(7, root.get("matrix").get("values").get(0).size());
    assertEquals(List.of("themeId", "constructId", "similarity"), fieldNames(root.get("mapping").get(0)));
    assertEquals(List.of("paperIds", "constructIds", "share", "present"), fieldNames(root.get("paperPresence")));
    assertTrue(root.get("paperPresence").get("present").get(0).get(6).isBoolean());

    ConstructComparison back = json.readValue(json.writeValueAsString(comparison), ConstructComparison.class);
    assertEquals(comparison.mapping(), back.mapping());
    assertEquals(comparison.themes(), back.themes());
    assertEquals(comparison.f1(), back.f1(), 0);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void noThemesGivesZeroFiguresAndEveryConstructUnsupported() {
    ConstructComparison c = STANDARD.compare(CompareFixtures.set("tully-2010"), List.of());
    assertEquals(0, c.coverage(), EPS);
    assertEquals(0, c.precision(), EPS);
    assertEquals(0, c.f1(), EPS);
    assertEquals(7, c.unsupportedConstructs().size());
    assertNull(c.constructs().get(0).bestThemeId());
  }
}
