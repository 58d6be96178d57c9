package org.thememiner.compare;

/**
 * @param matchThreshold a theme matches a construct when their similarity is at least this (in (0,1])
 * @param minPaperShare  a paper has a construct when at least this share of its assigned sentences lies in themes
 *                       mapped to the construct (in (0,1])
 * @param minCodingScore a sentence is coded with its most similar construct ({@link SentenceCoder}) when their
 *                       cosine is at least this (in [0,1))
 * @param exampleCoder   how coded examples code the corpus: one of {@link ExampleCoder#METHODS}
 * @param translationSimilarity author themes join one {@link Translation} group while their mean cosine is at least
 *                       this (in (0,1))
 * @param newConstructBelow a translation group whose nearest construct has a lower cosine is a candidate new
 *                       construct (in [0,1))
 */
public record ComparisonSettings(double matchThreshold, double minPaperShare, double minCodingScore, String exampleCoder,
    double translationSimilarity, double newConstructBelow) {
  /** The coder that measured best from three examples per construct in the default representation (BENCHMARKS.md). */
  private static final String DEFAULT_EXAMPLE_CODER = "centroid";
  /** Threshold and min share: see docs/constructs.md for how they were chosen. */
  public static final ComparisonSettings DEFAULT = new ComparisonSettings(0.25, 0.05, 0.05, DEFAULT_EXAMPLE_CODER, 0.5, 0.3);

  public ComparisonSettings {
    if (exampleCoder == null) exampleCoder = DEFAULT_EXAMPLE_CODER;
    if (!ExampleCoder.METHODS.contains(exampleCoder)) {
      throw new IllegalArgumentException("exampleCoder must be one of " + ExampleCoder.METHODS + ": " + exampleCoder);
    }
    if (!(matchThreshold > 0 && matchThreshold <= 1)) throw new IllegalArgumentException("matchThreshold must be in (0,1]: " + matchThreshold);
    if (!(minCodingScore >= 0 && minCodingScore < 1)) throw new IllegalArgumentException("minCodingScore must be in [0,1): " + minCodingScore);
    if (!(minPaperShare > 0 && minPaperShare <= 1)) throw new IllegalArgumentException("minPaperShare must be in (0,1]: " + minPaperShare);
    if (!(translationSimilarity > 0 && translationSimilarity < 1)) {
      throw new IllegalArgumentException("translationSimilarity must be in (0,1): " + translationSimilarity);
    }
    if (!(newConstructBelow >= 0 && newConstructBelow < 1)) throw new IllegalArgumentException("newConstructBelow must be in [0,1): " + newConstructBelow);
  }
}
