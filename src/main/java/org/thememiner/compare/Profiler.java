package org.thememiner.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.thememiner.annotate.TermAnalyzer;
import org.thememiner.themes.Evidence;
import org.thememiner.themes.Theme;

/**
 * Puts constructs and themes into one term space: construct text goes through the same {@link TermAnalyzer} as
 * the corpus sentences. A construct term's weight is the sum of the weights of the fields it occurs in (name
 * {@value #NAME_WEIGHT}, keywords {@value #KEYWORD_WEIGHT}, sub-themes {@value #SUB_THEME_WEIGHT}, description and
 * example phrases {@value #TEXT_WEIGHT}), times its inverse document frequency among the constructs of the set,
 * {@code 1 + ln((1 + n) / (1 + df))}, so that words every construct of a synthesis shares count less.
 */
public final class Profiler {
  static final double NAME_WEIGHT = 3;
  static final double KEYWORD_WEIGHT = 3;
  static final double SUB_THEME_WEIGHT = 1.5;
  static final double TEXT_WEIGHT = 1;

  private final TermAnalyzer analyzer;
  private final TermExpansion expansion;

  public Profiler(TermAnalyzer analyzer, TermExpansion expansion) {
    this.analyzer = analyzer;
    this.expansion = expansion;
  }

  /** Profiles of the set's constructs, in the set's order. */
  public List<ConstructProfile> profile(ConstructSet set) {
    List<Map<String, Double>> raw = new ArrayList<>();
    List<Set<String>> anchors = new ArrayList<>();
    Map<String, Integer> documentFrequency = new HashMap<>();
    Map<String, Integer> anchorFrequency = new HashMap<>();
    for (Construct c : set.constructs()) {
      // Names, keywords and phrases are title-cased or bare: lower-case them so the tagger lemmatises them as common words.
      Set<String> name = terms(List.of(c.name()), true);
      Set<String> keywords = terms(c.keywords(), true);
      Map<String, Double> weights = new LinkedHashMap<>();
      add(weights, name, NAME_WEIGHT);
      add(weights, keywords, KEYWORD_WEIGHT);
      add(weights, terms(c.subThemes(), true), SUB_THEME_WEIGHT);
      add(weights, terms(List.of(c.description()), false), TEXT_WEIGHT);
      add(weights, terms(c.examplePhrases(), true), TEXT_WEIGHT);
      // Names carry generic words ("condition", "quality"): only the curated keywords anchor evidence.
      Set<String> anchor = new LinkedHashSet<>(keywords);
      weights.keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
      anchor.forEach(t -> anchorFrequency.merge(t, 1, Integer::sum));
      raw.add(weights);
      anchors.add(anchor);
    }
    int n = set.constructs().size();
    List<ConstructProfile> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Double> weights = new LinkedHashMap<>();
      raw.get(i).forEach((t, w) -> weights.put(t, w * (1 + Math.log((1.0 + n) / (1.0 + documentFrequency.get(t))))));
      Set<String> distinctive = new LinkedHashSet<>(anchors.get(i));
      if (n > 1) distinctive.removeIf(t -> anchorFrequency.get(t) == n);
      out.add(new ConstructProfile(set.constructs().get(i), new TermVector(weights), vocabulary(weights.keySet()), distinctive));
    }
    return out;
  }

  public ThemeProfile profile(Theme theme) {
    Map<String, Double> keywords = new LinkedHashMap<>();
    for (int i = 0; i < theme.keywords().size(); i++) {
      keywords.merge(theme.keywords().get(i).toLowerCase(Locale.ROOT), Math.max(0, theme.keywordWeights().get(i)), Double::sum);
    }
    List<Set<String>> evidence = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (List<Evidence> list : List.of(theme.examples(), theme.quotes())) {
      for (Evidence e : list) {
        if (seen.add(e.paperId() + "#" + e.sentenceNo())) evidence.add(new HashSet<>(analyzer.terms(e.text())));
      }
    }
    return new ThemeProfile(theme, new TermVector(keywords), evidence);
  }

  /** The distinct terms of one field's texts. */
  private Set<String> terms(List<String> texts, boolean lowerCase) {
    Set<String> terms = new LinkedHashSet<>();
    for (String text : texts) terms.addAll(analyzer.terms(lowerCase ? text.toLowerCase(Locale.ROOT) : text));
    return terms;
  }

  /** A term in several fields sums their weights; within one field it counts once. */
  private static void add(Map<String, Double> weights, Set<String> fieldTerms, double fieldWeight) {
    for (String t : fieldTerms) weights.merge(t, fieldWeight, Double::sum);
  }

  private Map<String, Double> vocabulary(Set<String> own) {
    Map<String, Double> vocabulary = new HashMap<>();
    for (String t : own) {
      expansion.expand(t).forEach((related, share) -> vocabulary.merge(related, share, Math::max));
    }
    for (String t : own) vocabulary.put(t, 1.0);
    return vocabulary;
  }
}
