package org.thememiner.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.thememiner.job.rerun.CarriedAssignments;
import org.thememiner.job.rerun.ModelReuse;
import org.thememiner.job.rerun.PreviousRun;
import org.thememiner.job.rerun.RunPlan;
import org.thememiner.job.rerun.RunSentences;
import org.thememiner.job.rerun.SavedModelLoad;
import org.thememiner.job.spec.JobConfig;
import org.thememiner.report.AtomicFiles;
import org.thememiner.report.RunLayout;
import org.thememiner.themes.AssignmentCounts;
import org.thememiner.themes.NewerModelFormatException;
import org.thememiner.themes.Theme;
import org.thememiner.themes.ThemeDiscovery;
import org.thememiner.themes.ThemeModel;
import org.thememiner.themes.ThemeRepresentation;

/**
 * The themes stage: the sentences put into the saved model or a model fitted now ({@link ModelReuse}), the themes
 * described, and the model written to the run folder (and, after a fit, saved for reruns).
 *
 * @param plan       where the run stands among others of its job
 * @param savedModel the model a rerun may reuse
 * @param previous   the run whose assignments a rerun may carry
 * @param extracted  the run's papers
 */
record DiscoverThemes(RunPlan plan, SavedModelLoad savedModel, Optional<PreviousRun> previous,
    ExtractedPapers extracted) implements Stage<RunSentences, DiscoveredThemes> {
  @Override
  public String name() {
    return "themes";
  }

  @Override
  public Done<DiscoveredThemes> run(StageContext context, RunSentences annotated) throws IOException, RunStoppedException {
    JobConfig config = context.config();
    ModelReuse reuse;
    try {
      // The sentences the saved model assigns take their embeddings from the cache, and add theirs to it.
      reuse = ModelReuse.choose(plan, config.themes(), annotated, savedModel, () -> carried(context),
          rows -> config.themes().embeds() ? EmbedSentences.embedded(context, rows) : rows);
    } catch (NewerModelFormatException e) {
      throw new RunStoppedException(e.getMessage(), e);
    }
    ThemeModel model;
    Dataset<Row> sentences = null;
    Dataset<Row> assigned;
    AssignmentCounts counts;
    if (reuse instanceof ModelReuse.ReuseSavedModel saved) {
      // The saved model has assigned and counted the sentences already, to decide.
      model = saved.model();
      assigned = saved.assigned();
      counts = saved.counts();
    } else {
      // A fit passes over all the sentences several times.
      sentences = config.themes().embeds() ? EmbedSentences.embedded(context, annotated.all())
          : annotated.all().persist(StorageLevel.MEMORY_AND_DISK());
      try {
        model = new ThemeDiscovery(config.themes()).fit(sentences);
      } catch (IllegalStateException e) {
        throw new RunStoppedException(e.getMessage(), e);
      }
      assigned = model.transform(sentences).persist(StorageLevel.MEMORY_AND_DISK());
      counts = AssignmentCounts.of(assigned);
    }
    boolean reused = reuse instanceof ModelReuse.ReuseSavedModel;
    Optional<String> unknown = config.curation().unknownTheme(model.k(),
        reused ? "the saved model in " + plan.sharedModel() : "the themes fitted in this run");
    if (unknown.isPresent()) throw new RunStoppedException(unknown.get(), ExitCode.CONFIG);
    Dataset<Row> curated = assigned;
    if (config.curation().regroups()) {
      curated = context.run(new CurateThemes(model), assigned);
      counts = AssignmentCounts.of(curated);
    }
    List<Theme> themes = new ThemeRepresentation(config.themes(), config.curation()).describe(curated, counts);
    long assignedCount = themes.stream().mapToLong(Theme::size).sum();
    long outliers = counts.outliers();
    Path outDir = context.outDir();
    // A model is written through Spark once and copied from there (writing a pipeline costs several Spark jobs),
    // so the run's model/ and the saved one are byte copies: what tells a later rerun they are the same model.
    saveModel(model, reused ? plan.sharedModel() : null, outDir.resolve(RunLayout.MODEL));
    if (plan.sharedModel() != null && !reused) saveModel(model, outDir.resolve(RunLayout.MODEL), plan.sharedModel());
    return Done.of(new DiscoveredThemes(reuse, model, sentences, assigned, curated, themes),
        String.format("%d themes over %d sentences, %d outliers (%s)%s", themes.size(), assignedCount, outliers,
            (reused ? "assigned with the model in " + plan.sharedModel() : config.themes().k() == 0 ? kChoice(model) : "k fixed")
                + (plan.sharedModel() == null ? "" : "; " + reuse.reason()),
            dominantTheme(themes.stream().map(Theme::size).toList(), config.themes().algorithm())),
        "themes", themes.size(), "assigned", assignedCount, "outliers", outliers, "modelReused", reused ? 1 : 0,
        "carriedPapers", reuse.carriedPapers());
  }

  /**
   * What the log says when one theme holds more than half of the assigned sentences under a clustering other than
   * k-means: spectral clustering sets apart what is most distinct (each field of a corpus of unrelated fields; the
   * thanks and small talk of interview transcripts) and leaves the rest in one theme, which k-means spreads
   * (BENCHMARKS.md, issue 19). Empty otherwise.
   */
  static String dominantTheme(List<Long> sizes, String algorithm) {
    long all = sizes.stream().mapToLong(Long::longValue).sum();
    long largest = sizes.stream().mapToLong(Long::longValue).max().orElse(0);
    if (algorithm.equals("kmeans") || 2 * largest <= all) return "";
    return String.format(java.util.Locale.ROOT, "; one theme holds %d %% of them: spectral clustering set apart what "
        + "is most distinct and left the rest together; themes.algorithm kmeans spreads them", Math.round(100.0 * largest / all));
  }

  /** The previous run's assignments this run may carry ({@link CarriedAssignments#load}); none when they cannot be read. */
  private Optional<CarriedAssignments> carried(StageContext context) {
    // The previous sentences/ hold that run's curated themes; curating them again would split a split theme twice.
    if (previous.isEmpty() || context.config().curation().regroups()) return Optional.empty();
    try {
      return CarriedAssignments.load(context.spark(), previous.get(), context.outDir(), plan.sharedModel(), context.config(),
          extracted.sha256ById(), context.failures().paperIds());
    } catch (IOException e) {
      context.console().println("themes    the previous run's assignments cannot be read, so every sentence is assigned: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static String kChoice(ThemeModel model) {
    return model.stabilities().isEmpty() ? "k by silhouette" : "k by silhouette among the stable";
  }

  /**
   * Writes the model aside and swaps it in, so a model folder is always whole.
   *
   * @param savedAt where this model is already saved (copied from there), or null
   */
  private static void saveModel(ThemeModel model, Path savedAt, Path target) throws IOException {
    Path tmp = target.toAbsolutePath().resolveSibling("." + target.getFileName() + ".tmp");
    AtomicFiles.deleteTree(tmp);
    Files.createDirectories(tmp.getParent());
    if (savedAt != null) AtomicFiles.copyTree(savedAt, tmp);
    else model.save(tmp);
    AtomicFiles.replace(tmp, target);
  }
}
