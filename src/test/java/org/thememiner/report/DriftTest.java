package org.thememiner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.thememiner.themes.Theme;

class DriftTest {
  private static Theme theme(int id, long size, List<String> keywords) {
    return new Theme(id, String.join(", ", keywords), keywords, keywords.stream().map(k -> 1.0).toList(), size,
        List.of("p"), Map.of("p", 1.0), "p", 1.0, List.of(), List.of());
  }

  @Test
  void matchesThemesByKeywordsAndReportsNewVanishedGrownAndPapers() {
    List<Theme> before = List.of(
        theme(0, 50, List.of("medication", "tablet", "dose")),
        theme(1, 30, List.of("nurse", "clinic", "visit")),
        theme(2, 20, List.of("gene", "protein", "sequence")));
    List<Theme> now = List.of(
        theme(0, 40, List.of("nurse", "clinic", "appointment")),   // was T1, share 0.30 -> 0.40: grew
        theme(1, 35, List.of("medication", "tablet", "pharmacy")),  // was T0, share 0.50 -> 0.35: shrank
        theme(2, 25, List.of("family", "carer", "support")));       // new
    Drift d = Drift.between("2026-01-01", before, Set.of("a", "b"), now, Set.of("b", "c"));
    assertEquals(2, d.matched().size());
    Drift.Match nurse = d.matched().get(0);
    assertEquals(List.of(1, 0, "grew"), List.of(nurse.previousId(), nurse.currentId(), nurse.change()));
    assertEquals(2.0 / 3, nurse.similarity(), 1e-9, "two of three equally weighted keywords shared");
    assertEquals(0.3, nurse.previousShare(), 1e-9);
    assertEquals(0.4, nurse.currentShare(), 1e-9);
    Drift.Match medication = d.matched().get(1);
    assertEquals(List.of(0, 1, "shrank"), List.of(medication.previousId(), medication.currentId(), medication.change()));
    assertEquals(List.of(2), d.newThemes());
    assertEquals(List.of(2), d.vanishedThemes());
    assertEquals(List.of("c"), d.papersAdded());
    assertEquals(List.of("a"), d.papersRemoved());
  }
}
