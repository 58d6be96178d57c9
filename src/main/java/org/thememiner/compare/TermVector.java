package org.thememiner.compare;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Non-negative weights of terms (lower-case lemmas); the insertion order is kept for reproducible output. */
public record TermVector(Map<String, Double> weights) implements Serializable {

  public TermVector {
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      if (!(e.getValue() >= 0)) throw new IllegalArgumentException("weight of '" + e.getKey() + "' must be >= 0: " + e.getValue());
    }
    weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
  }

  public double weight(String term) {
    return weights.getOrDefault(term, 0.0);
  }

  public boolean contains(String term) {
    return weight(term) > 0;
  }

  public double total() {
    return weights.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  public double norm() {
    return Math.sqrt(weights.values().stream().mapToDouble(w -> w * w).sum());
  }

  /** Cosine similarity; 0 when either vector is empty. In [0,1] because weights are non-negative. */
  public double cosine(TermVector other) {
    double dot = 0;
    for (Map.Entry<String, Double> e : weights.entrySet()) dot += e.getValue() * other.weight(e.getKey());
    double norms = norm() * other.norm();
    return norms == 0 ? 0 : Math.min(1, dot / norms);
  }
}
