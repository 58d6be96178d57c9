package org.thememiner.compare;

import java.util.Map;
import java.util.Set;

/**
 * A construct in the term space of the themes.
 *
 * @param terms      weighted terms of the construct's text (weights: {@link Profiler})
 * @param vocabulary the construct's own terms (match value 1) and their WordNet expansions (match value
 *                   {@link WordNetExpansion#SYNONYM} or {@link WordNetExpansion#HYPERNYM})
 * @param anchors    terms of the keywords that tell this construct apart from the others of its set
 */
public record ConstructProfile(Construct construct, TermVector terms, Map<String, Double> vocabulary, Set<String> anchors) {

  public ConstructProfile {
    vocabulary = Map.copyOf(vocabulary);
    anchors = Set.copyOf(anchors);
  }

  public String id() {
    return construct.id();
  }
}
