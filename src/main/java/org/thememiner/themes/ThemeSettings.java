package org.thememiner.themes;

import java.io.Serializable;
import java.util.List;

/**
 * Parameters of theme discovery.
 *
 * @param k            number of themes; 0 chooses it automatically in [kMin, kMax] by silhouette
 * @param algorithm    {@code kmeans} or {@code bisecting-kmeans}
 * @param minTerms     sentences with fewer content terms are too thin to cluster and stay unassigned
 * @param minDocFreq   a term must occur in at least this many sentences to be a feature
 * @param vocabSize    at most this many features (most frequent first)
 * @param excludeParts canonical parts kept out of discovery (methods text says how, not what was found)
 * @param examples     representative sentences (and quotes) kept per theme
 */
public record ThemeSettings(
    int k, int kMin, int kMax, String algorithm, long seed, int minTerms, int minDocFreq, int vocabSize,
    List<String> excludeParts, int examples) implements Serializable {

  public static final ThemeSettings DEFAULT = new ThemeSettings(
      0, 4, 12, "kmeans", 42L, 3, 2, 20_000, List.of("methods", "references", "acknowledgements"), 5);

  public ThemeSettings {
    excludeParts = List.copyOf(excludeParts);
    if (k < 0) throw new IllegalArgumentException("themes.k must be >= 0 (0 = automatic), got " + k);
    if (k == 0 && (kMin < 2 || kMax < kMin)) {
      throw new IllegalArgumentException("themes.kMin/kMax must satisfy 2 <= kMin <= kMax, got " + kMin + ".." + kMax);
    }
    if (!List.of("kmeans", "bisecting-kmeans").contains(algorithm)) {
      throw new IllegalArgumentException("themes.algorithm must be kmeans or bisecting-kmeans, got " + algorithm);
    }
    if (minTerms < 1 || minDocFreq < 1 || vocabSize < 10 || examples < 1) {
      throw new IllegalArgumentException("themes.minTerms, minDocFreq, examples must be >= 1 and vocabSize >= 10");
    }
  }

  public ThemeSettings withK(int newK) {
    return new ThemeSettings(newK, kMin, kMax, algorithm, seed, minTerms, minDocFreq, vocabSize, excludeParts, examples);
  }

  public ThemeSettings withSeed(long newSeed) {
    return new ThemeSettings(k, kMin, kMax, algorithm, newSeed, minTerms, minDocFreq, vocabSize, excludeParts, examples);
  }
}
