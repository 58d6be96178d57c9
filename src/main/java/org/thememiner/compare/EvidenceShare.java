package org.thememiner.compare;

import java.util.Set;

/**
 * Share of the theme's example sentences and quotes that use at least {@value #MIN_ANCHORS} distinct anchor terms
 * of the construct: does the text behind the theme talk about the construct, not only its keyword list. One
 * shared word is too weak a sign: off-topic sentences meet words like "structure" or "support" by chance.
 */
public final class EvidenceShare implements ThemeConstructSimilarity {
  static final int MIN_ANCHORS = 2;

  @Override
  public double score(ThemeProfile theme, ConstructProfile construct) {
    if (theme.evidence().isEmpty()) return 0;
    long hits = theme.evidence().stream().filter(terms -> anchorsIn(terms, construct.anchors()) >= MIN_ANCHORS).count();
    return (double) hits / theme.evidence().size();
  }

  private static int anchorsIn(Set<String> sentence, Set<String> anchors) {
    int n = 0;
    for (String t : sentence) if (anchors.contains(t)) n++;
    return n;
  }
}
