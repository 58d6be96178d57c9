package org.thememiner.themes;

/**
 * {@link TrimmedKMeans}: cosine k-means that leaves about {@code themes.outlierShare} of the sentences out as
 * outliers instead of forcing each into a theme. A member must also reach {@code themes.minScore}.
 */
final class TrimmedKMeansClustering implements CentresClustering {
  @Override
  public String name() {
    return "trimmed-kmeans";
  }

  @Override
  public TrimmedKMeans estimator(ThemeSettings s, int k) {
    return new TrimmedKMeans(k, s.seed(), s.outlierShare(), FEATURES);
  }
}
