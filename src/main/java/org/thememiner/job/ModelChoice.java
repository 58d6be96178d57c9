package org.thememiner.job;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.thememiner.themes.AssignmentCounts;
import org.thememiner.themes.NewerModelFormatException;
import org.thememiner.themes.ThemeModel;
import org.thememiner.themes.ThemeSettings;

/**
 * Whether a run puts its sentences into the saved theme model or fits themes again ({@code rerun.mode}), and why.
 *
 * @param saved    the model to reuse, or null to fit
 * @param assigned with {@code saved}: the sentences it assigned ({@link ThemeModel#transform}), persisted, else null.
 *                 With {@code carried}, without the {@link #TOKEN_COLUMNS}: no later pass reads them, and caching
 *                 them for every carried row cost more than the passes it saved. The tags stay: the themes'
 *                 description chooses its evidence by them ({@code FullSentence}).
 * @param carried  with {@code saved}: the previous run's assignments that {@code assigned} took over, or null
 * @param added    with {@code carried}: the other papers' sentences as this run assigned them, every column,
 *                 persisted; else null
 * @param counts   with {@code saved}: {@code assigned}'s counts, made to decide and kept for the themes'
 *                 description; else null
 * @param reason   what decided it, for the log
 */
record ModelChoice(ThemeModel saved, Dataset<Row> assigned, CarriedAssignments carried, Dataset<Row> added,
    AssignmentCounts counts, String reason) {
  /** The per-token columns of a sentence that only {@code sentences/} reads. */
  static final String[] TOKEN_COLUMNS = {"tokens", "lemmas", "ner"};

  boolean reuse() {
    return saved != null;
  }

  /** How many papers kept the previous run's assignments. */
  int carriedPapers() {
    return carried == null ? 0 : carried.papers();
  }

  /** Every sentence with every column: {@code assigned}, or with carried rows, those and {@code added}. */
  Dataset<Row> everyColumn() {
    return carried == null ? assigned : carried.rows().unionByName(added);
  }

  private static ModelChoice fit(String reason) {
    return new ModelChoice(null, null, null, null, null, reason);
  }

  /** The saved model's assignments, persisted and counted (the job that fills the cache). */
  private static ModelChoice reusing(ThemeModel saved, RunSentences sentences, Optional<CarriedAssignments> carried,
      String reason) throws IOException {
    if (carried.isEmpty()) {
      Dataset<Row> assigned = saved.transform(sentences.all()).persist(StorageLevel.MEMORY_AND_DISK());
      return new ModelChoice(saved, assigned, null, null, AssignmentCounts.of(assigned), reason);
    }
    // The transform's paragraph window leaves shuffle-many partitions, most of them near empty for a few new
    // papers; every later pass over the table would run a task for each. One per core is enough.
    Dataset<Row> added = saved.transform(sentences.except(carried.get().paperIds()))
        .coalesce(sentences.fresh().sparkSession().sparkContext().defaultParallelism())
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> assigned = carried.get().rows().unionByName(added).drop(TOKEN_COLUMNS)
        .persist(StorageLevel.MEMORY_AND_DISK());
    return new ModelChoice(saved, assigned, carried.get(), added, AssignmentCounts.of(assigned), reason);
  }

  private ModelChoice because(String why) {
    return new ModelChoice(saved, assigned, carried, added, counts, why);
  }

  /** Drops what {@link #reusing} persisted, when the run fits after all. */
  private void unpersist() {
    assigned.unpersist();
    if (added != null) added.unpersist();
  }

  /** Where the saved model's assignments of unchanged papers may already be: {@link CarriedAssignments#load}. */
  @FunctionalInterface
  interface Carried {
    Optional<CarriedAssignments> load();
  }

  /** "; N unchanged papers' assignments taken from FOLDER", or nothing. */
  private static String carriedNote(Optional<CarriedAssignments> carried) {
    return carried.map(c -> String.format(Locale.ROOT, "; %d unchanged papers' assignments taken from %s", c.papers(), c.from()))
        .orElse("");
  }

  /** Why {@code plan} fits whatever the run's sentences are, or empty when it may reuse the saved model. */
  static Optional<String> fitsRegardless(ThememinerJob.Plan plan) {
    if (plan.sharedModel() == null || plan.mode().equals("refit")) return Optional.of("rerun.mode refit");
    if (!ThemeModel.exists(plan.sharedModel())) return Optional.of("no saved model yet");
    return Optional.empty();
  }

  /** @param savedModel the model in {@code plan.sharedModel()}, read only when that folder has one */
  static ModelChoice of(ThememinerJob.Plan plan, ThemeSettings settings, RunSentences sentences, SavedModelLoad savedModel,
      Carried carried) throws IOException {
    Optional<String> fitAnyway = fitsRegardless(plan);
    if (fitAnyway.isPresent()) return fit(fitAnyway.get());
    if (plan.mode().equals("assign")) {
      ThemeModel saved = savedModel.get();
      Optional<CarriedAssignments> c = carried.load();
      return reusing(saved, sentences, c, "rerun.mode assign" + carriedNote(c));
    }
    ThemeModel saved;
    try {
      saved = savedModel.get();
    } catch (NewerModelFormatException e) {
      throw e; // fitting again would save an older format over a newer thememiner's model
    } catch (IOException | RuntimeException e) {
      return fit("the saved model in " + plan.sharedModel() + " could not be read (" + e.getMessage() + ")");
    }
    if (!saved.settings().equals(settings)) return fit("the themes settings differ from the saved model's");
    if (saved.trainingSentences().isEmpty()) return fit("the saved model does not record how many sentences it was fitted on");
    long fitted = saved.trainingSentences().get();
    // The transform the run needs anyway says which sentences theme discovery would look at: no pass of its own.
    Optional<CarriedAssignments> c = carried.load();
    ModelChoice choice = reusing(saved, sentences, c, "");
    long now = choice.counts().themeSentences();
    double growth = fitted == 0 ? Double.POSITIVE_INFINITY : (double) now / fitted - 1;
    String sizes = String.format(Locale.ROOT, "%d theme sentences, %+.0f%% since the model was fitted on %d", now,
        100 * growth, fitted);
    if (growth > plan.refitGrowth()) {
      choice.unpersist();
      return fit(String.format(Locale.ROOT, "%s: above rerun.refitGrowth %.0f%%", sizes, 100 * plan.refitGrowth()));
    }
    return choice.because(sizes + carriedNote(c));
  }
}
