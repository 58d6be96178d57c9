package org.thememiner.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextExtractorTest {

  private static Paper extract(String name, byte[] bytes) throws ExtractionException {
    return new TextExtractor().extract(new InputFile("/corpus/" + name, "t", "text", bytes.length), bytes, "0");
  }

  @Test
  void markdownHeadingsQuotesAndSpeakerTurns() throws Exception {
    String md = """
        # Living with heart failure

        ## Methods

        We ran two focus groups.

        ## Findings

        ### Maintenance

        Motivation lapsed after the programme.

        > I kinda just went into a bit of a trough. (Centre A, R1)

        P3: I missed the eleven o'clock session.

        Interviewer: What helped?
        """;
    Paper paper = extract("notes.md", md.getBytes(StandardCharsets.UTF_8));
    assertEquals("Living with heart failure", paper.title());
    assertEquals(List.of("Living with heart failure", "Methods", "Findings", "Maintenance"),
        paper.sections().stream().map(Section::heading).toList());
    Section maintenance = paper.sections().get(3);
    assertEquals("results", maintenance.part());
    assertEquals(3, maintenance.level());
    List<QuoteSpan> quotes = maintenance.quotes();
    assertEquals(List.of("Centre A, R1", "P3", "Interviewer"), quotes.stream().map(QuoteSpan::attribution).toList());
    assertEquals("I kinda just went into a bit of a trough.",
        maintenance.text().substring(quotes.get(0).start(), quotes.get(0).end()));
    assertEquals("I missed the eleven o'clock session.",
        maintenance.text().substring(quotes.get(1).start(), quotes.get(1).end()));
  }

  @Test
  void shortLineBeforeBodyIsAHeadingInPlainText() throws Exception {
    String txt = "Results\n\nThemes were found.\n\nGP Services\n\nParticipants seemed disillusioned with their GPs.\n";
    Paper paper = extract("study.txt", txt.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("results:1:Results", "results:2:GP Services"),
        paper.sections().stream().map(s -> s.part() + ":" + s.level() + ":" + s.heading()).toList());
  }

  @Test
  void latin1FallbackIsWarned() throws Exception {
    Paper paper = extract("old.txt", "Caf\u00e9 culture and participation.".getBytes(StandardCharsets.ISO_8859_1));
    assertTrue(paper.warnings().contains("not valid UTF-8; read as ISO-8859-1"));
    assertEquals("Caf\u00e9 culture and participation.", paper.sections().get(0).text());
    assertEquals("old", paper.title());
  }
}
