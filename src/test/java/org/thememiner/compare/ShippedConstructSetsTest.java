package org.thememiner.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thememiner.annotate.AnnotatorSettings;
import org.thememiner.annotate.CoreNlpTermAnalyzer;
import org.thememiner.annotate.TermAnalyzer;
import org.thememiner.ingest.ExtractOptions;
import org.thememiner.ingest.InputScanner;
import org.thememiner.ingest.Paper;
import org.thememiner.ingest.PaperReader;
import org.thememiner.ingest.Section;

/** The construct sets in models/constructs: facts from the reference notes, and usable vocabulary. */
class ShippedConstructSetsTest {
  private static final Path MODELS = Path.of("models/constructs");
  private static TermAnalyzer analyzer;
  private static Map<String, ConstructSet> sets;

  @BeforeAll
  static void load() {
    analyzer = new CoreNlpTermAnalyzer(AnnotatorSettings.DEFAULT);
    sets = ConstructSets.loadAll(MODELS).stream().collect(Collectors.toMap(ConstructSet::id, Function.identity()));
  }

  @Test
  void allSevenSetsLoad() {
    assertEquals(Set.of("maclellan-2015", "ser-2024", "ibrahim-2020", "rapid-scoping-2025", "tully-2010", "gallacher-2013",
        "kesselheim-2011"), sets.keySet());
  }

  @Test
  void maclellanHasTwoCoreConstructsWithStrengthsAndChallenges() {
    ConstructSet set = sets.get("maclellan-2015");
    assertEquals(List.of("Reframing of identity through reciprocal relations", "Therapeutic use of self, enhancing responsibility"),
        names(set));
    assertEquals("10.1371/journal.pone.0141122", set.doi());
    for (Construct c : set.constructs()) {
      assertTrue(c.subThemes().stream().anyMatch(s -> s.startsWith("Challenge:")), c.id());
      assertTrue(c.subThemes().stream().anyMatch(s -> !s.startsWith("Challenge:")), c.id());
    }
  }

  @Test
  void serHasOneOverarchingThemeAndFourChildren() {
    ConstructSet set = sets.get("ser-2024");
    assertEquals("10.1111/inm.13415", set.doi());
    List<Construct> top = set.constructs().stream().filter(c -> c.parent() == null).toList();
    assertEquals(1, top.size());
    List<Construct> children = set.constructs().stream().filter(c -> top.get(0).id().equals(c.parent())).toList();
    assertEquals(List.of("Emotional impacts of being a peer support specialist", "Struggle to justify their roles",
        "Complex roles of peer support specialists", "Sources of support"), children.stream().map(Construct::name).toList());
  }

  @Test
  void ibrahimIsPartialAndSaysSo() {
    ConstructSet set = sets.get("ibrahim-2020");
    assertTrue(set.partial());
    assertTrue(set.notes().contains("fourteen"), set.notes());
    assertTrue(set.notes().contains("missing"), set.notes());
    assertEquals(List.of("Organisational culture", "Training", "Role definition", "Role support", "Staff attitudes"), names(set));
    sets.values().stream().filter(s -> s != set).forEach(s -> assertFalse(s.partial(), s.id()));
  }

  @Test
  void rapidScopingHasItsEightSections() {
    assertEquals(List.of("Definitions, values and the role", "Development and implementation of peer support work",
        "Experiences of peer support workers", "Perceptions of others about peer support work", "Recruitment", "Training",
        "Supervision and support", "Research on effectiveness"), names(sets.get("rapid-scoping-2025")));
  }

  @Test
  void tullyHasTheSevenResultsSubheadings() {
    ConstructSet set = sets.get("tully-2010");
    assertEquals(List.of("Experience of Programmes", "Maintenance", "Improvements", "GP Services", "Quality of Care",
        "Labelling the Condition \"Heart Failure\"", "Medication"), names(set));
    assertEquals("10.1155/2010/157939", set.doi());
  }

  /** Areas 1, 2 and 4 and the sub-themes 3a-3d of area 3, named by their Results subheadings without the numbers. */
  @Test
  void gallacherHasTheSevenLeafThemesOfItsResults() {
    ConstructSet set = sets.get("gallacher-2013");
    assertEquals(List.of("Making sense of stroke management and planning care", "Interacting with others",
        "Institutional admissions", "Managing stroke in the community", "Reintegrating into society",
        "Adjusting to life after stroke", "Reflecting on management"), names(set));
    assertEquals("10.1371/journal.pmed.1001473", set.doi());
    assertEquals("CC BY", set.licence());
    assertTrue(set.constructs().stream().allMatch(c -> c.parent() == null), "area 3 is not a construct");
  }

  /** Three strategies and four types of practices, named by their Results subheadings. */
  @Test
  void kesselheimHasTheSevenCategoriesOfItsResults() {
    ConstructSet set = sets.get("kesselheim-2011");
    assertEquals(List.of("Expansion to unapproved disease entities", "Expansion to unapproved indications",
        "Expansion to unapproved dosing strategies", "Prescriber-related practices", "Internal practices",
        "Payer-related practices", "Consumer-related practices"), names(set));
    assertEquals("10.1371/journal.pmed.1000431", set.doi());
    assertEquals("CC BY", set.licence());
  }

  /** A keyword the analyzer drops (a stop word, an adverb) would silently never match a theme. */
  @Test
  void everyKeywordSurvivesTheTermAnalyzer() {
    List<String> lost = new ArrayList<>();
    for (ConstructSet set : sets.values()) {
      for (Construct c : set.constructs()) {
        for (String k : c.keywords()) {
          if (analyzer.terms(k.toLowerCase(Locale.ROOT)).isEmpty()) lost.add(set.id() + "/" + c.id() + ": " + k);
        }
      }
    }
    assertEquals(List.of(), lost);
  }

  /** Descriptions are the project's own words: none shares a run of six words with the paper's Results text. */
  @Test
  void tullyDescriptionsAreNotCopiedFromThePaper() throws IOException {
    Set<String> paper = new HashSet<>();
    for (String line : Files.readAllLines(Path.of("src/test/resources/compare/tully-2010-results.tsv"))) {
      paper.addAll(sixWordRuns(line));
    }
    for (Construct c : sets.get("tully-2010").constructs()) {
      Set<String> shared = new HashSet<>(sixWordRuns(c.description()));
      shared.retainAll(paper);
      assertEquals(Set.of(), shared, c.id());
    }
  }

  /**
   * The same for the two PLOS sets, written from the subheadings and the abstract: no description shares a run of six
   * words with any part of the article's body text, abstract included (as the extractor reads it).
   */
  @ParameterizedTest
  @CsvSource({"gallacher-2013, journal.pmed.1001473.xml", "kesselheim-2011, journal.pmed.1000431.xml"})
  void plosDescriptionsAreNotCopiedFromTheArticle(String setId, String article) throws Exception {
    Path xml = Path.of(System.getProperty("thememiner.shared", "../shared"), "corpus", "jats", article);
    Paper paper = PaperReader.read(InputScanner.scan(List.of(xml.toString())).get(0), ExtractOptions.DEFAULT);
    Set<String> text = new HashSet<>();
    for (Section s : paper.sections()) text.addAll(sixWordRuns(s.heading() + " . " + s.text()));
    assertTrue(text.size() > 1000, text.size() + " runs");
    for (Construct c : sets.get(setId).constructs()) {
      Set<String> shared = new HashSet<>(sixWordRuns(c.description()));
      shared.retainAll(text);
      assertEquals(Set.of(), shared, c.id());
    }
  }

  private static List<String> sixWordRuns(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ").trim().split("\\s+");
    List<String> runs = new ArrayList<>();
    for (int i = 0; i + 6 <= words.length; i++) runs.add(String.join(" ", List.of(words).subList(i, i + 6)));
    return runs;
  }

  private static List<String> names(ConstructSet set) {
    return set.constructs().stream().map(Construct::name).toList();
  }
}
