package org.thememiner.compare;

/** Lexical similarity: cosine between the theme's c-TF-IDF keyword vector and the construct's weighted term vector. */
public final class KeywordCosine implements ThemeConstructSimilarity {
  @Override
  public double score(ThemeProfile theme, ConstructProfile construct) {
    return theme.keywords().cosine(construct.terms());
  }
}
