package org.thememiner.job;

import java.util.Locale;
import java.util.Optional;
import org.thememiner.themes.Stability;

/** The stability stage: how far fits with other seeds agree with the run's fitted themes. */
record MeasureStability() implements Stage<DiscoveredThemes, Stability> {
  @Override
  public String name() {
    return "stability";
  }

  @Override
  public Done<Stability> run(StageContext context, DiscoveredThemes fit) {
    // Automatic k already refitted the chosen k with every stability seed: no need to do it again.
    Optional<Stability> measured = fit.model().selectionStability();
    Stability stability = measured.orElseGet(() -> ThemeStability.measure(fit.model(), fit.fitted(), fit.modelAssigned()));
    return Done.of(stability, String.format(Locale.ROOT, "adjusted Rand index over %d other seeds: mean %.2f, min %.2f%s",
        stability.seeds().size(), stability.meanAri(), stability.minAri(),
        measured.isPresent() ? " (measured while choosing k)" : ""), "seeds", stability.seeds().size());
  }
}
