package org.thememiner.job;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.thememiner.annotate.CoreNlpTermAnalyzer;
import org.thememiner.compare.CodedExamples;
import org.thememiner.compare.ConstructSet;
import org.thememiner.compare.ConstructSets;
import org.thememiner.compare.ExampleCoding;
import org.thememiner.compare.GoldCoding;
import org.thememiner.compare.InvalidConstructSetException;
import org.thememiner.compare.InvalidGoldCodingException;
import org.thememiner.compare.Profiler;
import org.thememiner.compare.SentenceCodes;
import org.thememiner.compare.StudyTable;
import org.thememiner.compare.WordNetExpansion;
import org.thememiner.ingest.FileHashes;
import org.thememiner.ingest.InputFile;
import org.thememiner.ingest.InputScanner;
import org.thememiner.job.rerun.CarriedCodes;
import org.thememiner.job.rerun.CorpusCache;
import org.thememiner.job.rerun.PreviousRun;
import org.thememiner.job.rerun.RunPlan;
import org.thememiner.job.rerun.RunSentences;
import org.thememiner.job.rerun.SavedModelLoad;
import org.thememiner.job.spec.ConfigException;
import org.thememiner.job.spec.JobConfig;
import org.thememiner.report.AtomicFiles;
import org.thememiner.report.HtmlReport;
import org.thememiner.report.Json;
import org.thememiner.report.PaperTexts;
import org.thememiner.report.RunInfo;
import org.thememiner.report.RunLayout;
import org.thememiner.report.StudyTableFiles;
import org.thememiner.report.Versions;
import org.thememiner.themes.Curation;
import org.thememiner.themes.Stability;
import org.thememiner.themes.Theme;
import org.thememiner.themes.ThemeModel;
import org.thememiner.themes.ThemeSettings;

/**
 * One run: the sequence of its {@link Stage}s (extract -> annotate -> [embed] -> themes -> [stability] -> [coding] ->
 * compare -> report -> [export]), each run by one {@link StageRunner}, data flowing one way. Single-file outputs are
 * streamed partition by partition ({@code toLocalIterator}), so the driver holds per-theme summaries, never the
 * corpus.
 */
public final class ThememinerJob {
  private final JobConfig config;
  private final RunPlan plan;
  private final PrintStream out;
  private final Path outDir;
  /** Whether {@link #preflight} made the output folder, so that a run stopping before any stage takes it away. */
  private boolean madeOutDir;
  private List<ConstructSet> constructSets = List.of();
  /** The construct sets' files as run.json records them, hashed when loaded. */
  private List<RunInfo.ConstructSetFile> constructSetFiles = List.of();
  private List<GoldCoding> goldCodings = List.of();
  private Map<String, CodedExamples> codedExamples = Map.of();

  /** A plain run: drift against what the output folder held before. */
  public ThememinerJob(JobConfig config, PrintStream out) {
    this(config, out, RunPlan.plain(config));
  }

  public ThememinerJob(JobConfig config, PrintStream out, RunPlan plan) {
    this.plan = plan;
    this.config = config;
    this.out = out;
    this.outDir = Path.of(config.out());
  }

  /**
   * Checks everything that can be checked before Spark starts and makes the output folder; returns the input
   * files.
   */
  public List<InputFile> preflight() throws ConfigException {
    List<InputFile> files = check();
    try {
      madeOutDir = !Files.exists(outDir);
      Files.createDirectories(outDir);
    } catch (IOException e) {
      throw new ConfigException("cannot create output folder " + outDir + ": " + e.getMessage());
    }
    if (!Files.isWritable(outDir)) throw new ConfigException("output folder " + outDir + " is not writable");
    return files;
  }

  /**
   * What {@link #preflight} checks, changing nothing: construct sets, gold codings, coded examples, the inputs and
   * that the output folder is, or can be made, writable. Returns the input files.
   */
  public List<InputFile> check() throws ConfigException {
    constructSets = new ArrayList<>();
    constructSetFiles = new ArrayList<>();
    for (String file : config.constructs()) {
      try {
        ConstructSet set = ConstructSets.load(Path.of(file));
        constructSets.add(set);
        constructSetFiles.add(new RunInfo.ConstructSetFile(set.id(), file, FileHashes.sha256(Path.of(file))));
      } catch (InvalidConstructSetException e) {
        throw new ConfigException(e.getMessage());
      } catch (IOException e) {
        throw new ConfigException("construct set " + file + " cannot be read: " + e.getMessage());
      }
    }
    goldCodings = new ArrayList<>();
    for (String gold : config.gold()) goldCodings.add(loadGold(gold));
    codedExamples = new LinkedHashMap<>();
    for (String spec : config.codedExamples()) {
      CodedExamples examples = loadExamples(spec);
      if (codedExamples.put(examples.setId(), examples) != null) {
        throw new ConfigException("--coded-examples " + spec + ": construct set " + examples.setId() + " has coded examples twice");
      }
    }
    checkCuration();
    List<InputFile> files;
    try {
      files = InputScanner.scan(config.input());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    Path existing = outDir.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) existing = existing.getParent();
    if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
      throw new ConfigException("output folder " + outDir + " cannot be written" + (existing == null ? "" : ": " + existing
          + (Files.isDirectory(existing) ? " is not writable" : " is not a folder")));
    }
    return files;
  }

  /**
   * The curation's theme ids against the themes known before the run: those of the saved model a rerun may reuse, or
   * at most {@code themes.k} (else {@code themes.kMax}) for a fit. The themes stage checks them again against the
   * model it ends up with.
   */
  private void checkCuration() throws ConfigException {
    Curation curation = config.curation();
    if (curation.isEmpty()) return;
    Optional<String> unknown;
    if (plan.fitsRegardless().isEmpty()) {
      int k;
      try {
        k = ThemeModel.savedK(plan.sharedModel());
      } catch (IOException e) {
        return; // the themes stage decides what an unreadable model means for the run
      }
      unknown = curation.unknownTheme(k, "the saved model in " + plan.sharedModel());
    } else {
      ThemeSettings themes = config.themes();
      unknown = themes.k() > 0 ? curation.unknownTheme(themes.k(), "a fit with themes.k " + themes.k())
          : curation.unknownTheme(themes.kMax(), "a fit with themes.kMax " + themes.kMax());
    }
    if (unknown.isPresent()) throw new ConfigException(unknown.get());
  }

  private GoldCoding loadGold(String spec) throws ConfigException {
    try {
      GoldCoding gold = GoldCoding.load(fileOf(spec), setOf(spec, "--gold"));
      if (!gold.otherCodes().isEmpty()) {
        out.println("gold      " + fileOf(spec) + ": selections coded with codes that are no construct of " + gold.setId()
            + " are left out: " + gold.otherCodes().stream().limit(10).collect(Collectors.joining(", "))
            + (gold.otherCodes().size() > 10 ? " and " + (gold.otherCodes().size() - 10) + " more" : ""));
      }
      return gold;
    } catch (InvalidGoldCodingException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private CodedExamples loadExamples(String spec) throws ConfigException {
    try {
      return CodedExamples.load(fileOf(spec), setOf(spec, "--coded-examples"));
    } catch (InvalidGoldCodingException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /** The file of a {@code SET_ID=FILE.tsv} or {@code FILE.tsv} setting. */
  private static Path fileOf(String spec) {
    return Path.of(spec.substring(spec.indexOf('=') + 1));
  }

  /** The construct set a {@code SET_ID=FILE.tsv} setting names, or the job's only one for {@code FILE.tsv}. */
  private ConstructSet setOf(String spec, String flag) throws ConfigException {
    int eq = spec.indexOf('=');
    String setId = eq < 0 ? null : spec.substring(0, eq);
    if (setId == null && constructSets.size() != 1) {
      throw new ConfigException(flag + " " + spec + ": say which construct set it codes, as SET_ID=" + spec);
    }
    if (setId == null) return constructSets.get(0);
    return constructSets.stream().filter(c -> c.id().equals(setId)).findFirst()
        .orElseThrow(() -> new ConfigException(flag + " " + spec + ": no construct set '" + setId + "' among --constructs"));
  }

  /**
   * The session for this job ({@link SparkSessions#forJob}). When the cluster gives no executor, the output folder
   * {@link #preflight} made is removed again: the run stopped before writing anything.
   */
  SparkSession startSpark(String master, boolean explicitMaster) throws Exception {
    try {
      return SparkSessions.forJob("thememiner " + config.name(), master, explicitMaster);
    } catch (Exception e) {
      if (madeOutDir) {
        try {
          Files.deleteIfExists(outDir);
        } catch (IOException notEmpty) {
          e.addSuppressed(notEmpty);
        }
      }
      throw e;
    }
  }


  /** The context of this job's stages on {@code spark}, with no stage run and no failure yet. */
  private StageContext newContext(SparkSession spark) throws IOException {
    CorpusCache cache = null;
    if (config.cacheLocation() != null) {
      cache = new CorpusCache(spark, config.cacheLocation(), out);
      cache.cleanUp();
    }
    return new StageContext(spark, config, cache, outDir, out, new InputFailures(), new StageRunner(out));
  }

  /** Extract only: papers.jsonl, errors.jsonl, the author themes found, run.json. */
  public int extract(SparkSession spark, List<InputFile> files) throws IOException {
    String startedAt = Instant.now().toString();
    StageContext context = newContext(spark);
    ExtractedPapers extracted;
    try {
      extracted = context.run(new ExtractPapers(Optional.empty()), files);
    } catch (RunStoppedException e) {
      return failed(context, startedAt, files, null, e);
    }
    int code = extracted.summaries().isEmpty() ? ExitCode.FAILED : context.failures().isEmpty() ? ExitCode.OK : ExitCode.PARTIAL;
    context.failures().write(outDir);
    StudyTableFiles.write(outDir, StudyTable.found(extracted.authorThemes()), List.of(), config.compare());
    writeRunInfo(context, startedAt, code, files, extracted, null, null, List.of());
    return code;
  }

  /** The whole job. */
  public int run(SparkSession spark, List<InputFile> files) throws IOException {
    try (SavedModelLoad savedModel = SavedModelLoad.start(plan)) {
      return run(spark, files, savedModel);
    }
  }

  /** @param savedModel the model a rerun may reuse, loading while the run extracts and annotates */
  private int run(SparkSession spark, List<InputFile> files, SavedModelLoad savedModel) throws IOException {
    String startedAt = Instant.now().toString();
    Optional<PreviousRun> previous = plan.previousRun() == null ? Optional.empty() : PreviousRun.load(plan.previousRun());
    StageContext context = newContext(spark);
    ExtractedPapers extracted = null;
    try {
      extracted = context.run(new ExtractPapers(previous), files);
      if (extracted.summaries().isEmpty()) {
        throw new RunStoppedException("no input could be read; see " + outDir.resolve(RunLayout.ERRORS));
      }
      RunSentences annotated = context.run(new AnnotateSentences(config), extracted);
      DiscoveredThemes fit = context.run(new DiscoverThemes(plan, savedModel, previous, extracted), annotated);
      Stability stability = config.themes().stabilitySeeds() > 0 && !fit.modelReused() ? context.run(new MeasureStability(), fit) : null;

      // WordNet and a CoreNLP pipeline take a while to load; only construct sets use them.
      Profiler profiler = constructSets.isEmpty() ? null
          : new Profiler(new CoreNlpTermAnalyzer(config.annotate()), WordNetExpansion.load());
      // The coding reads sentence vectors. A rerun that carries the previous run's codes codes only its new papers'
      // sentences, which the themes stage embedded; coding every sentence after a reuse that carried assignments
      // reads the other sentences' vectors from the cache.
      Optional<CarriedCodes> carriedCodes = carriedCodes(context, fit, previous);
      Dataset<Row> everySentence = !constructSets.isEmpty() && (carriedCodes.isEmpty() || !codedExamples.isEmpty())
          && config.themes().embeds() ? EmbedSentences.embedded(context, fit.assigned()) : fit.assigned();
      SentenceCodes codes = constructSets.isEmpty() ? null : context.run(new CodeSentences(constructSets, profiler, fit.model(),
          carriedCodes), carriedCodes.isPresent() ? fit.carried().orElseThrow().added() : everySentence);
      Map<String, ExampleCoding> exampleCodings = codedExamples.isEmpty() ? Map.of()
          : context.run(new CodeFromExamples(constructSets, codedExamples, profiler, fit.model()), everySentence);
      CompareConstructs.Compared compared = context.run(
          new CompareConstructs(constructSets, goldCodings, profiler, fit.model(), fit.themes(), codes, exampleCodings), fit.assigned());
      WriteRunFolder.Written written = context.run(new WriteRunFolder(constructSets, goldCodings, previous, extracted),
          new WriteRunFolder.Findings(fit, codes, compared, exampleCodings));

      int code = context.failures().isEmpty() ? ExitCode.OK : ExitCode.PARTIAL;
      RunInfo info = writeRunInfo(context, startedAt, code, files, extracted, fit.model(), stability, fit.themes());
      AtomicFiles.writeString(outDir.resolve(RunLayout.REPORT), HtmlReport.render(new HtmlReport.Content(info,
          extracted.summaries(), fit.themes(), compared.comparisons(), written.agreements(), written.drift(), context.failures().list(),
          written.studyTable(), config.curation().describe(), PaperTexts.read(spark, outDir.resolve(RunLayout.SENTENCES)))));
      if (!config.export().isEmpty()) context.run(new ExportRun(), outDir);
      return code;
    } catch (RunStoppedException e) {
      return failed(context, startedAt, files, extracted, e);
    }
  }

  /**
   * The previous run's sentence codes this run may carry ({@link CarriedCodes#load}): only beside carried assignments;
   * none when they cannot be read.
   */
  private Optional<CarriedCodes> carriedCodes(StageContext context, DiscoveredThemes fit, Optional<PreviousRun> previous) {
    if (constructSets.isEmpty() || previous.isEmpty() || fit.carried().isEmpty()) return Optional.empty();
    try {
      return CarriedCodes.load(context.spark(), previous.get(), fit.carried().get().assignments(), config, constructSetFiles);
    } catch (IOException e) {
      out.println("code      the previous run's codes cannot be read, so every sentence is coded: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** A run that cannot finish: what was done is kept, errors.jsonl and run.json say why. */
  private int failed(StageContext context, String startedAt, List<InputFile> files, ExtractedPapers extracted,
      RunStoppedException stopped) throws IOException {
    context.failures().write(outDir);
    writeRunInfo(context, startedAt, stopped.exitCode(), files, extracted, null, null, List.of());
    out.println("thememiner: " + stopped.getMessage());
    return stopped.exitCode();
  }

  /** @param extracted the run's papers, or null when the run stopped before they were known */
  private RunInfo writeRunInfo(StageContext context, String startedAt, int code, List<InputFile> files,
      ExtractedPapers extracted, ThemeModel model, Stability stability, List<Theme> themes) throws IOException {
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (InputFile f : files) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", f.path());
      m.put("id", f.id());
      m.put("format", f.format());
      m.put("bytes", f.size());
      m.put("sha256", extracted == null ? null : extracted.sha256ById().get(f.id()));
      inputs.add(m);
    }
    String status = switch (code) {
      case ExitCode.OK -> "ok";
      case ExitCode.PARTIAL -> "completed with failed inputs";
      default -> "failed";
    };
    RunInfo info = new RunInfo(config.name(), startedAt, Instant.now().toString(), code, status,
        context.spark().sparkContext().master(), config.seed(), inputs, constructSetFiles, config, Versions.current(), context.runner().timings(),
        model == null ? List.of() : model.silhouettes(), model == null ? List.of() : model.stabilities(),
        model == null ? null : model.k(), stability,
        themes.isEmpty() ? null : themes.stream().mapToDouble(Theme::largestPaperShare).average().orElseThrow());
    AtomicFiles.write(outDir.resolve(RunLayout.RUN_INFO), w -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(w, info));
    return info;
  }
}
