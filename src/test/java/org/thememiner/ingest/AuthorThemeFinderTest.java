package org.thememiner.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Author themes found in the real papers of the shared corpus, against the themes written down from the papers
 * before the finder was scored ({@code author-themes-expected.tsv}), and the false themes it finds in the JATS
 * papers that are not qualitative studies.
 */
class AuthorThemeFinderTest {
  private static final AuthorThemeFinder FINDER = AuthorThemeFinder.standard();
  private static final Set<String> QUALITATIVE_JATS = Set.of("journal.pmed.1001473.xml", "journal.pmed.1000431.xml");

  /** A theme as "paper | parent > theme", the parent empty for a first-level theme. */
  private static String key(String paper, String parent, String theme) {
    return paper + " | " + (parent == null || parent.isEmpty() ? "" : parent + " > ") + theme;
  }

  private static List<String> expected() throws IOException {
    try (InputStream in = AuthorThemeFinderTest.class.getResourceAsStream("author-themes-expected.tsv")) {
      List<String> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("#") || line.startsWith("paper\t") || line.isBlank()) continue;
        String[] c = line.split("\t", -1);
        out.add(key(c[0], c[2], c[1]));
      }
      return out;
    }
  }

  private static List<String> found(AuthorThemeSearch search) {
    return search.themes().stream().map(t -> key(t.paper(), t.parent(), t.theme())).toList();
  }

  @Test
  void findsTheAuthorsThemesAndSubThemesOfTheThreeQualitativePapers() throws Exception {
    List<String> found = new ArrayList<>();
    Map<String, AuthorThemeSearch> searches = new LinkedHashMap<>();
    for (Path p : List.of(Corpus.pdf("tully-2010-heart-failure-programmes.pdf"), Corpus.jats("journal.pmed.1001473.xml"),
        Corpus.jats("journal.pmed.1000431.xml"))) {
      AuthorThemeSearch search = FINDER.find(Corpus.read(p));
      searches.put(search.paper(), search);
      found.addAll(found(search));
    }
    searches.values().forEach(s -> System.out.println(s.paper() + ": " + s.note()));
    List<String> expected = expected();
    long hits = found.stream().filter(expected::contains).count();
    System.out.printf("author themes: %d found, %d expected, %d both (precision %.2f, recall %.2f)%n", found.size(),
        expected.size(), hits, hits / (double) found.size(), hits / (double) expected.size());
    assertEquals(expected, found);

    AuthorTheme burden = searches.get("journal-pmed-1001473").themes().stream()
        .filter(t -> t.theme().equals("Managing stroke in the community")).findFirst().orElseThrow();
    assertEquals(2, burden.level());
    assertEquals(List.of(), burden.quotes(), "the review quotes its sources' findings, not participants");
    assertTrue(burden.text().contains("[95]"), "the quoted findings are the sub-theme's text");
    assertTrue(searches.get("journal-pmed-1001473").note().contains("Treatment Burden"), "the umbrella heading is named");
    assertTrue(searches.get("journal-pmed-1001473").note().contains("Study Details"), "what was left out is named");
    AuthorTheme gp = searches.get("tully-2010-heart-failure-programmes").themes().stream()
        .filter(t -> t.theme().equals("GP Services")).findFirst().orElseThrow();
    assertTrue(gp.page() != null && gp.text().length() > 1000 && gp.quotes().size() == 4, gp.toString());
  }

  @Test
  void theOtherJatsPapersYieldNoAuthorThemesAndSayWhy() throws Exception {
    Map<String, List<String>> falseThemes = new TreeMap<>();
    Map<String, Long> reasons = new TreeMap<>();
    try (Stream<Path> files = Files.list(Corpus.root().resolve("jats"))) {
      for (Path p : files.filter(f -> !QUALITATIVE_JATS.contains(f.getFileName().toString())).sorted().toList()) {
        AuthorThemeSearch search = FINDER.find(Corpus.read(p));
        assertFalse(search.note().isBlank(), p.toString());
        if (search.found()) falseThemes.put(search.paper(), found(search));
        reasons.merge(search.note().replaceAll(":.*|;.*", ""), 1L, Long::sum);
      }
    }
    System.out.println("not found, by reason: " + reasons);
    System.out.println("false author themes: " + falseThemes);
    assertEquals(Map.of(), falseThemes, "none of the 119 quantitative and laboratory papers has author themes");
  }

  @Test
  void aQualitativePaperWithoutResultsSubheadingsIsReportedNotFailed() {
    Paper paper = paper(List.of(
        new Section("Methods", "methods", 1, null, "We held focus groups and used thematic analysis.", List.of()),
        new Section("Results", "results", 1, null, "Participants spoke about many things.", List.of())));
    AuthorThemeSearch search = FINDER.find(paper);
    assertFalse(search.found());
    assertEquals("Results has no subheadings", search.note());
  }

  @Test
  void themeNumberingIsLeftOutAndLetteredHeadingsBecomeSubThemes() {
    Paper paper = paper(List.of(
        new Section("Methods", "methods", 1, null, "Semi-structured interviews were transcribed verbatim.", List.of()),
        new Section("Findings", "results", 1, null, "", List.of()),
        new Section("Participant characteristics", "results", 2, null, "Twelve nurses took part.", List.of()),
        new Section("Theme 1: Living with uncertainty", "results", 2, null, "Text one.", List.of()),
        new Section("Theme 2: 24-hour care", "results", 2, null, "Text two.", List.of(new QuoteSpan(0, 4, "P1"))),
        new Section("2a) Nights", "results", 2, null, "Text two a.", List.of()),
        new Section("2b) Weekends", "results", 2, null, "Text two b.", List.of())));
    AuthorThemeSearch search = FINDER.find(paper);
    assertEquals(List.of("p | Living with uncertainty", "p | 24-hour care", "p | 24-hour care > Nights",
        "p | 24-hour care > Weekends"), found(search));
    assertEquals(List.of("Text"), search.themes().get(1).quotes());
    assertEquals("2 themes and 2 sub-themes; not themes: Participant characteristics", search.note());
  }

  @Test
  void headingsThatGroupFindingsGiveWayToTheThemesUnderThem() {
    Paper paper = paper(List.of(
        new Section("Methods", "methods", 1, null, "A mixed-methods design: a survey, then focus groups analysed by"
            + " framework analysis.", List.of()),
        new Section("Results", "results", 1, null, "", List.of()),
        new Section("Survey results", "results", 2, null, "Response rates were high.", List.of()),
        new Section("Baseline", "results", 3, null, "Mean age 54.", List.of()),
        new Section("Qualitative findings", "results", 2, null, "Three themes emerged.", List.of()),
        new Section("Trust in the nurse", "results", 3, null, "Text.", List.of()),
        new Section("Fear of the label", "results", 3, null, "Text.", List.of()),
        new Section("Making sense of tablets", "results", 3, null, "Text.", List.of())));
    AuthorThemeSearch search = FINDER.find(paper);
    assertEquals(List.of("p | Trust in the nurse", "p | Fear of the label", "p | Making sense of tablets"), found(search));
    assertEquals("3 themes; not themes: Survey results, Qualitative findings", search.note());
  }

  private static Paper paper(List<Section> sections) {
    return new Paper("p", "p.txt", "0", "text", "A study", List.of(), null, null, null, sections, List.of(), List.of(),
        List.of());
  }

}
