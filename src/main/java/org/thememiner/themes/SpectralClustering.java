package org.thememiner.themes;

/**
 * {@link SpectralKMeans}: spectral clustering on the sentences' nearest-neighbour graph; every placed sentence joins
 * the theme whose centre is nearest (its model leaves no outliers), and a member must reach {@code themes.minScore}.
 */
final class SpectralClustering implements CentresClustering {
  @Override
  public String name() {
    return "spectral";
  }

  @Override
  public SpectralKMeans estimator(ThemeSettings s, int k) {
    return new SpectralKMeans(k, s.seed(), s.restarts(), FEATURES);
  }
}
