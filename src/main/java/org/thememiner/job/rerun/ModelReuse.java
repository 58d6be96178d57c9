package org.thememiner.job.rerun;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.thememiner.themes.AssignmentCounts;
import org.thememiner.themes.NewerModelFormatException;
import org.thememiner.themes.ThemeDiscovery;
import org.thememiner.themes.ThemeModel;
import org.thememiner.themes.ThemeSettings;

/**
 * What a run's themes start from ({@code rerun.mode}), and why: a model fitted on the run's sentences, or the saved
 * model reused, with or without the previous run's assignments of unchanged papers carried over.
 */
public sealed interface ModelReuse permits ModelReuse.FitAnew, ModelReuse.ReuseSavedModel {
  /** The per-token columns of a sentence that only {@code sentences/} reads. */
  String[] TOKEN_COLUMNS = {"tokens", "lemmas", "ner"};

  /** What decided it, for the log. */
  String reason();

  /** How many papers kept the previous run's assignments. */
  int carriedPapers();

  /** Fit themes on the run's sentences. */
  record FitAnew(String reason) implements ModelReuse {
    @Override
    public int carriedPapers() {
      return 0;
    }
  }

  /**
   * Put the run's sentences into the saved model.
   *
   * @param model    the saved model
   * @param assigned the sentences it assigned ({@link ThemeModel#transform}), persisted. With {@code carried},
   *                 without the {@link #TOKEN_COLUMNS}: no later pass reads them, and caching them for every carried
   *                 row cost more than the passes it saved. The tags stay: the themes' description chooses its
   *                 evidence by them ({@code FullSentence}).
   * @param counts   {@code assigned}'s counts, made to decide and kept for the themes' description
   * @param carried  the previous run's rows that {@code assigned} took over; empty when every sentence was assigned now
   */
  record ReuseSavedModel(ThemeModel model, Dataset<Row> assigned, AssignmentCounts counts, Optional<Carried> carried,
      String reason) implements ModelReuse {
    @Override
    public int carriedPapers() {
      return carried.map(c -> c.assignments().papers()).orElse(0);
    }

    /** Every sentence with every column: {@code assigned}, or with carried rows, those and the added ones. */
    public Dataset<Row> everyColumn() {
      return carried.map(c -> c.assignments().rows().unionByName(c.addedRows())).orElse(assigned);
    }

    private ReuseSavedModel because(String why) {
      return new ReuseSavedModel(model, assigned, counts, carried, why);
    }

    /** Drops what {@link #assigning} persisted, when the run fits after all. */
    private void unpersist() {
      assigned.unpersist();
      carried.ifPresent(c -> c.added().unpersist());
    }
  }

  /**
   * The previous run's assignments a reuse took over.
   *
   * @param assignments the unchanged papers' rows of the previous run
   * @param added       the other papers' sentences as this run assigned them, every column, persisted; with their
   *                    {@link ThemeDiscovery#EMBEDDING} when the themes read embeddings
   */
  record Carried(CarriedAssignments assignments, Dataset<Row> added) {
    /** {@code added} without the embeddings: the columns of the carried rows. */
    public Dataset<Row> addedRows() {
      return added.drop(ThemeDiscovery.EMBEDDING);
    }
  }

  /**
   * What the sentences to assign need before the saved model reads them (their embeddings from the corpus cache,
   * when the themes read embeddings), so that the model does not compute it.
   *
   * @param <E> what it may stop the run with
   */
  @FunctionalInterface
  interface Preparation<E extends Exception> {
    Dataset<Row> prepare(Dataset<Row> sentences) throws IOException, E;
  }

  /**
   * @param savedModel the model in {@code plan.sharedModel()}, read only when that folder has one
   * @param carried    where the saved model's assignments of unchanged papers may already be:
   *                   {@link CarriedAssignments#load}; asked only when the model is reused
   * @param preparation what the sentences the saved model assigns need first
   * @throws NewerModelFormatException the saved model is of a newer format than this thememiner reads
   */
  static <E extends Exception> ModelReuse choose(RunPlan plan, ThemeSettings settings, RunSentences sentences,
      SavedModelLoad savedModel, Supplier<Optional<CarriedAssignments>> carried, Preparation<E> preparation)
      throws IOException, E {
    Optional<String> fitAnyway = plan.fitsRegardless();
    if (fitAnyway.isPresent()) return new FitAnew(fitAnyway.get());
    if (plan.mode().equals("assign")) {
      ThemeModel saved = savedModel.get();
      Optional<CarriedAssignments> c = carried.get();
      return assigning(saved, sentences, c, preparation, "rerun.mode assign" + carriedNote(c));
    }
    ThemeModel saved;
    try {
      saved = savedModel.get();
    } catch (NewerModelFormatException e) {
      throw e; // fitting again would save an older format over a newer thememiner's model
    } catch (IOException | RuntimeException e) {
      return new FitAnew("the saved model in " + plan.sharedModel() + " could not be read (" + e.getMessage() + ")");
    }
    if (!saved.settings().equals(settings)) return new FitAnew("the themes settings differ from the saved model's");
    if (saved.trainingSentences().isEmpty()) return new FitAnew("the saved model does not record how many sentences it was fitted on");
    long fitted = saved.trainingSentences().get();
    // The transform the run needs anyway says which sentences theme discovery would look at: no pass of its own.
    Optional<CarriedAssignments> c = carried.get();
    ReuseSavedModel reuse = assigning(saved, sentences, c, preparation, "");
    long now = reuse.counts().themeSentences();
    double growth = fitted == 0 ? Double.POSITIVE_INFINITY : (double) now / fitted - 1;
    String sizes = String.format(Locale.ROOT, "%d theme sentences, %+.0f%% since the model was fitted on %d", now,
        100 * growth, fitted);
    if (growth > plan.refitGrowth()) {
      reuse.unpersist();
      return new FitAnew(String.format(Locale.ROOT, "%s: above rerun.refitGrowth %.0f%%", sizes, 100 * plan.refitGrowth()));
    }
    return reuse.because(sizes + carriedNote(c));
  }

  /** The saved model's assignments, persisted and counted (the job that fills the cache). */
  private static <E extends Exception> ReuseSavedModel assigning(ThemeModel saved, RunSentences sentences,
      Optional<CarriedAssignments> carried, Preparation<E> preparation, String reason) throws IOException, E {
    if (carried.isEmpty()) {
      Dataset<Row> assigned = saved.transform(preparation.prepare(sentences.all())).persist(StorageLevel.MEMORY_AND_DISK());
      return new ReuseSavedModel(saved, assigned, AssignmentCounts.of(assigned), Optional.empty(), reason);
    }
    // The transform's paragraph window leaves shuffle-many partitions, most of them near empty for a few new
    // papers; every later pass over the table would run a task for each. One per core is enough.
    Dataset<Row> added = saved.transform(preparation.prepare(sentences.except(carried.get().paperIds())))
        .coalesce(sentences.fresh().sparkSession().sparkContext().defaultParallelism())
        .persist(StorageLevel.MEMORY_AND_DISK());
    Carried taken = new Carried(carried.get(), added);
    Dataset<Row> assigned = carried.get().rows().unionByName(taken.addedRows()).drop(TOKEN_COLUMNS)
        .persist(StorageLevel.MEMORY_AND_DISK());
    return new ReuseSavedModel(saved, assigned, AssignmentCounts.of(assigned), Optional.of(taken), reason);
  }

  /** "; N unchanged papers' assignments taken from FOLDER", or nothing. */
  private static String carriedNote(Optional<CarriedAssignments> carried) {
    return carried.map(c -> String.format(Locale.ROOT, "; %d unchanged papers' assignments taken from %s", c.papers(), c.from()))
        .orElse("");
  }
}
