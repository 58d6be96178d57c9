package org.thememiner.annotate;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.thememiner.ingest.Paper;
import org.thememiner.ingest.QuoteSpan;
import org.thememiner.ingest.Section;

/** Splits a paper's sections into sentences and annotates them with the JVM's shared CoreNLP pipelines. */
public final class SentenceAnnotator {
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n\\s*");
  /**
   * A "sentence" that is nothing but bracketed groups: a citation ("[95]", "[76], [77]", "(Bendz, 2003).") or a
   * quote's attribution ("(Centre A, R4).") that the splitter set apart after the full stop of the sentence it belongs
   * to. It is not a sentence of its own.
   */
  private static final Pattern BRACKETED =
      Pattern.compile("(?:\\s*(?:\\[[^\\[\\]]{1,80}\\]|\\([^()]{1,80}\\))\\s*[,;\u2013-]?)+\\s*[.,;]?\\s*");
  private final AnnotatorSettings settings;

  public SentenceAnnotator(AnnotatorSettings settings) {
    this.settings = settings;
  }

  public List<AnnotatedSentence> annotate(Paper paper) {
    List<AnnotatedSentence> out = new ArrayList<>();
    int paragraphsBefore = 0;
    for (Section section : paper.sections()) {
      if (section.text().isBlank()) continue;
      int sectionStart = out.size();
      Annotation doc = new Annotation(section.text());
      CoreNlpPipelines.annotate(settings, doc);
      // Paragraphs are separated by a blank line, which CoreNLP's splitter also treats as a sentence break.
      int[] paragraphStarts = paragraphStarts(section.text());
      for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
        List<CoreLabel> labels = sentence.get(CoreAnnotations.TokensAnnotation.class);
        if (labels.isEmpty()) continue;
        int begin = sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
        int end = sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
        List<String> tokens = new ArrayList<>(labels.size());
        List<String> lemmas = new ArrayList<>(labels.size());
        List<String> tags = new ArrayList<>(labels.size());
        List<String> ner = new ArrayList<>(settings.ner() ? labels.size() : 0);
        for (CoreLabel l : labels) {
          tokens.add(l.word());
          lemmas.add(l.lemma() != null ? l.lemma() : l.word());
          tags.add(l.tag() != null ? l.tag() : "X");
          if (settings.ner()) ner.add(l.ner() != null ? l.ner() : "O");
        }
        String text = sentence.get(CoreAnnotations.TextAnnotation.class).replaceAll("\\s+", " ");
        int paragraph = paragraphsBefore + paragraphOf(paragraphStarts, begin);
        AnnotatedSentence previous = out.size() > sectionStart ? out.get(out.size() - 1) : null;
        if (previous != null && previous.paragraph() == paragraph && BRACKETED.matcher(text).matches()) {
          out.set(out.size() - 1, withTrailer(previous, text, tokens, lemmas, tags, ner));
          continue;
        }
        QuoteSpan quote = quoteAt(section, begin, end);
        out.add(new AnnotatedSentence(
            paper.id(), section.heading(), section.part(), out.size(), paragraph, section.page(), text,
            tokens, lemmas, tags, ner, ContentTerms.withPhrases(lemmas, tags), quote != null, quote == null ? null : quote.attribution(),
            inInterviewerTurn(section, begin, end)));
      }
      paragraphsBefore += paragraphStarts.length;
    }
    return out;
  }

  /**
   * The sentence with a bracketed trailer the splitter cut off after its full stop: its tokens join the sentence's,
   * its words not the sentence's terms (a citation or a speaker's label says where the words come from, not what they
   * are about).
   */
  private static AnnotatedSentence withTrailer(AnnotatedSentence s, String trailer, List<String> tokens,
      List<String> lemmas, List<String> tags, List<String> ner) {
    return new AnnotatedSentence(s.paperId(), s.section(), s.part(), s.sentenceNo(), s.paragraph(), s.page(),
        s.text() + " " + trailer, concat(s.tokens(), tokens), concat(s.lemmas(), lemmas), concat(s.pos(), tags),
        concat(s.ner(), ner), s.terms(), s.quote(), s.quoteAttribution(), s.interviewerTurn());
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** Offsets where the paragraphs of {@code text} start: 0, then after each run of blank lines. */
  static int[] paragraphStarts(String text) {
    Matcher m = PARAGRAPH_BREAK.matcher(text);
    List<Integer> starts = new ArrayList<>(List.of(0));
    while (m.find()) starts.add(m.end());
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Index of the paragraph that holds {@code offset}. */
  static int paragraphOf(int[] starts, int offset) {
    int i = Arrays.binarySearch(starts, offset);
    return i >= 0 ? i : -i - 2;
  }

  /** The quote that holds most of [begin, end), if any. */
  private static QuoteSpan quoteAt(Section section, int begin, int end) {
    for (QuoteSpan q : section.quotes()) {
      if (holdsMost(q.start(), q.end(), begin, end)) return q;
    }
    return null;
  }

  private static boolean inInterviewerTurn(Section section, int begin, int end) {
    return section.interviewerTurns().stream().anyMatch(t -> holdsMost(t.start(), t.end(), begin, end));
  }

  /** Whether [start, end) holds more than half of [begin, finish). */
  private static boolean holdsMost(int start, int end, int begin, int finish) {
    return (Math.min(finish, end) - Math.max(begin, start)) * 2 > finish - begin;
  }
}
