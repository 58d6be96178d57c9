package org.thememiner.compare;

import java.util.Map;

/** Terms related to a lemma, each with the share (in (0,1]) of the lemma's match value a hit on it is worth. */
@FunctionalInterface
public interface TermExpansion {
  TermExpansion NONE = term -> Map.of();

  /** Related terms, without {@code term} itself. */
  Map<String, Double> expand(String term);
}
