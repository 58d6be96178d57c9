package org.thememiner.job;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.thememiner.themes.ThemeModel;
import org.thememiner.themes.ThemeSettings;

/**
 * Whether a run puts its sentences into the saved theme model or fits themes again ({@code rerun.mode}), and why.
 *
 * @param saved    the model to reuse, or null to fit
 * @param assigned with {@code saved}: the sentences it assigned ({@link ThemeModel#transform}, persisted), else null
 * @param carried  with {@code saved}: the previous run's assignments that {@code assigned} took over, or null
 * @param reason   what decided it, for the log
 */
record ModelChoice(ThemeModel saved, Dataset<Row> assigned, CarriedAssignments carried, String reason) {
  boolean reuse() {
    return saved != null;
  }

  /** How many papers kept the previous run's assignments. */
  int carriedPapers() {
    return carried == null ? 0 : carried.papers();
  }

  private static ModelChoice fit(String reason) {
    return new ModelChoice(null, null, null, reason);
  }

  /** Where the saved model's assignments of unchanged papers may already be: {@link CarriedAssignments#load}. */
  @FunctionalInterface
  interface Carried {
    Optional<CarriedAssignments> load();
  }

  /**
   * The run's sentences put into {@code saved}'s themes, persisted: the run goes on with them. Papers that
   * {@code carried} holds keep their rows; only the others are transformed.
   */
  private static Dataset<Row> assign(ThemeModel saved, RunSentences sentences, Optional<CarriedAssignments> carried)
      throws IOException {
    Dataset<Row> assigned = carried.isEmpty() ? saved.transform(sentences.all())
        : carried.get().rows().unionByName(saved.transform(sentences.except(carried.get().paperIds())));
    return assigned.persist(StorageLevel.MEMORY_AND_DISK());
  }

  /** "; N unchanged papers' assignments taken from FOLDER", or nothing. */
  private static String carriedNote(Optional<CarriedAssignments> carried) {
    return carried.map(c -> String.format(Locale.ROOT, "; %d unchanged papers' assignments taken from %s", c.papers(), c.from()))
        .orElse("");
  }

  static ModelChoice of(ThememinerJob.Plan plan, ThemeSettings settings, RunSentences sentences, Carried carried) throws IOException {
    if (plan.sharedModel() == null || plan.mode().equals("refit")) return fit("rerun.mode refit");
    if (!ThemeModel.exists(plan.sharedModel())) return fit("no saved model yet");
    if (plan.mode().equals("assign")) {
      ThemeModel saved = ThemeModel.load(plan.sharedModel());
      Optional<CarriedAssignments> c = carried.load();
      return new ModelChoice(saved, assign(saved, sentences, c), c.orElse(null), "rerun.mode assign" + carriedNote(c));
    }
    ThemeModel saved;
    try {
      saved = ThemeModel.load(plan.sharedModel());
    } catch (IOException | RuntimeException e) {
      return fit("the saved model in " + plan.sharedModel() + " could not be read (" + e.getMessage() + ")");
    }
    if (!saved.settings().equals(settings)) return fit("the themes settings differ from the saved model's");
    if (saved.trainingSentences().isEmpty()) return fit("the saved model does not record how many sentences it was fitted on");
    long fitted = saved.trainingSentences().get();
    // The transform the run needs anyway says which sentences theme discovery would look at: no pass of its own.
    Optional<CarriedAssignments> c = carried.load();
    Dataset<Row> assigned = assign(saved, sentences, c);
    long now = assigned.filter(ThemeModel.IS_THEME_SENTENCE).count();
    double growth = fitted == 0 ? Double.POSITIVE_INFINITY : (double) now / fitted - 1;
    String sizes = String.format(Locale.ROOT, "%d theme sentences, %+.0f%% since the model was fitted on %d", now,
        100 * growth, fitted);
    if (growth > plan.refitGrowth()) {
      assigned.unpersist();
      return fit(String.format(Locale.ROOT, "%s: above rerun.refitGrowth %.0f%%", sizes, 100 * plan.refitGrowth()));
    }
    return new ModelChoice(saved, assigned, c.orElse(null), sizes + carriedNote(c));
  }
}
