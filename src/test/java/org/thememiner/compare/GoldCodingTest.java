package org.thememiner.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.thememiner.compare.CompareFixtures.PROFILER;
import static org.thememiner.compare.CompareFixtures.theme;
import static org.thememiner.compare.CompareFixtures.withShares;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.compare.GoldAgreement.ConstructAgreement;
import org.thememiner.themes.Theme;

class GoldCodingTest {
  private static final double EPS = 1e-12;
  private static final Path FIXTURE = Path.of("src/test/resources/compare/maclellan-2015-gold.tsv");
  private static final ConstructSet MACLELLAN = CompareFixtures.set("maclellan-2015");
  private static final String R = "reframing-identity";
  private static final String T = "therapeutic-use-of-self";

  @TempDir Path dir;

  /** The fixture is the shared reference table plus two columns: its study columns must not drift from it. */
  @Test
  void fixtureKeepsTheReferenceTable() throws IOException {
    List<String> reference = Files.readAllLines(Path.of(System.getProperty("thememiner.shared"), "reference", "maclellan2015_table1.tsv"));
    List<String> fixture = Files.readAllLines(FIXTURE);
    assertEquals(reference.size(), fixture.size());
    for (int i = 0; i < reference.size(); i++) {
      String[] cells = fixture.get(i).split("\t", -1);
      assertEquals(reference.get(i), String.join("\t", Arrays.asList(cells).subList(0, cells.length - 2)), "line " + (i + 1));
    }
  }

  @Test
  void loadsTheMaclellanFixture() {
    GoldCoding gold = GoldCoding.load(FIXTURE, MACLELLAN);
    assertEquals(34, gold.constructsByPaper().size());
    assertEquals(0, gold.rowsWithoutPaper());
    assertEquals(Set.of(T), gold.constructsByPaper().get("aiken-2013"));
    assertEquals(Set.of(R), gold.constructsByPaper().get("moran-2012a"));
    assertEquals(Set.of(R, T), gold.constructsByPaper().get("yuen-2003"));
  }

  @Test
  void errorsNameFileLineAndColumn() throws IOException {
    Path unknown = Files.writeString(dir.resolve("gold.tsv"), "study\tpaper_id\tconstructs\nA\tp1\treframing-identity;typo\n");
    assertEquals(unknown + ": line 2, column constructs: 'typo' is not a construct of maclellan-2015",
        assertThrows(InvalidGoldCodingException.class, () -> GoldCoding.load(unknown, MACLELLAN)).getMessage());
    Path twice = Files.writeString(dir.resolve("twice.tsv"), "paper_id\tconstructs\np1\t\np1\treframing-identity\n");
    assertEquals(twice + ": line 3, column paper_id: paper 'p1' is coded twice",
        assertThrows(InvalidGoldCodingException.class, () -> GoldCoding.load(twice, MACLELLAN)).getMessage());
    Path noColumn = Files.writeString(dir.resolve("nocol.tsv"), "paper\tconstructs\np1\t\n");
    assertEquals(noColumn + ": header has no column paper_id",
        assertThrows(InvalidGoldCodingException.class, () -> GoldCoding.load(noColumn, MACLELLAN)).getMessage());
    Path ragged = Files.writeString(dir.resolve("ragged.tsv"), "paper_id\tconstructs\np1\n");
    assertEquals(ragged + ": line 2 has 1 columns, the header 2",
        assertThrows(InvalidGoldCodingException.class, () -> GoldCoding.load(ragged, MACLELLAN)).getMessage());
  }

  /**
   * Gold: p1 {R}, p2 {R, T}, p3 {T}, p4 {}, p5 {R}; one study not in the corpus. Theme 1 maps to R with shares
   * p1 0.5, p2 0.3, p4 0.2; theme 2 maps to T with p2 0.02 (below 0.05), p3 0.4; p5 is in no theme.
   * Job R: p1 p2 p4 -> tp 2, fp 1, fn 1, tn 1; po 3/5, pe 0.6*0.6 + 0.4*0.4 = 0.52, kappa 0.08/0.48 = 1/6.
   * Job T: p3 -> tp 1, fp 0, fn 1, tn 3; po 4/5, pe 0.4*0.2 + 0.6*0.8 = 0.56, kappa 0.24/0.44 = 6/11.
   * Pooled 10 cells: agreement 7/10, pe 0.5*0.4 + 0.5*0.6 = 0.5, kappa 0.4.
   */
  @Test
  void agreementByHand() throws IOException {
    Path tsv = Files.writeString(dir.resolve("gold.tsv"), String.join("\n", "study\tpaper_id\tconstructs",
        "One\tp1\t" + R, "Two\tp2\t" + R + ";" + T, "Three\tp3\t" + T, "Four\tp4\t", "Five\tp5\t" + R, "Elsewhere\t\t" + R) + "\n");
    GoldCoding gold = GoldCoding.load(tsv, MACLELLAN);
    assertEquals(1, gold.rowsWithoutPaper());

    Map<Integer, Map<String, Double>> table = Map.of(1, Map.of(R, 0.6, T, 0.1), 2, Map.of(R, 0.1, T, 0.5));
    WeightedSimilarity fixed = new WeightedSimilarity(List.of(
        new WeightedSimilarity.Component("table", 1, (t, c) -> table.get(t.id()).get(c.id()))));
    List<Theme> themes = List.of(
        withShares(theme(1, List.of("x"), List.of()), Map.of("p1", 0.5, "p2", 0.3, "p4", 0.2)),
        withShares(theme(2, List.of("x"), List.of()), Map.of("p2", 0.02, "p3", 0.4)));
    ConstructComparison comparison = new ConstructComparator(PROFILER, fixed, new ComparisonSettings(0.25, 0.05, 0.05, null, 0.5, 0.3)).compare(MACLELLAN, themes);

    GoldAgreement agreement = GoldAgreement.of(gold, comparison, null);
    assertEquals(5, agreement.papers());
    assertEquals(1, agreement.papersWithoutThemes());
    ConstructAgreement r = agreement.constructs().get(0);
    assertEquals(List.of(R, 2, 1, 1, 1), List.of(r.constructId(), r.truePositives(), r.falsePositives(), r.falseNegatives(), r.trueNegatives()));
    assertEquals(2.0 / 3, r.precision(), EPS);
    assertEquals(2.0 / 3, r.recall(), EPS);
    assertEquals(1.0 / 6, r.kappa(), EPS);
    ConstructAgreement t = agreement.constructs().get(1);
    assertEquals(List.of(T, 1, 0, 1, 3), List.of(t.constructId(), t.truePositives(), t.falsePositives(), t.falseNegatives(), t.trueNegatives()));
    assertEquals(1, t.precision(), EPS);
    assertEquals(0.5, t.recall(), EPS);
    assertEquals(2.0 / 3, t.f1(), EPS);
    assertEquals(6.0 / 11, t.kappa(), EPS);
    assertEquals(0.7, agreement.accuracy(), EPS);
    assertEquals(0.4, agreement.kappa(), EPS);
  }

  @Test
  void undefinedFiguresAreNull() throws IOException {
    Path tsv = Files.writeString(dir.resolve("gold.tsv"), "paper_id\tconstructs\np1\t\n");
    ConstructComparison none = new ConstructComparator(PROFILER, WeightedSimilarity.standard(), ComparisonSettings.DEFAULT)
        .compare(MACLELLAN, List.of());
    ConstructAgreement r = GoldAgreement.of(GoldCoding.load(tsv, MACLELLAN), none, null).constructs().get(0);
    assertNull(r.precision());
    assertNull(r.recall());
    assertNull(r.f1());
    assertNull(r.kappa());
  }
}
