package org.thememiner.compare;

import java.util.Map;

/**
 * Share of the theme's keyword weight that the construct's WordNet-expanded vocabulary accounts for: a keyword
 * counts fully when it is a construct term, half when it is a synonym of one, a quarter when a direct hypernym.
 * It catches themes that say "physician" where the construct says "doctor".
 */
public final class WordNetOverlap implements ThemeConstructSimilarity {
  @Override
  public double score(ThemeProfile theme, ConstructProfile construct) {
    double total = theme.keywords().total();
    if (total == 0) return 0;
    double matched = 0;
    for (Map.Entry<String, Double> k : theme.keywords().weights().entrySet()) {
      matched += k.getValue() * construct.vocabulary().getOrDefault(k.getKey(), 0.0);
    }
    return Math.min(1, matched / total);
  }
}
