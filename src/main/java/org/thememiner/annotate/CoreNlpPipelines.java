package org.thememiner.annotate;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One CoreNLP pipeline per JVM and settings ({@link AnnotatorSettings#output}). Loading the models costs about a second for pos/lemma and
 * twelve with NER, so every partition an executor runs reuses the same pipeline; StanfordCoreNLP is
 * thread-safe for {@code annotate}, so the executor's task threads share it.
 */
public final class CoreNlpPipelines {
  private static final ConcurrentMap<AnnotatorSettings.Output, StanfordCoreNLP> PIPELINES = new ConcurrentHashMap<>();

  private CoreNlpPipelines() {}

  public static StanfordCoreNLP get(AnnotatorSettings settings) {
    return PIPELINES.computeIfAbsent(settings.output(), o -> new StanfordCoreNLP(settings.toProperties()));
  }
}
