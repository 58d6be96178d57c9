package org.thememiner.compare;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Candidate themes compared with one construct set; serialised as JSON by the job (shape: docs/constructs.md).
 *
 * @param similarityWeights     the weight of each similarity component, summing to 1
 * @param constructs            per construct, in the set's order: its best theme
 * @param themes                per theme, in input order: its nearest construct, and the construct it maps to
 * @param coverage              share of constructs some theme matches (recall of the synthesis)
 * @param precision             share of themes that match some construct; a lower bound when {@code partial}
 * @param f1                    harmonic mean of coverage and precision
 * @param alignment             one-to-one theme-construct pairs maximising total similarity, only pairs that match
 * @param mapping               many-to-one: each matching theme with its most similar construct
 * @param unsupportedConstructs constructs no theme matches
 * @param candidateNewThemes    themes that match no construct
 * @param paperPresence         which papers have which construct, through the mapping
 */
public record ConstructComparison(
    String setId,
    String setName,
    String citation,
    String doi,
    boolean partial,
    double matchThreshold,
    double minPaperShare,
    Map<String, Double> similarityWeights,
    List<ConstructResult> constructs,
    List<ThemeResult> themes,
    SimilarityMatrix matrix,
    double coverage,
    double precision,
    double f1,
    List<ThemeConstructPair> alignment,
    List<ThemeConstructPair> mapping,
    List<String> unsupportedConstructs,
    List<Integer> candidateNewThemes,
    PaperPresence paperPresence) implements Serializable {

  /**
   * @param bestThemeId    the most similar theme (the first of equals), or null when no theme has a similarity above 0
   * @param supported      {@code similarity >= matchThreshold}
   * @param mappedThemeIds themes whose most similar construct this is, at or above the threshold
   */
  public record ConstructResult(String constructId, String name, String parent, Integer bestThemeId, double similarity,
      boolean supported, List<Integer> mappedThemeIds) implements Serializable {}

  /**
   * @param nearestConstructId the most similar construct (the first of equals) whatever the similarity, or null when all are 0
   * @param constructId        the construct the theme maps to, or null below the threshold: a candidate new theme
   * @param components         each similarity component's score against the nearest construct
   */
  public record ThemeResult(int themeId, String label, String nearestConstructId, double similarity, String constructId,
      Map<String, Double> components) implements Serializable {}

  public record ThemeConstructPair(int themeId, String constructId, double similarity) implements Serializable {}

  /** {@code values[i][j]} is the similarity of theme {@code themeIds[i]} and construct {@code constructIds[j]}. */
  public record SimilarityMatrix(List<Integer> themeIds, List<String> constructIds, double[][] values) implements Serializable {}

  /**
   * @param share   {@code share[i][j]}: share of paper i's assigned sentences in themes mapped to construct j
   * @param present {@code share[i][j] >= minPaperShare}
   */
  public record PaperPresence(List<String> paperIds, List<String> constructIds, double[][] share, boolean[][] present)
      implements Serializable {}

  /** The construct a theme's sentences are labelled with in this set, or empty for a candidate new theme. */
  public Optional<ThemeConstructPair> constructFor(int themeId) {
    return mapping.stream().filter(p -> p.themeId() == themeId).findFirst();
  }
}
