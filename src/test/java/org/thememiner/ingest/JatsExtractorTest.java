package org.thememiner.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JatsExtractorTest {

  @ParameterizedTest
  @ValueSource(strings = {"journal.pmed.1001473.xml", "journal.pbio.1001473.xml", "journal.pone.0012262.xml",
      "journal.pcbi.1000204.xml", "journal.pntd.0000149.xml"})
  void sectionHeadingsAreTheBodySecTitlesInOrder(String name) throws Exception {
    Path file = Corpus.jats(name);
    Paper paper = Corpus.read(file);
    Document xml = parseIndependently(file);
    int abstracts = ((Element) xml.getElementsByTagName("article-meta").item(0)).getElementsByTagName("abstract")
        .getLength();
    List<String> expected = bodySecTitles(xml);
    List<Section> body = paper.sections().subList(abstracts, paper.sections().size());
    // text before the first titled sec (or in a sec with an empty title) is one untitled section, first
    List<Section> titled = body.stream().filter(s -> !s.heading().isEmpty()).toList();
    assertTrue(body.size() - titled.size() <= 1 && (titled.size() == body.size() || body.get(0).heading().isEmpty()));
    assertEquals(expected, titled.stream().map(Section::heading).toList());
    assertTrue(paper.sections().subList(0, abstracts).stream().allMatch(s -> s.part().equals("abstract")));
  }

  @Test
  void bodyTextInAnUntitledSecAfterTheAbstractIsNotAbstract() throws Exception {
    // a letter: a one-sentence table-of-contents abstract, then the whole body in a <sec> with an empty title
    Paper paper = Corpus.read(Corpus.jats("journal.pbio.0020188.xml"));
    assertEquals(List.of("abstract", "other"), paper.sections().stream().map(Section::part).toList());
    Section blurb = paper.sections().get(0);
    assertTrue(blurb.text().startsWith("In response to the Blackburn and Rowley essay"), blurb.text());
    assertFalse(blurb.text().contains("In their essay"), "body text filed under the abstract");
    Section body = paper.sections().get(1);
    assertEquals("", body.heading());
    assertTrue(body.text().startsWith("In their essay in the April 2004 issue of PLoS Biology"), body.text());
  }

  @ParameterizedTest
  @ValueSource(strings = {"journal.pmed.1001473.xml", "journal.pbio.1001473.xml", "journal.pone.0012262.xml"})
  void referencesAndCaptionsAreKeptOutOfTheBody(String name) throws Exception {
    Paper paper = Corpus.read(Corpus.jats(name));
    Document xml = parseIndependently(Corpus.jats(name));
    assertEquals(xml.getElementsByTagName("ref").getLength(), paper.references().size());
    String body = Corpus.bodyText(paper);
    for (String reference : paper.references()) {
      String probe = reference.substring(0, Math.min(50, reference.length()));
      assertFalse(body.contains(probe), "reference in body: " + probe);
    }
    for (String caption : paper.captions()) {
      String probe = caption.substring(0, Math.min(60, caption.length()));
      if (probe.length() >= 40) assertFalse(body.contains(probe), "caption in body: " + probe);
    }
    assertTrue(paper.sections().stream().noneMatch(s -> s.part().equals("references")));
  }

  @Test
  void gallacherSystematicReview() throws Exception {
    Paper paper = Corpus.read(Corpus.jats("journal.pmed.1001473.xml"));
    assertEquals("Uncovering Treatment Burden as a Key Concept for Stroke Care: A Systematic Review of Qualitative "
        + "Research", paper.title());
    assertEquals("10.1371/journal.pmed.1001473", paper.doi());
    assertEquals(2013, paper.year());
    assertEquals("PLoS Medicine", paper.journal());
    assertEquals("Katie Gallacher", paper.authors().get(0));
    assertEquals(11, paper.authors().size());
    Section theme = paper.sections().stream().filter(s -> s.heading().equals("3a) Institutional admissions"))
        .findFirst().orElseThrow();
    assertEquals("results", theme.part());
    assertEquals(3, theme.level());
    assertTrue(theme.text().contains("By conforming to the role of patient the tension could be eased. [59]"),
        "a disp-quote block is part of its section's text");
    assertTrue(paper.captions().stream().anyMatch(c -> c.startsWith("Table 1 ")));
    assertFalse(Corpus.bodyText(paper).contains("Acknowledgments"));
  }

  /**
   * A review quotes its sources' findings, each disp-quote block closed by the source's number: "... called away.
   * [95]". Those are the sources' authors' words, not participants': the blocks stay in the text, as prose.
   */
  @Test
  void aReviewsQuotedFindingsAreNoParticipantQuotes() throws Exception {
    Paper paper = Corpus.read(Corpus.jats("journal.pmed.1001473.xml"));
    assertEquals(List.of(), paper.sections().stream().flatMap(s -> s.quotes().stream()).toList());
    String text = paper.sections().stream().map(Section::text).reduce("", String::concat);
    assertTrue(text.contains("being called away. [95]"), "the quoted finding stays in the text with its citation");
  }

  /** A PLOS essay's pull quote repeats a line of its text: the line is read once, and it is nobody's quote. */
  @Test
  void aPullQuoteIsLeftOut() throws Exception {
    Paper paper = Corpus.read(Corpus.jats("journal.pmed.0020124.xml"));
    String text = Corpus.bodyText(paper).toLowerCase(java.util.Locale.ROOT);
    String line = "it can be proven that most claimed research findings are false";
    assertEquals(text.indexOf(line), text.lastIndexOf(line), "once");
    assertTrue(text.contains(line));
    assertEquals(List.of(), paper.sections().stream().flatMap(s -> s.quotes().stream()).toList());
  }

  /** A disp-quote of a participant's words is a quote span, without its speaker tag or a citation that closes it. */
  @Test
  void dispQuotesOfParticipantsAreQuoteSpans(@TempDir Path dir) throws Exception {
    Path xml = Files.writeString(dir.resolve("focus.xml"), """
        <?xml version="1.0"?>
        <article><front><article-meta><title-group><article-title>T</article-title></title-group></article-meta>
        </front><body><sec sec-type="results"><title>Results</title>
        <p>Participants spoke of waiting:</p>
        <disp-quote><p>Nobody told us when the nurse would come back. (P4, female, 61)</p></disp-quote>
        <disp-quote><p>Nobody told us anything.</p><attrib>FG2</attrib></disp-quote>
        <disp-quote><p>I sat there for hours and my daughter had to ring them. <xref ref-type="bibr" rid="r1">[12]</xref></p></disp-quote>
        <disp-quote><p>Patients described long waits for the community nurse. <xref ref-type="bibr" rid="r1">[12]</xref></p></disp-quote>
        </sec><sec sec-type="discussion"><title>Discussion</title><p>As one participant said, nobody told us anything.</p>
        </sec></body><back><ref-list><ref id="r1"><mixed-citation>A study.</mixed-citation></ref></ref-list></back></article>
        """, StandardCharsets.UTF_8);
    Section results = Corpus.read(xml).sections().get(0); // a short quote recurring in the discussion stays a quote
    assertEquals(List.of("Nobody told us when the nurse would come back.", "Nobody told us anything.",
        "I sat there for hours and my daughter had to ring them."),
        results.quotes().stream().map(q -> results.text().substring(q.start(), q.end())).toList());
    assertEquals(Arrays.asList("P4, female, 61", "FG2", null), results.quotes().stream().map(QuoteSpan::attribution).toList());
    assertTrue(results.text().contains("Patients described long waits for the community nurse. [12]"), results.text());
  }

  @Test
  void everyCorpusArticleExtracts() throws IOException {
    List<String> failures = new ArrayList<>();
    int count = 0;
    try (Stream<Path> files = Files.list(Corpus.root().resolve("jats"))) {
      for (Path file : files.sorted().toList()) {
        count++;
        try {
          Paper paper = Corpus.read(file);
          if (paper.title() == null || paper.title().isBlank()) failures.add(file + ": no title");
          if (paper.sections().isEmpty()) failures.add(file + ": no sections");
          if (paper.doi() == null) failures.add(file + ": no DOI");
        } catch (ExtractionException e) {
          failures.add(file + ": " + e.getMessage());
        }
      }
    }
    assertEquals(121, count);
    assertEquals(List.of(), failures);
  }

  @Test
  void externalEntitiesAreNeverResolved(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
    Path xml = Files.writeString(dir.resolve("xxe.xml"), """
        <?xml version="1.0"?>
        <!DOCTYPE article PUBLIC "-//NLM//DTD JATS//EN" "http://10.255.255.1/never/fetched.dtd" [
          <!ENTITY leak SYSTEM "%s">
        ]>
        <article><front><article-meta><title-group><article-title>T</article-title></title-group></article-meta>
        </front><body><sec><title>Intro</title><p>before &leak; after &alpha;</p></sec></body></article>
        """.formatted(secret.toUri()), StandardCharsets.UTF_8);
    long start = System.nanoTime();
    Paper paper = PaperReader.read(Corpus.input(xml), new ExtractOptions(1_000_000, ExtractOptions.DEFAULT.maxChars(), 20));
    assertTrue((System.nanoTime() - start) / 1e9 < 10, "the remote DTD was not fetched");
    String text = paper.sections().get(0).text();
    assertFalse(text.contains("TOP-SECRET"));
    assertTrue(text.startsWith("before") && text.endsWith("after \u03b1"), text);
  }

  private static Document parseIndependently(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    String xml = XmlEntities.toNumeric(Files.readString(file, StandardCharsets.UTF_8));
    return factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
  }

  /** Titles of every titled sec inside body, in document order, whitespace evened out. */
  private static List<String> bodySecTitles(Document xml) {
    List<String> titles = new ArrayList<>();
    Element body = (Element) xml.getElementsByTagName("body").item(0);
    NodeList secs = body.getElementsByTagName("sec");
    for (int i = 0; i < secs.getLength(); i++) {
      Element sec = (Element) secs.item(i);
      for (var n = sec.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && e.getTagName().equals("title")) {
          String title = e.getTextContent().replaceAll("\\s+", " ").strip();
          if (!title.isEmpty()) titles.add(title);
          break;
        }
      }
    }
    return titles;
  }
}
