package org.thememiner.annotate;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Runs CoreNLP as the settings say, on one set of pipelines per JVM and settings ({@link AnnotatorSettings#output}).
 * Loading the models costs about a second for pos/lemma and twelve with NER, so every partition an executor runs
 * reuses the same pipelines; StanfordCoreNLP is thread-safe for {@code annotate}, so the executor's task threads
 * share them.
 */
public final class CoreNlpPipelines {
  /** Part of the sentence cache's key: sentences made before over-long ones were cut differ from these. */
  public static final String SENTENCE_BOUND = "sentences cut at maxSentenceTokens before tagging";

  /** Up to sentence splitting, and the annotators after it. */
  private record Pipelines(StanfordCoreNLP splitter, StanfordCoreNLP tagger) {}

  private static final ConcurrentMap<AnnotatorSettings.Output, Pipelines> PIPELINES = new ConcurrentHashMap<>();

  private CoreNlpPipelines() {}

  /**
   * Annotates {@code doc}: tokens and sentences, over-long sentences cut into pieces of at most
   * {@code maxSentenceTokens} tokens (CoreNLP's splitter has no length bound: text without sentence ends is one
   * sentence, however long), then the other annotators on those sentences.
   */
  public static void annotate(AnnotatorSettings settings, Annotation doc) {
    Pipelines p = PIPELINES.computeIfAbsent(settings.output(),
        o -> new Pipelines(new StanfordCoreNLP(settings.splitterProperties()), new StanfordCoreNLP(settings.taggerProperties())));
    p.splitter().annotate(doc);
    cutLongSentences(doc, settings.maxSentenceTokens());
    p.tagger().annotate(doc);
  }

  /** The sentences of {@code doc}, each longer than {@code max} tokens as consecutive pieces of {@code max} tokens. */
  static void cutLongSentences(Annotation doc, int max) {
    List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
    if (sentences.stream().allMatch(s -> s.get(CoreAnnotations.TokensAnnotation.class).size() <= max)) return;
    String text = doc.get(CoreAnnotations.TextAnnotation.class);
    List<CoreMap> cut = new ArrayList<>();
    for (CoreMap sentence : sentences) {
      List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
      if (tokens.size() <= max) {
        cut.add(sentence);
        continue;
      }
      int firstToken = sentence.get(CoreAnnotations.TokenBeginAnnotation.class);
      for (int from = 0; from < tokens.size(); from += max) {
        List<CoreLabel> piece = new ArrayList<>(tokens.subList(from, Math.min(tokens.size(), from + max)));
        int begin = piece.get(0).beginPosition();
        int end = piece.get(piece.size() - 1).endPosition();
        CoreMap p = new ArrayCoreMap(sentence);
        p.set(CoreAnnotations.TextAnnotation.class, text.substring(begin, end));
        p.set(CoreAnnotations.CharacterOffsetBeginAnnotation.class, begin);
        p.set(CoreAnnotations.CharacterOffsetEndAnnotation.class, end);
        p.set(CoreAnnotations.TokensAnnotation.class, piece);
        p.set(CoreAnnotations.TokenBeginAnnotation.class, firstToken + from);
        p.set(CoreAnnotations.TokenEndAnnotation.class, firstToken + from + piece.size());
        cut.add(p);
      }
    }
    for (int i = 0; i < cut.size(); i++) {
      cut.get(i).set(CoreAnnotations.SentenceIndexAnnotation.class, i);
      for (CoreLabel token : cut.get(i).get(CoreAnnotations.TokensAnnotation.class)) token.setSentIndex(i);
    }
    doc.set(CoreAnnotations.SentencesAnnotation.class, cut);
  }
}
