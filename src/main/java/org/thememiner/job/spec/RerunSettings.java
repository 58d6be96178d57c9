package org.thememiner.job.spec;

import java.util.List;

/**
 * How {@code rerun} treats themes.
 *
 * @param mode        {@code auto} (reuse the saved model while it still describes the corpus, else fit again),
 *                    {@code assign} (always reuse the saved model) or {@code refit} (always fit again and match
 *                    the new themes to the previous run's)
 * @param refitGrowth with {@code auto}: fit again once the corpus has this many more theme sentences than the
 *                    model was fitted on, as a share of those (0.25 = a quarter more)
 * @param model       where reruns keep the fitted theme model; null means {@code models/<job name>}
 */
public record RerunSettings(String mode, double refitGrowth, String model) {
  public static final List<String> MODES = List.of("auto", "assign", "refit");

  public RerunSettings {
    if (!MODES.contains(mode)) throw new IllegalArgumentException("rerun.mode must be one of " + MODES + ", got " + mode);
    if (!(refitGrowth >= 0)) throw new IllegalArgumentException("rerun.refitGrowth must be >= 0, got " + refitGrowth);
  }
}
