package org.thememiner.compare;

/** How well a candidate theme matches a construct, in [0,1]. Components are combined by {@link WeightedSimilarity}. */
@FunctionalInterface
public interface ThemeConstructSimilarity {
  double score(ThemeProfile theme, ConstructProfile construct);
}
