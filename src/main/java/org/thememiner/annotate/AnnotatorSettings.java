package org.thememiner.annotate;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What the annotate stage runs: the CoreNLP annotator list and the limits that keep a pathological
 * paper (one endless "sentence", binary garbage) from stalling a partition.
 *
 * @param annotators       CoreNLP annotators, e.g. {@code tokenize,ssplit,pos,lemma}
 * @param maxSentenceTokens sentences longer than this (text without sentence ends) are cut into pieces of this
 *                          many tokens before they are tagged
 * @param nerFineGrained   with {@code ner}: also run SUTime and fine-grained NER (slow: off unless asked)
 * @param timeoutSeconds   a paper CoreNLP has not finished after this long is abandoned and reported
 * @param cacheBatchPapers papers a task annotates before it commits their sentences to the cache: at most this
 *                         many per task are annotated again after a run is killed
 */
public record AnnotatorSettings(String annotators, int maxSentenceTokens, boolean nerFineGrained, int timeoutSeconds,
    int cacheBatchPapers) implements Serializable {

  public static final AnnotatorSettings DEFAULT = new AnnotatorSettings("tokenize,ssplit,pos,lemma", 200, false, 300, 20);

  /**
   * The settings that shape the sentences: everything but the time limit, which only decides whether a paper
   * gets sentences at all. Keys the cache and the JVM's pipelines, so a new limit neither invalidates cached
   * sentences nor loads a second pipeline. (Its JSON is that of these settings before the limit existed, so
   * caches written then stay valid.)
   */
  public record Output(String annotators, int maxSentenceTokens, boolean nerFineGrained) implements Serializable {}

  public AnnotatorSettings {
    List<String> list = Arrays.stream(annotators.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    for (String required : List.of("tokenize", "ssplit", "pos", "lemma")) {
      if (!list.contains(required)) {
        throw new IllegalArgumentException("annotators must include " + required + " (got '" + annotators + "')");
      }
    }
    annotators = String.join(",", list);
    if (maxSentenceTokens < 10) throw new IllegalArgumentException("maxSentenceTokens must be >= 10");
    if (timeoutSeconds <= 0) throw new IllegalArgumentException("timeoutSeconds must be positive: " + timeoutSeconds);
    if (cacheBatchPapers <= 0) throw new IllegalArgumentException("cacheBatchPapers must be positive: " + cacheBatchPapers);
  }

  public Output output() {
    return new Output(annotators, maxSentenceTokens, nerFineGrained);
  }

  public boolean ner() {
    return list().contains("ner");
  }

  /** CoreNLP properties of the annotators up to the sentence splitter; equal settings give equal properties. */
  Properties splitterProperties() {
    Properties p = new Properties();
    p.setProperty("annotators", String.join(",", list().subList(0, list().indexOf("ssplit") + 1)));
    // Paragraphs are separated by blank lines: never let a sentence run across two of them.
    p.setProperty("ssplit.newlineIsSentenceBreak", "two");
    p.setProperty("tokenize.options", "untokenizable=noneDelete,invertible=false");
    return p;
  }

  /**
   * CoreNLP properties of the annotators after the sentence splitter, run on its sentences once over-long ones are
   * cut ({@link CoreNlpPipelines}): they need not check the tokenizer and splitter are in the same pipeline.
   */
  Properties taggerProperties() {
    Properties p = new Properties();
    p.setProperty("annotators", String.join(",", list().subList(list().indexOf("ssplit") + 1, list().size())));
    p.setProperty("enforceRequirements", "false");
    if (ner()) {
      p.setProperty("ner.useSUTime", Boolean.toString(nerFineGrained));
      p.setProperty("ner.applyFineGrained", Boolean.toString(nerFineGrained));
      p.setProperty("ner.applyNumericClassifiers", Boolean.toString(nerFineGrained));
      p.setProperty("ner.buildEntityMentions", "false");
    }
    return p;
  }

  private List<String> list() {
    return Arrays.asList(annotators.split(","));
  }
}
