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
 * @param maxSentenceTokens sentences longer than this are not tagged (CoreNLP's {@code pos.maxlen}) and are
 *                          left out of theme discovery
 * @param nerFineGrained   with {@code ner}: also run SUTime and fine-grained NER (slow: off unless asked)
 * @param timeoutSeconds   a paper CoreNLP has not finished after this long is abandoned and reported
 */
public record AnnotatorSettings(String annotators, int maxSentenceTokens, boolean nerFineGrained, int timeoutSeconds)
    implements Serializable {

  public static final AnnotatorSettings DEFAULT = new AnnotatorSettings("tokenize,ssplit,pos,lemma", 200, false, 300);

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
  }

  public Output output() {
    return new Output(annotators, maxSentenceTokens, nerFineGrained);
  }

  public boolean ner() {
    return Arrays.asList(annotators.split(",")).contains("ner");
  }

  /** The CoreNLP properties these settings stand for; equal settings give equal properties. */
  public Properties toProperties() {
    Properties p = new Properties();
    p.setProperty("annotators", annotators);
    // Paragraphs are separated by blank lines: never let a sentence run across two of them.
    p.setProperty("ssplit.newlineIsSentenceBreak", "two");
    p.setProperty("pos.maxlen", Integer.toString(maxSentenceTokens));
    p.setProperty("parse.maxlen", Integer.toString(maxSentenceTokens));
    p.setProperty("tokenize.options", "untokenizable=noneDelete,invertible=false");
    if (ner()) {
      p.setProperty("ner.useSUTime", Boolean.toString(nerFineGrained));
      p.setProperty("ner.applyFineGrained", Boolean.toString(nerFineGrained));
      p.setProperty("ner.applyNumericClassifiers", Boolean.toString(nerFineGrained));
      p.setProperty("ner.buildEntityMentions", "false");
    }
    return p;
  }
}
