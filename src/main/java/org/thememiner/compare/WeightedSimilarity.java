package org.thememiner.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The similarity the comparison uses: a weighted mean of named components, each in [0,1], so the result is in
 * [0,1] too. {@link #standard()} is lexical 0.5, WordNet 0.25, evidence 0.25; with word vectors,
 * {@link #withEmbeddings(Map)} gives lexical 0.4, WordNet 0.15, evidence 0.2, embedding 0.25.
 */
public final class WeightedSimilarity implements ThemeConstructSimilarity {
  public static final String LEXICAL = "lexical";
  public static final String WORDNET = "wordnet";
  public static final String EVIDENCE = "evidence";
  public static final String EMBEDDING = "embedding";

  /** One named component and its weight (> 0). */
  public record Component(String name, double weight, ThemeConstructSimilarity similarity) {
    public Component {
      if (!(weight > 0)) throw new IllegalArgumentException("weight of " + name + " must be > 0: " + weight);
    }
  }

  private final List<Component> components;
  private final double totalWeight;

  public WeightedSimilarity(List<Component> components) {
    if (components.isEmpty()) throw new IllegalArgumentException("at least one similarity component");
    if (components.stream().map(Component::name).distinct().count() != components.size()) {
      throw new IllegalArgumentException("component names must be distinct");
    }
    this.components = List.copyOf(components);
    this.totalWeight = components.stream().mapToDouble(Component::weight).sum();
  }

  public static WeightedSimilarity standard() {
    return new WeightedSimilarity(List.of(
        new Component(LEXICAL, 0.5, new KeywordCosine()),
        new Component(WORDNET, 0.25, new WordNetOverlap()),
        new Component(EVIDENCE, 0.25, new EvidenceShare())));
  }

  /** {@link #standard()} plus the embedding cosine over the themes stage's word vectors. */
  public static WeightedSimilarity withEmbeddings(Map<String, float[]> wordVectors) {
    return new WeightedSimilarity(List.of(
        new Component(LEXICAL, 0.4, new KeywordCosine()),
        new Component(WORDNET, 0.15, new WordNetOverlap()),
        new Component(EVIDENCE, 0.2, new EvidenceShare()),
        new Component(EMBEDDING, 0.25, new EmbeddingCosine(wordVectors))));
  }

  @Override
  public double score(ThemeProfile theme, ConstructProfile construct) {
    double sum = 0;
    for (Component c : components) sum += c.weight() * c.similarity().score(theme, construct);
    return sum / totalWeight;
  }

  /** Each component's score, by name, in the order of the components. */
  public Map<String, Double> components(ThemeProfile theme, ConstructProfile construct) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Component c : components) out.put(c.name(), c.similarity().score(theme, construct));
    return out;
  }

  /** Each component's weight, normalised to sum to 1, by name. */
  public Map<String, Double> weights() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Component c : components) out.put(c.name(), c.weight() / totalWeight);
    return out;
  }
}
