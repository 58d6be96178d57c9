package org.thememiner.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.thememiner.annotate.AnnotatorSettings;
import org.thememiner.annotate.CoreNlpTermAnalyzer;
import org.thememiner.annotate.TermAnalyzer;
import org.thememiner.themes.Evidence;
import org.thememiner.themes.Theme;

/**
 * The real CoreNLP analyzer (memoised: the calibration test analyses the same sentences for keywords and evidence)
 * and WordNet, loaded once per test JVM, and builders for hand-made themes.
 */
final class CompareFixtures {
  static final Path CONSTRUCTS = Path.of("models/constructs");
  static final TermAnalyzer ANALYZER = memoised(new CoreNlpTermAnalyzer(AnnotatorSettings.DEFAULT));
  static final WordNetExpansion WORDNET = WordNetExpansion.load();
  static final Profiler PROFILER = new Profiler(ANALYZER, WORDNET);

  private CompareFixtures() {}

  private static TermAnalyzer memoised(TermAnalyzer analyzer) {
    Map<String, List<String>> cache = new ConcurrentHashMap<>();
    return text -> cache.computeIfAbsent(text, analyzer::terms);
  }

  static ConstructSet set(String id) {
    return ConstructSets.load(CONSTRUCTS.resolve(id + ".yaml"));
  }

  /** A theme of one paper whose keyword weights fall from 1 in steps of 0.1, with the sentences as examples. */
  static Theme theme(int id, List<String> keywords, List<String> sentences) {
    List<Double> weights = new ArrayList<>();
    for (int i = 0; i < keywords.size(); i++) weights.add(Math.max(0.1, 1 - 0.1 * i));
    List<Evidence> examples = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) examples.add(new Evidence("paper-" + id, "results", i, null, sentences.get(i), false, 0.9));
    return new Theme(id, String.join("-", keywords.subList(0, Math.min(3, keywords.size()))), keywords, weights,
        sentences.size(), List.of("paper-" + id), Map.of("paper-" + id, 0.2), "paper-" + id, 1.0, examples, List.of());
  }

  /**
   * The theme with other papers and shares; its largest paper is the one of the highest share, holding the theme in
   * proportion to the shares, as if the papers were of one length.
   */
  static Theme withShares(Theme t, Map<String, Double> shares) {
    Map.Entry<String, Double> top = shares.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    double total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
    return new Theme(t.id(), t.label(), t.keywords(), t.keywordWeights(), t.size(), List.copyOf(shares.keySet()), shares,
        top.getKey(), top.getValue() / total, t.examples(), t.quotes());
  }
}
