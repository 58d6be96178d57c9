package org.thememiner.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.thememiner.TestData;
import org.thememiner.ingest.ExtractOptions;
import org.thememiner.ingest.InputScanner;
import org.thememiner.ingest.Paper;
import org.thememiner.ingest.PaperReader;
import org.thememiner.ingest.Section;
import org.thememiner.ingest.StageCounters;

/** annotate.timeoutSeconds with real CoreNLP: a paper that would stall it is cut off, its partition goes on. */
class AnnotateTimeLimitTest {

  @Test
  void aPaperOverTheTimeLimitIsReportedAndThePapersAroundItInItsPartitionAreAnnotated() throws Exception {
    Paper article = PaperReader.read(InputScanner.scan(List.of(TestData.jats("journal.pone.0116586.xml").toString())).get(0),
        ExtractOptions.DEFAULT);
    Paper before = excerpt(article, "before");
    Paper after = excerpt(article, "after");
    // Endless text: binary garbage between 100 copies of the article's body, about a million tokens, which
    // CoreNLP needs minutes for; nothing the sentence-length limit would cut, so only the time limit stops it.
    List<Section> sections = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      sections.add(new Section("garbage " + i, "other", 1, null, "\u0000\u00ff%PDF\u0007 x\u00e9\u00b5 ".repeat(200), List.of()));
      for (Section s : article.sections()) sections.add(new Section(s.heading(), s.part(), s.level(), s.page(), s.text(), List.of()));
    }
    Paper endless = new Paper("endless", "/corpus/endless.xml", "0".repeat(64), "jats", "Endless", List.of(), null, null,
        null, sections, List.of(), List.of(), List.of());

    // Without a limit first: what the papers around the endless one must get (and CoreNLP's code warmed up, so
    // a few thousand characters take well under a second, far inside the limit below).
    SentenceAnnotator unlimited = new SentenceAnnotator(AnnotatorSettings.DEFAULT);
    List<AnnotatedSentence> beforeSentences = unlimited.annotate(before);
    List<AnnotatedSentence> afterSentences = unlimited.annotate(after);

    AnnotatorSettings fiveSeconds = new AnnotatorSettings(AnnotatorSettings.DEFAULT.annotators(), 200, false, 5, 20);
    JavaRDD<Paper> onePartition = JavaSparkContext.fromSparkContext(TestData.spark().sparkContext())
        .parallelize(List.of(before, endless, after), 1);
    List<AnnotateStage.Outcome> outcomes = new AnnotateStage(fiveSeconds).annotate(onePartition, StageCounters.NONE).collect();

    AnnotateStage.Outcome cut = outcomes.get(1);
    assertNull(cut.sentences(), "an abandoned paper gives no sentences");
    assertEquals("/corpus/endless.xml", cut.failure().path());
    assertEquals("endless", cut.failure().paperId());
    assertEquals("annotate", cut.failure().stage());
    assertTrue(cut.failure().reason().startsWith("CoreNLP did not finish within 5 s (annotate.timeoutSeconds): "
        + endless.textLength() + " characters of text"), cut.failure().reason());

    assertNull(outcomes.get(0).failure(), "the paper before it is annotated");
    assertNull(outcomes.get(2).failure(), "the paper after it is annotated");
    assertFalse(afterSentences.isEmpty());
    assertEquals(beforeSentences, outcomes.get(0).sentences(), "the paper before it is annotated as without a limit");
    assertEquals(afterSentences, outcomes.get(2).sentences(), "the paper after it is annotated as without a limit");

    // The abandoned worker stops at its next sentence; left running, it would take minutes.
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("thememiner-annotate-endless")) {
        t.join(60_000);
        assertFalse(t.isAlive(), "CoreNLP's worker thread stopped when interrupted");
      }
    }
  }

  /** The article's first two sections as a small paper of its own. */
  private static Paper excerpt(Paper article, String id) {
    return new Paper(id, "/corpus/" + id + ".xml", article.sha256(), article.format(), article.title(), article.authors(),
        article.year(), article.doi(), article.journal(), article.sections().subList(0, 2), List.of(), List.of(), List.of());
  }
}
