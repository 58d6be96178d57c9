package org.thememiner.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PDF extraction on the four publisher PDFs of the shared corpus, read once for the whole class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PdfExtractorTest {

  private static final String TULLY = "tully-2010-heart-failure-programmes.pdf";
  private static final String AGYEMAN = "agyeman-duah-2014-quality-improvement-ghana.pdf";
  private static final String DATTA = "datta-2010-trauma-review.pdf";
  private static final String PEERJ = "peerj-2017-oconnell.pdf";

  /** The running headers and footers as printed (pdftotext -layout), per fixture. */
  private static final Map<String, List<String>> RUNNING_HEADERS = Map.of(
      TULLY, List.of("Rehabilitation Research and Practice"),
      AGYEMAN, List.of("Agyeman-Duah et al. BMC Health Services Research 2014, 14:1",
          "http://www.biomedcentral.com/1472-6963/14/1", "Page 2 of 10", "Page 10 of 10"),
      DATTA, List.of("Datta et al. Journal of Trauma Management & Outcomes 2010, 4:1",
          "http://www.traumamanagement.org/content/4/1/1", "Page 9 of 11", "Page 11 of 11"),
      PEERJ, List.of("Webb et al. (2017), PeerJ Comput. Sci., DOI 10.7717/peerj-cs.118", "2/16", "16/16"));

  private final Map<String, Paper> papers = new LinkedHashMap<>();

  @BeforeAll
  void extractFixtures() throws ExtractionException {
    for (String name : List.of(TULLY, AGYEMAN, DATTA, PEERJ)) {
      long start = System.nanoTime();
      papers.put(name, Corpus.read(Corpus.pdf(name)));
      System.out.printf("extracted %s in %d ms%n", name, (System.nanoTime() - start) / 1_000_000);
    }
  }

  @Test
  void tullyResultsSubheadingsAreTheAuthorsSevenThemes() {
    List<Section> results = papers.get(TULLY).sections().stream()
        .filter(s -> s.part().equals("results") && s.level() == 2).toList();
    List<String> themes = List.of("Experience of Programmes", "Maintenance", "Improvements", "GP Services",
        "Quality of Care", "Labelling the Condition \"Heart Failure\"", "Medication");
    assertEquals(themes.stream().map(Corpus::normaliseHeading).toList(),
        results.stream().map(s -> Corpus.normaliseHeading(s.heading())).toList());
    for (Section theme : results) assertFalse(theme.text().isBlank(), theme.heading() + " has no text");
  }

  @Test
  void tullyCanonicalSectionsInOrder() {
    List<String> topLevel = papers.get(TULLY).sections().stream().filter(s -> s.level() == 1)
        .map(s -> s.part() + ":" + Corpus.normaliseHeading(s.heading())).toList();
    assertEquals(List.of("abstract:abstract", "introduction:introduction", "methods:methods", "results:results",
        "discussion:discussion"), topLevel);
  }

  @Test
  void tullyQuotesAreMarkedWithTheirAttributions() {
    Map<String, Section> byHeading = papers.get(TULLY).sections().stream()
        .collect(Collectors.toMap(s -> Corpus.normaliseHeading(s.heading()), s -> s, (a, b) -> a));
    Section experience = byHeading.get("experience of programmes");
    List<String> attributions = experience.quotes().stream().map(QuoteSpan::attribution).toList();
    assertEquals(List.of("Centre A, R4", "Centre A, R1", "Centre A, R7", "Centre B, R4", "Centre A, R5",
        "Centre A, R4"), attributions);
    QuoteSpan first = experience.quotes().get(0);
    String quote = experience.text().substring(first.start(), first.end());
    assertTrue(quote.startsWith("I thought that maybe this thing will creep up behind me some day"), quote);
    assertTrue(quote.endsWith("I was quite happy then."), quote);
    for (String theme : List.of("maintenance", "gp services", "labelling the condition heart failure", "medication")) {
      assertFalse(byHeading.get(theme).quotes().isEmpty(), "no quotes under " + theme);
    }
    long attributed = papers.get(TULLY).sections().stream().flatMap(s -> s.quotes().stream())
        .filter(q -> q.attribution() != null && q.attribution().matches("Centre [AB], R\\d")).count();
    assertEquals(16, attributed, "quotes attributed like (Centre A, R4)");
  }

  @Test
  void tullyQuoteTextIsNotAlsoBodyText() {
    Section medication = papers.get(TULLY).sections().stream()
        .filter(s -> s.heading().equals("Medication")).findFirst().orElseThrow();
    QuoteSpan joined = medication.quotes().get(0);
    assertEquals("Centre B, R5", joined.attribution());
    assertTrue(medication.text().substring(joined.start(), joined.end())
        .contains("great [pill containers with individual compartments] so you know"));
  }

  @ParameterizedTest
  @ValueSource(strings = {TULLY, AGYEMAN, DATTA, PEERJ})
  void noRunningHeaderLineInTheBody(String name) {
    String body = Corpus.bodyText(papers.get(name));
    for (String header : RUNNING_HEADERS.get(name)) {
      assertFalse(body.contains(header), name + ": running header in body: " + header);
    }
    assertFalse(body.matches("(?s).*\\bPage \\d+ of \\d+\\b.*"), name + ": 'Page x of y' in body");
  }

  @ParameterizedTest
  @ValueSource(strings = {TULLY, AGYEMAN, DATTA, PEERJ})
  void referencesAreKeptOutOfTheBody(String name) {
    Paper paper = papers.get(name);
    assertFalse(paper.references().isEmpty(), name + ": no references");
    assertTrue(paper.sections().stream().noneMatch(s -> s.part().equals("references")), name);
    String body = Corpus.bodyText(paper);
    for (String reference : paper.references()) {
      String probe = reference.replaceFirst("^\\[?\\d+[.\\]]?\\s*", "");
      probe = probe.substring(0, Math.min(45, probe.length()));
      assertFalse(body.contains(probe), name + ": reference text in the body: " + probe);
    }
  }

  @Test
  void referenceListsAreSplitIntoEntries() {
    assertEquals(17, papers.get(TULLY).references().size());
    assertEquals(31, papers.get(AGYEMAN).references().size());
    assertEquals(24, papers.get(PEERJ).references().size());
    assertTrue(papers.get(TULLY).references().get(0).startsWith("[1] E. Braunwald, “Shattuck lecture"));
    assertTrue(papers.get(PEERJ).references().get(9).startsWith("Keane M, Semeiks J"));
  }

  @Test
  void acknowledgementsAndEndMatterAreNotBody() {
    for (Paper paper : papers.values()) {
      String body = Corpus.bodyText(paper);
      assertFalse(body.contains("This research was funded by the Health Services Executive"), paper.id());
      assertFalse(body.contains("The authors declare that they have no competing interests"), paper.id());
      assertFalse(body.contains("Cite this article as"), paper.id());
      assertFalse(body.contains("Submit your next manuscript"), paper.id());
      assertTrue(paper.sections().stream().noneMatch(s -> s.part().equals("acknowledgements")), paper.id());
    }
  }

  @Test
  void peerjSideColumnDoesNotInterleaveWithTheBody() {
    Paper paper = papers.get(PEERJ);
    String body = Corpus.bodyText(paper);
    for (String side : List.of("Submitted 25 March 2016", "Corresponding author", "Academic editor",
        "Declarations can be found on", "Distributed under", "OPEN ACCESS", "m.oconnell@leeds.ac.uk")) {
      assertFalse(body.contains(side), "side column text in body: " + side);
    }
    Section introduction = paper.sections().stream().filter(s -> s.part().equals("introduction")).findFirst()
        .orElseThrow();
    assertTrue(introduction.text().contains("Estimating selective pressure variation across homologous "
        + "protein-coding genes from different species is typically done by assessing the ratio of dN/dS"));
    assertTrue(introduction.text().contains("Codeml is part of the PAML package"),
        "paragraph continues after the 'How to cite' box at the foot of page 1");
  }

  @Test
  void bmcAbstractRunInHeadingsAndUnnumberedSubheadings() {
    Paper paper = papers.get(AGYEMAN);
    Section abstractSection = paper.sections().get(0);
    assertEquals("abstract", abstractSection.part());
    assertTrue(abstractSection.text().startsWith("Background: Knowledge regarding the best approaches"));
    assertFalse(abstractSection.text().contains("Keywords:"));
    List<String> methods = paper.sections().stream().filter(s -> s.part().equals("methods") && s.level() == 2)
        .map(Section::heading).toList();
    assertEquals(List.of("Setting", "Study approach, sampling and data analysis", "Tools for data collection",
        "Interviews", "Document review and observation", "Ethical considerations"), methods);
  }

  @Test
  void hyphenationAtLineEnds() {
    String tully = Corpus.bodyText(papers.get(TULLY));
    assertTrue(tully.contains("rehabilitation programmes"), "rehabil- + itation joined");
    assertTrue(tully.contains("self-management"), "compound kept");
    assertTrue(tully.contains("co-facilitated"), "co- prefix kept");
    assertFalse(tully.contains("rehabil- itation") || tully.contains("rehabil-itation"));
    assertTrue(Corpus.bodyText(papers.get(AGYEMAN)).contains("by following Pope"), "follow- + ing joined");
  }

  @Test
  void metadataOfEachFixture() {
    Paper tully = papers.get(TULLY);
    assertEquals("Patient Experiences of Structured Heart Failure Programmes", tully.title());
    assertEquals("10.1155/2010/157939", tully.doi());
    assertEquals(2010, tully.year());
    assertEquals("Rehabilitation Research and Practice", tully.journal());
    assertEquals(List.of("Nuala E. Tully", "Karen M. Morgan", "Helen M. Burke", "Hannah M. McGee"), tully.authors());

    Paper agyeman = papers.get(AGYEMAN);
    assertTrue(agyeman.title().startsWith("Understanding the barriers to setting up a healthcare quality"));
    assertEquals("10.1186/1472-6963-14-1", agyeman.doi());
    assertEquals(2014, agyeman.year());
    assertEquals("BMC Health Services Research", agyeman.journal());
    assertEquals("Josephine Nana Afrakoma Agyeman-Duah", agyeman.authors().get(0));

    Paper datta = papers.get(DATTA);
    assertEquals("Complications related to deep venous thrombosis prophylaxis in trauma: a systematic review of "
        + "the literature", datta.title());
    assertEquals("10.1186/1752-2897-4-1", datta.doi());
    assertEquals(2010, datta.year());

    Paper peerj = papers.get(PEERJ);
    assertEquals("VESPA: Very large-scale Evolutionary and Selective Pressure Analyses", peerj.title());
    assertEquals("10.7717/peerj-cs.118", peerj.doi());
    assertEquals(2017, peerj.year());
    assertEquals(List.of("Andrew E. Webb", "Thomas A. Walsh", "Mary J. O’Connell"), peerj.authors());
  }

  @ParameterizedTest
  @ValueSource(strings = {TULLY, AGYEMAN, DATTA, PEERJ})
  void wellFormedOutput(String name) {
    Paper paper = papers.get(name);
    assertEquals("pdf", paper.format());
    assertEquals(64, paper.sha256().length());
    for (Section s : paper.sections()) {
      assertNotNull(s.page(), name + ": section without page");
      assertFalse(s.text().contains("\n\n\n"), name + ": empty paragraph in " + s.heading());
      for (QuoteSpan q : s.quotes()) {
        assertTrue(0 <= q.start() && q.start() < q.end() && q.end() <= s.text().length(), name + ": span " + q);
      }
    }
  }
}
