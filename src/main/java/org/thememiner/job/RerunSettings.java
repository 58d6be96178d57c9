package org.thememiner.job;

import java.util.List;

/**
 * How {@code rerun} treats themes.
 *
 * @param mode  {@code refit} (fit again, match to the previous run) or {@code assign} (keep the saved model)
 * @param model where reruns keep the fitted theme model; null means {@code models/<job name>}
 */
public record RerunSettings(String mode, String model) {
  public static final List<String> MODES = List.of("refit", "assign");

  public RerunSettings {
    if (!MODES.contains(mode)) throw new IllegalArgumentException("rerun.mode must be one of " + MODES + ", got " + mode);
  }
}
