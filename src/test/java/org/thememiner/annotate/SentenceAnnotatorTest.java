package org.thememiner.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.TestData;
import org.thememiner.ingest.ExtractOptions;
import org.thememiner.ingest.InputScanner;
import org.thememiner.ingest.Paper;
import org.thememiner.ingest.PaperReader;
import org.thememiner.ingest.Section;

/** annotate.maxSentenceTokens with real CoreNLP on a real article; what a transcript's turns make of sentences. */
class SentenceAnnotatorTest {

  /** Citations and attributions the splitter sets apart after a full stop belong to the sentence before them. */
  @Test
  void aBracketedTrailerJoinsItsSentence() {
    String text = "Survivors valued continuity of care. [95]\n\n"
        + "I kinda just went into a bit of a trough. (Centre A, R1).\n\n"
        + "Carers felt unprepared (Bendz, 2003). (Smith et al. 2010; Jones 2011).\n\n"
        + "[12]";
    Paper paper = new Paper("p", "/corpus/p.txt", "0".repeat(64), "text", "P", List.of(), null, null, null,
        List.of(new Section("Findings", "results", 1, null, text, List.of())), List.of(), List.of(), List.of());
    List<AnnotatedSentence> sentences = new SentenceAnnotator(AnnotatorSettings.DEFAULT).annotate(paper);

    assertEquals(List.of("Survivors valued continuity of care. [95]",
        "I kinda just went into a bit of a trough. (Centre A, R1).",
        "Carers felt unprepared (Bendz, 2003). (Smith et al. 2010; Jones 2011).", "[12]"),
        sentences.stream().map(AnnotatedSentence::text).toList());
    assertEquals(List.of(0, 1, 2, 3), sentences.stream().map(AnnotatedSentence::sentenceNo).toList());
    AnnotatedSentence quote = sentences.get(1);
    assertEquals(quote.tokens().size(), quote.lemmas().size());
    assertEquals(quote.tokens().size(), quote.pos().size());
    assertTrue(quote.tokens().contains("R1"), "the trailer's tokens join the sentence's: " + quote.tokens());
    assertFalse(quote.terms().contains("centre"), "but not its words as terms: " + quote.terms());
  }

  @Test
  void everySentenceOfAnInterviewersTurnIsMarked(@TempDir Path dir) throws Exception {
    Path transcript = Files.writeString(dir.resolve("interview-4.txt"), """
        Interviewer: Thank you for joining. Can you tell me about the data you work with? Anything at all.

        Interviewee: We forecast sales. The weather data we bought was wrong for a month.

        interviewer: How did you notice?
        """);
    Paper paper = PaperReader.read(InputScanner.scan(List.of(transcript.toString())).get(0), ExtractOptions.DEFAULT);
    List<AnnotatedSentence> sentences = new SentenceAnnotator(AnnotatorSettings.DEFAULT).annotate(paper);

    assertEquals(List.of("Interviewer: Thank you for joining.", "Can you tell me about the data you work with?",
        "Anything at all.", "Interviewee: We forecast sales.", "The weather data we bought was wrong for a month.",
        "interviewer: How did you notice?"), sentences.stream().map(AnnotatedSentence::text).toList());
    assertEquals(List.of(true, true, true, false, false, true),
        sentences.stream().map(AnnotatedSentence::interviewerTurn).toList());
    assertEquals(List.of(false, false, false, true, true, false), sentences.stream().map(AnnotatedSentence::quote).toList());
  }

  /** Lines of the interviews the README's transcript section ran on (36 interviews with machine-learning engineers). */
  @Test
  void conversationalFormulasAndStanceMarkersAreNoTerms() {
    String text = "Interviewee: Thank you so much.\n\n"
        + "Okay, perfect.\n\n"
        + "Have a good evening.\n\n"
        + "Mm-hmm.\n\n"
        + "That's a good question.\n\n"
        + "I think the data is complex, you know, and I don't know, honestly.\n\n"
        + "We didn't know what to expect from the programme.\n\n"
        + "We had a good relationship with the data team, thanks to our manager.\n\n"
        + "Nobody knows what the model means.";
    Paper paper = new Paper("interview-1", "/corpus/interview-1.txt", "0".repeat(64), "text", "Interview 1", List.of(),
        null, null, null, List.of(new Section("", "other", 1, null, text, List.of())), List.of(), List.of(), List.of());
    List<List<String>> terms = new SentenceAnnotator(AnnotatorSettings.DEFAULT).annotate(paper).stream()
        .map(AnnotatedSentence::terms).toList();

    assertEquals(List.of(List.of(), List.of(), List.of(), List.of(), List.of()), terms.subList(0, 5),
        "thanks, approval, leave-taking, a filler, a comment on the question");
    assertEquals(List.of("datum", "complex"), terms.get(5), "\"I think\", \"you know\", \"I don't know\" say no subject");
    assertTrue(terms.get(6).containsAll(List.of("know", "expect", "programme")), "what was not known: " + terms.get(6));
    assertTrue(terms.get(7).containsAll(List.of("good", "relationship", "thanks", "manager")),
        "the same words in a sentence that says something: " + terms.get(7));
    assertEquals(List.of("know", "model", "mean"), terms.get(8), "the verbs with another subject, not \"nobody\"");
  }

  @Test
  void textWithoutSentenceEndsIsCutIntoTaggedPiecesOfTheLimit() throws Exception {
    Paper article = PaperReader.read(InputScanner.scan(List.of(TestData.jats("journal.pone.0116586.xml").toString())).get(0),
        ExtractOptions.DEFAULT);
    // The article's body as one line without a full stop, question or exclamation mark: one "sentence".
    String run = String.join(" ", article.sections().stream().map(Section::text).toList())
        .replaceAll("[.?!]", " ").replaceAll("\\s+", " ");
    Paper oneLine = new Paper("one-line", "/corpus/one-line.txt", "0".repeat(64), "text", "One line", List.of(), null,
        null, null, List.of(new Section("", "other", 1, null, run, List.of())), List.of(), List.of(), List.of());

    AnnotatorSettings settings = new AnnotatorSettings(AnnotatorSettings.DEFAULT.annotators(), 50, false, 300, 20);
    List<AnnotatedSentence> sentences = new SentenceAnnotator(settings).annotate(oneLine);

    int tokens = sentences.stream().mapToInt(s -> s.tokens().size()).sum();
    assertTrue(tokens > 5_000, "the article's tokens: " + tokens);
    assertEquals((tokens + 49) / 50, sentences.size(), "pieces of 50 tokens, the last one shorter");
    for (int i = 0; i < sentences.size(); i++) {
      AnnotatedSentence s = sentences.get(i);
      assertEquals(i, s.sentenceNo());
      assertEquals(i < sentences.size() - 1 ? 50 : tokens - 50 * i, s.tokens().size(), "sentence " + i);
      assertFalse(s.pos().contains("X"), "every piece is tagged: " + s.pos());
      assertTrue(run.contains(s.text()), "a piece's text is a span of the input: " + s.text());
    }
    assertTrue(sentences.stream().mapToLong(s -> s.terms().size()).sum() > 1_000, "the pieces give theme terms");
  }

  /** Splitting and tagging in two pipelines tags a paper whose sentences are within the limit as one pipeline does. */
  @Test
  void sentencesWithinTheLimitAreTaggedAsByOnePipeline() throws Exception {
    Paper article = PaperReader.read(InputScanner.scan(List.of(TestData.jats("journal.pone.0116586.xml").toString())).get(0),
        ExtractOptions.DEFAULT);
    Properties oneStep = new Properties();
    oneStep.setProperty("annotators", "tokenize,ssplit,pos,lemma");
    oneStep.setProperty("ssplit.newlineIsSentenceBreak", "two");
    oneStep.setProperty("tokenize.options", "untokenizable=noneDelete,invertible=false");
    StanfordCoreNLP pipeline = new StanfordCoreNLP(oneStep);
    List<List<String>> expected = new ArrayList<>();
    for (Section section : article.sections().subList(0, 3)) {
      Annotation doc = new Annotation(section.text());
      pipeline.annotate(doc);
      for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
        expected.add(sentence.get(CoreAnnotations.TokensAnnotation.class).stream().map(l -> l.word() + "/" + l.tag() + "/" + l.lemma()).toList());
      }
    }
    Paper firstSections = new Paper("first", article.source(), article.sha256(), article.format(), article.title(), List.of(),
        null, null, null, article.sections().subList(0, 3), List.of(), List.of(), List.of());
    List<List<String>> got = new SentenceAnnotator(AnnotatorSettings.DEFAULT).annotate(firstSections).stream()
        .map(s -> IntStream.range(0, s.tokens().size()).mapToObj(i -> s.tokens().get(i) + "/" + s.pos().get(i) + "/" + s.lemmas().get(i)).toList())
        .toList();
    assertTrue(expected.size() > 10 && expected.stream().allMatch(s -> s.size() <= 200), "sentences: " + expected.size());
    assertEquals(expected, got);
  }
}
