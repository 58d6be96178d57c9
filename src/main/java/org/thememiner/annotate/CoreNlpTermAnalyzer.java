package org.thememiner.annotate;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import java.util.ArrayList;
import java.util.List;

/** {@link TermAnalyzer} with the same CoreNLP lemmas and {@link ContentTerms} filter as the annotate stage. */
public final class CoreNlpTermAnalyzer implements TermAnalyzer {
  private final AnnotatorSettings settings;

  public CoreNlpTermAnalyzer(AnnotatorSettings settings) {
    this.settings = settings;
  }

  @Override
  public List<String> terms(String text) {
    Annotation doc = new Annotation(text);
    CoreNlpPipelines.annotate(settings, doc);
    List<String> lemmas = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    for (CoreLabel l : doc.get(CoreAnnotations.TokensAnnotation.class)) {
      lemmas.add(l.lemma() != null ? l.lemma() : l.word());
      tags.add(l.tag() != null ? l.tag() : "X");
    }
    return ContentTerms.of(lemmas, tags);
  }
}
