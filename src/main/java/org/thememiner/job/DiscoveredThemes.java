package org.thememiner.job;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.thememiner.job.rerun.ModelReuse;
import org.thememiner.themes.Theme;
import org.thememiner.themes.ThemeModel;

/**
 * The themes stage's output.
 *
 * @param reuse    whether the saved model was reused, and what it carried
 * @param model    the model fitted now or reused
 * @param fitted   the sentences a fit read, persisted; null when the model was reused
 * @param modelAssigned every sentence with the theme the model gave it, persisted
 * @param assigned every sentence with its theme after the job's curation ({@link CurateThemes}); {@code modelAssigned}
 *                 without one
 * @param themes   the themes described
 */
record DiscoveredThemes(ModelReuse reuse, ThemeModel model, Dataset<Row> fitted, Dataset<Row> modelAssigned,
    Dataset<Row> assigned, List<Theme> themes) {
  boolean modelReused() {
    return reuse instanceof ModelReuse.ReuseSavedModel;
  }

  /** The previous run's assignments the saved model's reuse took over, if any. */
  Optional<ModelReuse.Carried> carried() {
    return reuse instanceof ModelReuse.ReuseSavedModel saved ? saved.carried() : Optional.empty();
  }
}
