package org.thememiner.job.rerun;

import java.nio.file.Path;
import java.util.Optional;
import org.thememiner.job.spec.JobConfig;
import org.thememiner.job.spec.RerunSettings;
import org.thememiner.themes.ThemeModel;

/**
 * Where a run stands among others of its job.
 *
 * @param previousRun the folder of the run to report drift against, or null
 * @param sharedModel where reruns keep the theme model (saved after a fit), or null
 * @param mode        whether to reuse the model in {@code sharedModel}: {@link RerunSettings#mode}
 * @param refitGrowth {@link RerunSettings#refitGrowth}
 */
public record RunPlan(Path previousRun, Path sharedModel, String mode, double refitGrowth) {
  /** A plain run: drift against what the output folder held before, themes fitted every time. */
  public static RunPlan plain(JobConfig config) {
    return new RunPlan(Path.of(config.out()), null, "refit", 0);
  }

  /** A scheduled rerun of a job as its {@code rerun} settings say. */
  public static RunPlan rerun(Path previousRun, JobConfig config) {
    return new RunPlan(previousRun, config.modelLocation(), config.rerun().mode(), config.rerun().refitGrowth());
  }

  /** Why this plan fits whatever the run's sentences are, or empty when it may reuse the saved model. */
  public Optional<String> fitsRegardless() {
    if (sharedModel == null || mode.equals("refit")) return Optional.of("rerun.mode refit");
    if (!ThemeModel.exists(sharedModel)) return Optional.of("no saved model yet");
    return Optional.empty();
  }
}
