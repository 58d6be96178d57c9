package org.thememiner.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.thememiner.compare.ConstructComparison.ConstructResult;
import org.thememiner.compare.ConstructComparison.PaperPresence;
import org.thememiner.compare.ConstructComparison.SimilarityMatrix;
import org.thememiner.compare.ConstructComparison.ThemeConstructPair;
import org.thememiner.compare.ConstructComparison.ThemeResult;
import org.thememiner.themes.Theme;

/**
 * Compares candidate themes with construct sets: similarity matrix, matches, agreement figures, paper presence.
 * When the themes' sentences have been coded one by one ({@link SentenceCoder}), the share of a theme's sentences
 * coded with a construct is one more piece of evidence: the similarity becomes {@code (1 - }{@value #CODED_WEIGHT}
 * {@code ) * similarity + }{@value #CODED_WEIGHT}{@code  * coded share}.
 */
public final class ConstructComparator {
  /** Name of the coded-share component in {@link ConstructComparison#similarityWeights()} and per-theme components. */
  public static final String CODED = "coded";
  /** Weight of the coded share when the themes' sentences were coded. */
  public static final double CODED_WEIGHT = 0.25;

  private final Profiler profiler;
  private final WeightedSimilarity similarity;
  private final ComparisonSettings settings;

  public ConstructComparator(Profiler profiler, WeightedSimilarity similarity, ComparisonSettings settings) {
    this.profiler = profiler;
    this.similarity = similarity;
    this.settings = settings;
  }

  /** One comparison per set, in the sets' order; the themes are profiled once. */
  public List<ConstructComparison> compare(List<ConstructSet> sets, List<Theme> themes) {
    return compare(sets, themes, Map.of());
  }

  /**
   * @param codedShares per construct set id, per theme id, the share of the theme's sentences coded with each
   *                    construct id of the set; a set that is absent is compared without coded evidence
   */
  public List<ConstructComparison> compare(List<ConstructSet> sets, List<Theme> themes,
      Map<String, Map<Integer, Map<String, Double>>> codedShares) {
    List<ThemeProfile> profiles = themes.stream().map(profiler::profile).toList();
    return sets.stream().map(set -> compareProfiles(set, profiles, codedShares.get(set.id()))).toList();
  }

  public ConstructComparison compare(ConstructSet set, List<Theme> themes) {
    return compare(List.of(set), themes).get(0);
  }

  /** @param codedShares as in {@link #compare(List, List, Map)}, for this set */
  public ConstructComparison compare(ConstructSet set, List<Theme> themes, Map<Integer, Map<String, Double>> codedShares) {
    return compare(List.of(set), themes, Map.of(set.id(), codedShares)).get(0);
  }

  private ConstructComparison compareProfiles(ConstructSet set, List<ThemeProfile> themes,
      Map<Integer, Map<String, Double>> coded) {
    List<ConstructProfile> constructs = profiler.profile(set);
    int nt = themes.size();
    int nc = constructs.size();
    double threshold = settings.matchThreshold();
    double[][] values = new double[nt][nc];
    for (int i = 0; i < nt; i++) {
      for (int j = 0; j < nc; j++) {
        values[i][j] = similarity.score(themes.get(i), constructs.get(j));
        if (coded != null) values[i][j] = (1 - CODED_WEIGHT) * values[i][j] + CODED_WEIGHT * codedShare(coded, themes.get(i), constructs.get(j));
      }
    }

    List<ThemeResult> themeResults = new ArrayList<>();
    List<ThemeConstructPair> mapping = new ArrayList<>();
    List<Integer> candidateNewThemes = new ArrayList<>();
    int[] mappedTo = new int[nt];
    for (int i = 0; i < nt; i++) {
      int best = argmax(values[i]);
      ThemeProfile theme = themes.get(i);
      String nearest = values[i][best] > 0 ? constructs.get(best).id() : null;
      boolean matched = values[i][best] >= threshold;
      mappedTo[i] = matched ? best : -1;
      if (matched) mapping.add(new ThemeConstructPair(theme.id(), nearest, values[i][best]));
      else candidateNewThemes.add(theme.id());
      Map<String, Double> components = similarity.components(theme, constructs.get(best));
      if (coded != null) components.put(CODED, codedShare(coded, theme, constructs.get(best)));
      themeResults.add(new ThemeResult(theme.id(), theme.theme().label(), nearest, values[i][best], matched ? nearest : null,
          components));
    }

    List<ConstructResult> constructResults = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    for (int j = 0; j < nc; j++) {
      Construct c = constructs.get(j).construct();
      int best = -1;
      for (int i = 0; i < nt; i++) if (best < 0 || values[i][j] > values[best][j]) best = i;
      double sim = best < 0 ? 0 : values[best][j];
      boolean supported = sim >= threshold;
      if (!supported) unsupported.add(c.id());
      List<Integer> mapped = new ArrayList<>();
      for (int i = 0; i < nt; i++) if (mappedTo[i] == j) mapped.add(themes.get(i).id());
      constructResults.add(new ConstructResult(c.id(), c.name(), c.parent(), sim > 0 ? themes.get(best).id() : null, sim,
          supported, mapped));
    }

    double coverage = (double) (nc - unsupported.size()) / nc;
    double precision = nt == 0 ? 0 : (double) mapping.size() / nt;
    double f1 = coverage + precision == 0 ? 0 : 2 * coverage * precision / (coverage + precision);

    List<ThemeConstructPair> alignment = new ArrayList<>();
    int[] assigned = Hungarian.maximise(values);
    for (int i = 0; i < nt; i++) {
      int j = assigned[i];
      if (j >= 0 && values[i][j] >= threshold) alignment.add(new ThemeConstructPair(themes.get(i).id(), constructs.get(j).id(), values[i][j]));
    }

    List<Integer> themeIds = themes.stream().map(ThemeProfile::id).toList();
    List<String> constructIds = constructs.stream().map(ConstructProfile::id).toList();
    Map<String, Double> weights = similarity.weights();
    if (coded != null) {
      weights.replaceAll((name, w) -> (1 - CODED_WEIGHT) * w);
      weights.put(CODED, CODED_WEIGHT);
    }
    return new ConstructComparison(set.id(), set.name(), set.citation(), set.doi(), set.partial(), threshold,
        settings.minPaperShare(), weights, constructResults, themeResults,
        new SimilarityMatrix(themeIds, constructIds, values), coverage, precision, f1, alignment, mapping, unsupported,
        candidateNewThemes, paperPresence(themes, mappedTo, constructIds));
  }

  /** A paper's share of sentences in a construct is the sum of its shares in the themes mapped to the construct. */
  private PaperPresence paperPresence(List<ThemeProfile> themes, int[] mappedTo, List<String> constructIds) {
    TreeSet<String> papers = new TreeSet<>();
    for (ThemeProfile t : themes) papers.addAll(t.theme().paperShare().keySet());
    List<String> paperIds = List.copyOf(papers);
    Map<String, Integer> row = new HashMap<>();
    for (String p : paperIds) row.put(p, row.size());
    double[][] share = new double[paperIds.size()][constructIds.size()];
    for (int i = 0; i < themes.size(); i++) {
      if (mappedTo[i] < 0) continue;
      for (Map.Entry<String, Double> e : themes.get(i).theme().paperShare().entrySet()) {
        share[row.get(e.getKey())][mappedTo[i]] += e.getValue();
      }
    }
    boolean[][] present = new boolean[paperIds.size()][constructIds.size()];
    for (int p = 0; p < paperIds.size(); p++) {
      for (int j = 0; j < constructIds.size(); j++) present[p][j] = share[p][j] >= settings.minPaperShare();
    }
    return new PaperPresence(paperIds, constructIds, share, present);
  }

  private static double codedShare(Map<Integer, Map<String, Double>> coded, ThemeProfile theme, ConstructProfile construct) {
    return coded.getOrDefault(theme.id(), Map.of()).getOrDefault(construct.id(), 0.0);
  }

  private static int argmax(double[] row) {
    int best = 0;
    for (int j = 1; j < row.length; j++) if (row[j] > row[best]) best = j;
    return best;
  }
}
