package org.thememiner.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thememiner.TestData;
import org.thememiner.annotate.AnnotatedSentence;
import org.thememiner.annotate.AnnotatorSettings;
import org.thememiner.annotate.SentenceAnnotator;
import org.thememiner.ingest.ExtractOptions;
import org.thememiner.ingest.InputFile;
import org.thememiner.ingest.InputScanner;
import org.thememiner.ingest.PaperReader;

/**
 * Sentences of two corpus papers as extraction and CoreNLP give them (Tully 2010 from its PDF, Gallacher 2013 from
 * its JATS), and whether each can stand as a theme's evidence.
 */
class FullSentenceTest {
  private static final Map<String, List<String>> TAGS = new HashMap<>();

  @BeforeAll
  static void annotate() throws Exception {
    SentenceAnnotator annotator = new SentenceAnnotator(AnnotatorSettings.DEFAULT);
    List<InputFile> files = InputScanner.scan(List.of(TestData.pdf("tully-2010-heart-failure-programmes.pdf").toString(),
        TestData.jats("journal.pmed.1001473.xml").toString()));
    for (InputFile f : files) {
      for (AnnotatedSentence s : annotator.annotate(PaperReader.read(f, ExtractOptions.DEFAULT))) TAGS.putIfAbsent(s.text(), s.pos());
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // structured-abstract labels
      "Objectives.|false", "Methods.|false", "Methods and Findings.|false", "Systematic Review Registration.|false",
      // an item of a list of topics
      "(ii) beliefs about their diagnosis of heart failure,|false",
      // a quote with its speaker tag, a finding with its source: the splitter cut the bracket off after the full stop
      "To me, it doesn’t matter. (Centre A, R3).|true",
      // sentences, some with a past tense CoreNLP tags as a participle (VBN) or a present as a base form (VB)
      "The programmes bolstered the confidence of participants by providing a benchmark of their health status.|true",
      "No one expressed having difficulty in maintaining the medication regimen.|true",
      "Care routines, no privacy, time constraints, and lack of familiar activities to perform limit autonomy. [111]|true",
      "Men showed vulnerability.|true",
      "Mr. D…can walk only 100 yards, but he wants to shop independently for groceries.|true",
      // a finding in a list of citations is more numbers than words; a sentence with a few numbers is a sentence
      "Disability since stroke (n=39) [7],[54]–[56],[58],[61],[63],[65],[67]–[69],[71],[76],[77],[79]–[83],[85],[89]–[92],"
          + "[95],[96],[99],[100],[102]–[104],[106],[108]–[110],[115],[117]–[119] was very variable.|false",
      "In one study, method of data analysis was not clear (n=1) [104].|true",
      "Participant numbers ranged from 1 to 113.|true"})
  void aSentenceHasAVerbAndAFewWords(String text, boolean full) {
    List<String> pos = TAGS.get(text);
    assertNotNull(pos, "a sentence of the papers: " + text);
    assertEquals(full, FullSentence.is(pos), text + " " + pos);
  }

  /** They were "sentences" the evidence had to refuse; now they are parts of the sentences they belong to. */
  @ParameterizedTest
  @CsvSource({"[95]", "'(Centre A, R3).'", "[111]"})
  void aCitationOrSpeakerTagIsNoSentenceOfItsOwn(String text) {
    assertNull(TAGS.get(text), text);
  }
}
