package org.thememiner.compare;

import java.util.Map;

/**
 * Cosine between the weighted mean word vectors of the theme's keywords and of the construct's terms, negative
 * values clipped to 0. The word vectors come from the themes stage; terms without a vector are left out, and a
 * side with no vector at all scores 0.
 */
public final class EmbeddingCosine implements ThemeConstructSimilarity {
  private final Map<String, float[]> vectors;

  public EmbeddingCosine(Map<String, float[]> vectors) {
    this.vectors = Map.copyOf(vectors);
  }

  @Override
  public double score(ThemeProfile theme, ConstructProfile construct) {
    double[] a = centroid(theme.keywords());
    double[] b = centroid(construct.terms());
    if (a == null || b == null) return 0;
    double dot = 0, na = 0, nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : Math.max(0, Math.min(1, dot / Math.sqrt(na * nb)));
  }

  private double[] centroid(TermVector terms) {
    double[] sum = null;
    for (Map.Entry<String, Double> e : terms.weights().entrySet()) {
      float[] v = vectors.get(e.getKey());
      if (v == null) continue;
      if (sum == null) sum = new double[v.length];
      if (v.length != sum.length) throw new IllegalArgumentException("word vectors differ in dimension at '" + e.getKey() + "'");
      for (int i = 0; i < v.length; i++) sum[i] += e.getValue() * v[i];
    }
    return sum;
  }
}
