package org.thememiner.themes;

import java.util.List;

/**
 * How much the themes depend on the seed.
 *
 * @param seeds the extra seeds refitted with (same settings and k)
 * @param ari   adjusted Rand index of each refit's assignments against the run's, same order as seeds
 */
public record Stability(List<Long> seeds, List<Double> ari, double meanAri, double minAri) {}
