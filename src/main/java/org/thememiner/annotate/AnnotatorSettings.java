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
 */
public record AnnotatorSettings(String annotators, int maxSentenceTokens, boolean nerFineGrained) implements Serializable {

  public static final AnnotatorSettings DEFAULT = new AnnotatorSettings("tokenize,ssplit,pos,lemma", 200, false);

  public AnnotatorSettings {
    List<String> list = Arrays.stream(annotators.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    for (String required : List.of("tokenize", "ssplit", "pos", "lemma")) {
      if (!list.contains(required)) {
        throw new IllegalArgumentException("annotators must include " + required + " (got '" + annotators + "')");
      }
    }
    annotators = String.join(",", list);
    if (maxSentenceTokens < 10) throw new IllegalArgumentException("maxSentenceTokens must be >= 10");
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
