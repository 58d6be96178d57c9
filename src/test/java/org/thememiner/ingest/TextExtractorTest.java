package org.thememiner.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextExtractorTest {

  private static Paper extract(String name, byte[] bytes) throws ExtractionException {
    return new TextExtractor().extract(new InputFile("/corpus/" + name, "t", "text", bytes.length), bytes, "0");
  }

  static Paper extractText(String name, String text) throws ExtractionException {
    return extract(name, text.getBytes(StandardCharsets.UTF_8));
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

        Moderator 2: Did the nurses call?

        Q: And after the programme?

        A: Nobody rang me.
        """;
    Paper paper = extract("notes.md", md.getBytes(StandardCharsets.UTF_8));
    assertEquals("Living with heart failure", paper.title());
    assertEquals(List.of("Living with heart failure", "Methods", "Findings", "Maintenance"),
        paper.sections().stream().map(Section::heading).toList());
    Section maintenance = paper.sections().get(3);
    assertEquals("results", maintenance.part());
    assertEquals(3, maintenance.level());
    List<QuoteSpan> quotes = maintenance.quotes();
    assertEquals(List.of("Centre A, R1", "P3", "A"), quotes.stream().map(QuoteSpan::attribution).toList(),
        "the questions are text, the answers quotes");
    assertTrue(maintenance.text().contains("Interviewer: What helped?\n\nModerator 2: Did the nurses call?"),
        maintenance.text());
    assertEquals(List.of("Interviewer: What helped?", "Moderator 2: Did the nurses call?", "Q: And after the programme?"),
        maintenance.interviewerTurns().stream().map(t -> maintenance.text().substring(t.start(), t.end())).toList(),
        "the questions are the interviewer's turns");
    assertEquals("I kinda just went into a bit of a trough.",
        maintenance.text().substring(quotes.get(0).start(), quotes.get(0).end()));
    assertEquals("I missed the eleven o'clock session.",
        maintenance.text().substring(quotes.get(1).start(), quotes.get(1).end()));
  }

  /** Tags as transcription tools write them: lower case, numbered without a space, a space before the colon. */
  @Test
  void speakerTagsInAnyCaseAndNumbering() throws Exception {
    String txt = """
        interviewee: Thanks. This meeting is being recorded.

        Interviewer1 : So what are the main problems you have met with your data?

        Interviewee: The provider sent us weather data that made no sense.

        interviewer: How did you notice?

        Interviewer 2: And did the model tell you?
        """;
    Paper paper = extract("Interview_10.txt", txt.getBytes(StandardCharsets.UTF_8));
    Section section = paper.sections().get(0);
    assertEquals(List.of("interviewee", "Interviewee"), section.quotes().stream().map(QuoteSpan::attribution).toList());
    assertEquals(List.of("Interviewer1 : So what are the main problems you have met with your data?",
            "interviewer: How did you notice?", "Interviewer 2: And did the model tell you?"),
        section.interviewerTurns().stream().map(t -> section.text().substring(t.start(), t.end())).toList());
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

  @Test
  void randomBytesAreRefusedAsNotText() {
    byte[] bytes = new byte[800_000];
    new Random(7).nextBytes(bytes);
    ExtractionException e = assertThrows(ExtractionException.class, () -> extract("noise.txt", bytes));
    assertTrue(e.getMessage().matches("not text: 1\\d\\.\\d % of its \\d+ characters are control characters "
        + "\\(binary data, or text in an encoding other than UTF-8 and ISO-8859-1\\)"), e.getMessage());
  }

  @Test
  void aPdfOrUtf16TextNamedTxtIsNotText() throws Exception {
    byte[] pdf = Files.readAllBytes(Corpus.pdf("tully-2010-heart-failure-programmes.pdf"));
    assertTrue(assertThrows(ExtractionException.class, () -> extract("paper.txt", pdf)).getMessage().startsWith("not text: "));
    byte[] utf16 = Corpus.bodyText(Corpus.read(Corpus.jats("journal.pone.0116586.xml"))).getBytes(StandardCharsets.UTF_16LE);
    assertTrue(assertThrows(ExtractionException.class, () -> extract("notes.txt", utf16)).getMessage().startsWith("not text: "));
  }

  /** Real text passes in UTF-8, and in Windows-1252, whose curly quotes and dashes ISO-8859-1 reads as C1 controls. */
  @Test
  void realTextInUtf8OrWindows1252IsText() throws Exception {
    String body = Corpus.bodyText(Corpus.read(Corpus.jats("journal.pone.0116586.xml")));
    String curly = body.replace("'", "\u2019").replace(" - ", " \u2013 ") + "\u201cIt helped,\u201d she said.";
    assertTrue(extract("utf8.txt", curly.getBytes(StandardCharsets.UTF_8)).warnings().isEmpty());
    Paper windows = extract("windows.txt", curly.getBytes(Charset.forName("windows-1252")));
    assertTrue(windows.warnings().contains("not valid UTF-8; read as ISO-8859-1"));
    assertTrue(windows.textLength() > 10_000, "read: " + windows.textLength());
  }
}
