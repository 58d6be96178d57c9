package org.thememiner.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.StatCounter;
import org.thememiner.annotate.AnnotateStage;
import org.thememiner.annotate.CoreNlpPipelines;
import org.thememiner.annotate.CoreNlpTermAnalyzer;
import org.thememiner.annotate.TermAnalyzer;
import org.thememiner.compare.ConstructComparator;
import org.thememiner.compare.ConstructComparison;
import org.thememiner.compare.ConstructSet;
import org.thememiner.compare.ConstructSets;
import org.thememiner.compare.CodedExamples;
import org.thememiner.compare.ExampleCoding;
import org.thememiner.compare.GoldAgreement;
import org.thememiner.compare.GoldCoding;
import org.thememiner.compare.InvalidGoldCodingException;
import org.thememiner.compare.InvalidConstructSetException;
import org.thememiner.compare.Profiler;
import org.thememiner.compare.SentenceCoder;
import org.thememiner.compare.TermVector;
import org.thememiner.compare.WeightedSimilarity;
import org.thememiner.compare.WordNetExpansion;
import org.thememiner.ingest.ExtractStage;
import org.thememiner.ingest.FileHashes;
import org.thememiner.ingest.InputFailure;
import org.thememiner.ingest.InputFile;
import org.thememiner.ingest.InputScanner;
import org.thememiner.ingest.Paper;
import org.thememiner.report.AtomicFiles;
import org.thememiner.report.Csv;
import org.thememiner.report.Drift;
import org.thememiner.report.HtmlReport;
import org.thememiner.report.PaperSummary;
import org.thememiner.report.Json;
import org.thememiner.report.RunInfo;
import org.thememiner.report.RunLayout;
import org.thememiner.report.Versions;
import org.thememiner.report.export.CsvExport;
import org.thememiner.report.export.QdpxExport;
import org.thememiner.themes.AssignmentCounts;
import org.thememiner.themes.SentenceEncoder;
import org.thememiner.themes.Stability;
import org.thememiner.themes.Theme;
import org.thememiner.themes.ThemeDiscovery;
import org.thememiner.themes.NewerModelFormatException;
import org.thememiner.themes.ThemeModel;
import org.thememiner.themes.ThemeRepresentation;
import org.thememiner.themes.ThemeSettings;

/**
 * One run: extract -> annotate -> themes -> compare -> report, each a Spark stage, data flowing one way.
 * Single-file outputs are streamed partition by partition ({@code toLocalIterator}), so the driver holds
 * per-theme summaries, never the corpus.
 */
public final class ThememinerJob {
  private final JobConfig config;
  private final PrintStream out;
  private final StageLog log;
  private final Path outDir;
  /** Whether {@link #preflight} made the output folder, so that a run stopping before any stage takes it away. */
  private boolean madeOutDir;
  private List<ConstructSet> constructSets = List.of();
  private List<GoldCoding> goldCodings = List.of();
  private Map<String, CodedExamples> codedExamples = Map.of();

  /**
   * Where this run stands among others of its job.
   *
   * @param previousRun the folder of the run to report drift against, or null
   * @param sharedModel where reruns keep the theme model (saved after a fit), or null
   * @param mode        whether to reuse the model in {@code sharedModel}: {@link RerunSettings#mode}
   * @param refitGrowth {@link RerunSettings#refitGrowth}
   */
  public record Plan(Path previousRun, Path sharedModel, String mode, double refitGrowth) {
    /** A scheduled rerun of a job as its {@code rerun} settings say. */
    public static Plan rerun(Path previousRun, JobConfig config) {
      return new Plan(previousRun, config.modelLocation(), config.rerun().mode(), config.rerun().refitGrowth());
    }
  }

  private final Plan plan;

  /** A plain run: drift against what the output folder held before. */
  public ThememinerJob(JobConfig config, PrintStream out) {
    this(config, out, new Plan(Path.of(config.out()), null, "refit", 0));
  }

  public ThememinerJob(JobConfig config, PrintStream out, Plan plan) {
    this.plan = plan;
    this.config = config;
    this.out = out;
    this.log = new StageLog(out);
    this.outDir = Path.of(config.out());
  }

  /** Checks everything that can be checked before Spark starts; returns the input files. */
  public List<InputFile> preflight() throws ConfigException {
    constructSets = new ArrayList<>();
    for (String file : config.constructs()) {
      try {
        constructSets.add(ConstructSets.load(Path.of(file)));
      } catch (InvalidConstructSetException e) {
        throw new ConfigException(e.getMessage());
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
    List<InputFile> files;
    try {
      files = InputScanner.scan(config.input());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    try {
      madeOutDir = !Files.exists(outDir);
      Files.createDirectories(outDir);
    } catch (IOException e) {
      throw new ConfigException("cannot create output folder " + outDir + ": " + e.getMessage());
    }
    if (!Files.isWritable(outDir)) throw new ConfigException("output folder " + outDir + " is not writable");
    return files;
  }

  private GoldCoding loadGold(String spec) throws ConfigException {
    try {
      return GoldCoding.load(fileOf(spec), setOf(spec, "--gold"));
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

  /** Extract only: papers.jsonl, errors.jsonl, run.json. */
  public int extract(SparkSession spark, List<InputFile> files) throws IOException {
    String startedAt = Instant.now().toString();
    Extracted extracted = extractStage(spark, files, cache(spark), Optional.empty());
    int code = extracted.summaries().isEmpty() ? ExitCode.FAILED : extracted.failures().isEmpty() ? ExitCode.OK : ExitCode.PARTIAL;
    writeErrors(extracted.failures());
    writeRunInfo(spark, startedAt, code, files, extracted, null, null, List.of());
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
    CorpusCache cache = cache(spark);
    Extracted extracted = extractStage(spark, files, cache, previous);
    List<InputFailure> failures = new ArrayList<>(extracted.failures());
    if (extracted.summaries().isEmpty()) {
      return failed(spark, startedAt, files, extracted, failures, "no input could be read; see " + outDir.resolve(RunLayout.ERRORS));
    }
    RunSentences annotated = annotateStage(spark, extracted, cache, failures);

    log.start("themes");
    Set<String> failedIds = failures.stream().map(InputFailure::paperId).filter(java.util.Objects::nonNull)
        .collect(Collectors.toSet());
    ModelChoice choice;
    try {
      choice = ModelChoice.of(plan, config.themes(), annotated, savedModel, () -> {
        if (previous.isEmpty()) return Optional.empty();
        try {
          return CarriedAssignments.load(spark, previous.get(), outDir, plan.sharedModel(), config, extracted.sha256ById(), failedIds);
        } catch (IOException e) {
          out.println("themes    the previous run's assignments cannot be read, so every sentence is assigned: " + e.getMessage());
          return Optional.empty();
        }
      });
    } catch (NewerModelFormatException e) {
      return failed(spark, startedAt, files, extracted, failures, e.getMessage());
    }
    boolean reuse = choice.reuse();
    // A fit passes over all the sentences several times; a reused model has read those it assigns already.
    Dataset<Row> sentences = reuse ? null : embeddedIfAsked(annotated.all(), cache);
    ThemeModel model;
    try {
      model = reuse ? choice.saved() : new ThemeDiscovery(config.themes()).fit(sentences);
    } catch (IllegalStateException e) {
      return failed(spark, startedAt, files, extracted, failures, e.getMessage());
    }
    Dataset<Row> assigned = reuse ? choice.assigned() : model.transform(sentences).persist(StorageLevel.MEMORY_AND_DISK());
    // A reused model's assignments were counted when the choice was made.
    AssignmentCounts counts = reuse ? choice.counts() : AssignmentCounts.of(assigned);
    List<Theme> themes = new ThemeRepresentation(config.themes()).describe(assigned, counts);
    long assignedCount = themes.stream().mapToLong(Theme::size).sum();
    long outliers = counts.outliers();
    // A model is written through Spark once and copied from there (writing a pipeline costs several Spark jobs),
    // so the run's model/ and the saved one are byte copies: what tells a later rerun they are the same model.
    saveModel(model, reuse ? plan.sharedModel() : null, outDir.resolve(RunLayout.MODEL));
    if (plan.sharedModel() != null && !reuse) saveModel(model, outDir.resolve(RunLayout.MODEL), plan.sharedModel());
    log.done(String.format("%d themes over %d sentences, %d outliers (%s)", themes.size(), assignedCount, outliers,
        (reuse ? "assigned with the model in " + plan.sharedModel() : config.themes().k() == 0 ? kChoice(model) : "k fixed")
            + (plan.sharedModel() == null ? "" : "; " + choice.reason())),
        "themes", themes.size(), "assigned", assignedCount, "outliers", outliers, "modelReused", reuse ? 1 : 0,
        "carriedPapers", choice.carriedPapers());
    Stability stability = null;
    if (config.themes().stabilitySeeds() > 0 && !reuse) {
      log.start("stability");
      // Automatic k already refitted the chosen k with every stability seed: no need to do it again.
      Optional<Stability> measured = model.selectionStability();
      stability = measured.orElseGet(() -> ThemeStability.measure(model, sentences, assigned));
      log.done(String.format(Locale.ROOT, "adjusted Rand index over %d other seeds: mean %.2f, min %.2f%s",
          stability.seeds().size(), stability.meanAri(), stability.minAri(),
          measured.isPresent() ? " (measured while choosing k)" : ""), "seeds", stability.seeds().size());
    }

    // WordNet and a CoreNLP pipeline take a while to load; only construct sets use them.
    Profiler profiler = constructSets.isEmpty() ? null
        : new Profiler(new CoreNlpTermAnalyzer(config.annotate()), WordNetExpansion.load());
    // The assigned table has every sentence, persisted: the coding reads it, not the sentences. The coding reads
    // every sentence's vector, and a reused model's run has embedded those of its new papers only.
    Dataset<Row> toCode = reuse && config.themes().embeds() && !constructSets.isEmpty() ? embedded(assigned, cache) : assigned;
    Map<String, ExampleCoding> exampleCodings = exampleCodings(spark, model, toCode);
    List<ConstructComparison> comparisons = compareStage(model, themes,
        codedShares(spark, model, toCode, themes, profiler, exampleCodings), profiler);
    Dataset<Row> coded = sentenceCodes(spark, model, toCode, profiler);

    log.start("report");
    if (reuse) writeSentences(choice.everyColumn(), choice.carried(), choice.added());
    else writeSentences(assigned.drop(ThemeDiscovery.EMBEDDING), null, null); // vectors are the model's input, not an output
    writeAssignments(assigned, constructsByTheme(comparisons), coded);
    AtomicFiles.write(outDir.resolve(RunLayout.THEMES), w -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(w, themes));
    Map<String, GoldAgreement> agreements = goldAgreements(comparisons);
    Drift drift = previous.map(p -> Drift.between(p.startedAt(), p.themes(), p.papers().keySet(), themes,
        new java.util.HashSet<>(extracted.sha256ById().keySet()))).orElse(null);
    if (drift != null) {
      AtomicFiles.write(outDir.resolve(RunLayout.DRIFT), w -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(w, drift));
    } else {
      Files.deleteIfExists(outDir.resolve(RunLayout.DRIFT));
    }
    AtomicFiles.write(outDir.resolve(RunLayout.COMPARISON),
        w -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(w, comparisonJson(comparisons, agreements, exampleCodings)));
    writeExampleCodes(assigned, exampleCodings);
    writeErrors(failures);
    int code = failures.isEmpty() ? ExitCode.OK : ExitCode.PARTIAL;
    log.done("outputs in " + outDir);
    RunInfo info = writeRunInfo(spark, startedAt, code, files, extracted, model, stability, themes);
    AtomicFiles.writeString(outDir.resolve(RunLayout.REPORT),
        HtmlReport.render(new HtmlReport.Content(info, extracted.summaries(), themes, comparisons, agreements, drift, failures)));
    export();
    return code;
  }

  private static String kChoice(ThemeModel model) {
    return model.stabilities().isEmpty() ? "k by silhouette" : "k by silhouette among the stable";
  }

  /** A run that cannot finish: what was done is kept, errors.jsonl and run.json say why. */
  private int failed(SparkSession spark, String startedAt, List<InputFile> files, Extracted extracted,
      List<InputFailure> failures, String reason) throws IOException {
    writeErrors(failures);
    writeRunInfo(spark, startedAt, ExitCode.FAILED, files, extracted, null, null, List.of());
    out.println("thememiner: " + reason);
    return ExitCode.FAILED;
  }

  /** The exports asked for, from the finished run folder. */
  private void export() throws IOException {
    if (config.export().isEmpty()) return;
    log.start("export");
    List<String> written = new ArrayList<>();
    if (config.export().contains("qdpx")) {
      QdpxExport.Result r = QdpxExport.write(outDir);
      written.add(String.format("%s (%d coded sentences%s)", outDir.relativize(r.project()), r.codedSentences(),
          r.unlocatedSentences() == 0 ? "" : ", " + r.unlocatedSentences() + " not located: see " + outDir.relativize(r.unlocatedReport())));
    }
    if (config.export().contains("csv")) written.add(CsvExport.write(outDir).size() + " CSV tables");
    log.done(String.join("; ", written));
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

  private CorpusCache cache(SparkSession spark) throws IOException {
    if (config.cacheLocation() == null) return null;
    CorpusCache cache = new CorpusCache(spark, config.cacheLocation(), out);
    cache.cleanUp();
    return cache;
  }

  /**
   * @param papers     every paper of the run but the carried ones, ordered by id
   * @param carried    the papers whose lines papers.jsonl took from the previous run ({@link CarriedPapers}): the
   *                   cache holds them, under their cache items
   * @param idsBySha   the paper ids of each content hash (two files with the same bytes are two papers)
   */
  private record Extracted(JavaRDD<Paper> papers, Map<String, List<InputFile>> carried, List<InputFailure> failures,
      Map<String, String> sha256ById, Map<String, List<String>> idsBySha, List<PaperSummary> summaries) {}

  /** A readable input and its content hash, or why it could not be read. */
  private record Hashed(InputFile file, String sha256, InputFailure failure) implements java.io.Serializable {}

  /** @param previous the run whose papers.jsonl lines this run may copy ({@link CarriedPapers}) */
  private Extracted extractStage(SparkSession spark, List<InputFile> files, CorpusCache cache, Optional<PreviousRun> previous)
      throws IOException {
    log.start("extract");
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Hashed> hashed = files.isEmpty() ? List.of() : jsc.parallelize(files, Math.max(1, Math.min(files.size(), jsc.defaultParallelism() * 4)))
        .map(f -> {
          try {
            return new Hashed(f, FileHashes.sha256(Path.of(f.path())), null);
          } catch (IOException | RuntimeException e) {
            return new Hashed(f, null, new InputFailure(f.path(), f.id(), "read", "cannot read the file: " + e.getMessage()));
          }
        }).collect();
    List<InputFailure> failures = new ArrayList<>();
    // Two files with the same name and bytes in different folders share an item; each is a paper of its own.
    Map<String, List<InputFile>> filesByItem = new LinkedHashMap<>();
    Map<String, String> hashes = new HashMap<>();
    for (Hashed h : hashed) {
      if (h.failure() != null) failures.add(h.failure());
      else {
        filesByItem.computeIfAbsent(itemOf(h.sha256(), h.file().path()), k -> new ArrayList<>()).add(h.file());
        hashes.put(h.file().id(), h.sha256());
      }
    }
    String key = extractKey();
    Set<String> cached = cache == null ? Set.of() : cache.cachedPapers(key, filesByItem.keySet());
    List<InputFile> toExtract = filesByItem.entrySet().stream().filter(e -> !cached.contains(e.getKey()))
        .flatMap(e -> e.getValue().stream()).sorted(java.util.Comparator.comparing(InputFile::path)).toList();
    CarriedPapers carried = CarriedPapers.of(previous, config, filesByItem.entrySet().stream()
        .filter(e -> cached.contains(e.getKey())).flatMap(e -> e.getValue().stream()).toList(), hashes);

    JavaRDD<ExtractStage.Outcome> outcomes;
    try (Progress progress = Progress.start(spark.sparkContext(), "extract", toExtract.size(),
        toExtract.stream().mapToLong(InputFile::size).sum(), true, out)) {
      outcomes = new ExtractStage(config.extract()).transform(jsc, toExtract, progress.counters());
      failures.addAll(outcomes.filter(o -> o.failure() != null).map(ExtractStage.Outcome::failure).collect());
    }
    JavaRDD<Paper> fresh = outcomes.filter(o -> o.paper() != null).map(ExtractStage.Outcome::paper);
    if (cache != null && !toExtract.isEmpty()) {
      Set<String> firstOfItem = filesByItem.values().stream().map(f -> f.get(0).id()).collect(Collectors.toSet());
      cache.addPapers(key, fresh.filter(p -> firstOfItem.contains(p.id())));
    }
    JavaRDD<Paper> papers = fresh;
    Map<String, List<InputFile>> fromCache = filesOf(filesByItem, cached, f -> !carried.ids().contains(f.id()));
    if (!fromCache.isEmpty()) papers = papers.union(cachedPapers(cache, fromCache));
    List<String> ids = filesByItem.values().stream().flatMap(List::stream).map(InputFile::id)
        .filter(id -> !carried.ids().contains(id)).sorted().toList();
    // Serialised, as every cached RDD of Java objects here: Spark sizes deserialised values by walking their
    // object graphs, which made the annotate stage 70 % slower when its outcomes were kept that way (measured).
    papers = papers.keyBy(Paper::id).repartitionAndSortWithinPartitions(IdRanges.of(ids, jsc.defaultParallelism()))
        .values().persist(StorageLevel.MEMORY_AND_DISK_SER());

    Map<String, String> sha = new LinkedHashMap<>();
    Map<String, List<String>> idsBySha = new LinkedHashMap<>();
    List<PaperSummary> summaries = new ArrayList<>();
    JavaRDD<Paper> others = papers;
    AtomicFiles.write(outDir.resolve(RunLayout.PAPERS), w -> carried.write(others.toLocalIterator(), w, p -> {
      sha.put(p.id(), p.sha256());
      idsBySha.computeIfAbsent(p.sha256(), k -> new ArrayList<>()).add(p.id());
      summaries.add(PaperSummary.of(p));
    }));
    failures.sort(java.util.Comparator.comparing(InputFailure::path));
    long reused = hashed.stream().filter(h -> h.failure() == null).count() - toExtract.size();
    log.done(String.format("%d papers (%d from cache), %d failed%s%s", summaries.size(), reused, failures.size(),
        failures.isEmpty() ? "" : " (see errors.jsonl)",
        carried.ids().isEmpty() ? "" : "; " + carried.ids().size() + " papers.jsonl lines copied from the previous run"),
        "papers", summaries.size(), "reused", reused, "carried", carried.ids().size(), "failed", failures.size());
    return new Extracted(papers, filesOf(filesByItem, cached, f -> carried.ids().contains(f.id())), failures, sha,
        idsBySha, List.copyOf(summaries));
  }

  /** The files of {@code items} that {@code keep} keeps, by item; items left without a file are left out. */
  private static Map<String, List<InputFile>> filesOf(Map<String, List<InputFile>> filesByItem, Set<String> items,
      java.util.function.Predicate<InputFile> keep) {
    Map<String, List<InputFile>> out = new LinkedHashMap<>();
    filesByItem.forEach((item, files) -> {
      List<InputFile> kept = items.contains(item) ? files.stream().filter(keep).toList() : List.of();
      if (!kept.isEmpty()) out.put(item, new ArrayList<>(kept));
    });
    return out;
  }

  /** The cached papers of these items, each as the paper of every file listed under it. */
  private static JavaRDD<Paper> cachedPapers(CorpusCache cache, Map<String, List<InputFile>> filesByItem) throws IOException {
    Map<String, List<InputFile>> locations = new LinkedHashMap<>(filesByItem);
    return cache.papers(extractKey(), locations.keySet())
        .flatMap(p -> locations.get(itemOf(p.sha256(), p.source())).stream().map(f -> relocate(p, f)).iterator());
  }

  private static String itemOf(String sha256, String path) {
    return CorpusCache.paperItem(sha256, Path.of(path).getFileName().toString());
  }

  /** A cached paper as the paper of the file that has its bytes now. */
  private static Paper relocate(Paper p, InputFile f) {
    return new Paper(f.id(), f.path(), p.sha256(), p.format(), p.title(), p.authors(), p.year(), p.doi(), p.journal(),
        p.sections(), p.captions(), p.references(), p.warnings());
  }

  private RunSentences annotateStage(SparkSession spark, Extracted extracted, CorpusCache cache, List<InputFailure> failures)
      throws IOException {
    log.start("annotate");
    // The row layout too: a column added in a new version invalidates old entries.
    String key = CorpusCache.key(extractKey(), config.annotate().output(), CoreNlpPipelines.SENTENCE_BOUND,
        Versions.current().get("corenlp"), AnnotateStage.SCHEMA.json());
    Map<String, CorpusCache.SentenceCounts> cachedCounts = cache == null ? Map.of()
        : cache.cachedSentences(key, extracted.idsBySha().keySet());
    Set<String> cached = new java.util.HashSet<>(cachedCounts.keySet());
    JavaRDD<Paper> toAnnotate = extracted.papers().filter(p -> !cached.contains(p.sha256()));
    // A carried paper is read from the cache only when its sentences are not there.
    Map<String, List<InputFile>> carriedToAnnotate = new LinkedHashMap<>(extracted.carried());
    carriedToAnnotate.values().removeIf(f -> cached.contains(extracted.sha256ById().get(f.get(0).id())));
    if (!carriedToAnnotate.isEmpty()) toAnnotate = toAnnotate.union(cachedPapers(cache, carriedToAnnotate));
    StatCounter text = toAnnotate.mapToDouble(Paper::textLength).stats();
    // One copy per content hash goes into the cache, under the hash's first paper id.
    Map<String, String> shaByFirstId = new LinkedHashMap<>();
    extracted.idsBySha().forEach((sha, ids) -> shaByFirstId.put(ids.get(0), sha));
    JavaRDD<AnnotateStage.Outcome> annotated;
    try (Progress progress = Progress.start(spark.sparkContext(), "annotate", text.count(), Math.round(text.sum()), false, out)) {
      annotated = new AnnotateStage(config.annotate()).transform(toAnnotate, progress.counters());
      if (cache != null) annotated = cache.committingSentences(key, annotated, shaByFirstId, config.annotate().cacheBatchPapers());
      annotated = annotated.persist(StorageLevel.MEMORY_AND_DISK_SER());
      failures.addAll(annotated.filter(o -> o.failure() != null).map(AnnotateStage.Outcome::failure).collect());
    }
    Dataset<Row> fresh = AnnotateStage.toFrame(spark, annotated.filter(o -> o.sentences() != null)
        .flatMap(o -> o.sentences().iterator()));
    RunSentences sentences = RunSentences.annotatedNow(fresh);
    if (cache != null) {
      // A run that annotated nothing adds no (empty) batch: every batch is one more folder each later run reads.
      if (text.count() > 0) {
        List<Row> firstIds = new ArrayList<>();
        shaByFirstId.forEach((id, sha) -> firstIds.add(RowFactory.create(id, sha)));
        cache.addSentences(key, fresh.join(spark.createDataFrame(firstIds, RunSentences.ID_SHA), "paper_id"));
      }
      Map<String, List<String>> cachedIds = new LinkedHashMap<>(extracted.idsBySha());
      cachedIds.keySet().retainAll(cached);
      sentences = new RunSentences(fresh, cache, key, cachedIds);
    }
    // Counted, not read: a rerun that carries the previous run's assignments reads only its new papers' sentences.
    scala.Tuple2<Long, Long> totals = annotated.filter(o -> o.sentences() != null)
        .map(o -> new scala.Tuple2<>((long) o.sentences().size(), o.sentences().stream().mapToLong(s -> s.tokens().size()).sum()))
        .fold(new scala.Tuple2<>(0L, 0L), (a, b) -> new scala.Tuple2<>(a._1() + b._1(), a._2() + b._2()));
    long sentenceCount = totals._1();
    long tokenCount = totals._2();
    long reused = 0;
    for (Map.Entry<String, CorpusCache.SentenceCounts> e : cachedCounts.entrySet()) {
      int files = extracted.idsBySha().get(e.getKey()).size(); // each file with those bytes has the sentences
      sentenceCount += files * e.getValue().sentences();
      tokenCount += files * e.getValue().tokens();
      reused += files;
    }
    log.done(String.format("%d sentences, %d tokens (%d papers from cache)", sentenceCount, tokenCount, reused),
        "sentences", sentenceCount, "tokens", tokenCount, "reused", reused, "annotated", text.count());
    return sentences;
  }

  /** What shapes extraction output: the extractor code (thememiner's version) and PDFBox. */
  private static String extractKey() {
    Map<String, String> v = Versions.current();
    return CorpusCache.key(v.get("thememiner"), v.get("pdfbox"));
  }

  /** Compares the themes with each construct set; without construct sets ({@code profiler} is then null), says so. */
  private List<ConstructComparison> compareStage(ThemeModel model, List<Theme> themes,
      Map<String, Map<Integer, Map<String, Double>>> codedShares, Profiler profiler) {
    log.start("compare");
    if (constructSets.isEmpty()) {
      log.done("no construct set given", "constructSets", 0);
      return List.of();
    }
    WeightedSimilarity similarity = model.wordVectors().map(WeightedSimilarity::withEmbeddings)
        .orElseGet(WeightedSimilarity::standard);
    List<ConstructComparison> comparisons = new ConstructComparator(profiler, similarity, config.compare())
        .compare(constructSets, themes, codedShares);
    log.done(comparisons.stream()
        .map(c -> String.format(Locale.ROOT, "%s coverage %.2f precision %.2f", c.setId(), c.coverage(), c.precision()))
        .collect(Collectors.joining("; ")), "constructSets", comparisons.size());
    return comparisons;
  }

  private Map<String, GoldAgreement> goldAgreements(List<ConstructComparison> comparisons) {
    Map<String, GoldAgreement> agreements = new LinkedHashMap<>();
    for (GoldCoding gold : goldCodings) {
      comparisons.stream().filter(c -> c.setId().equals(gold.setId())).findFirst()
          .ifPresent(c -> agreements.put(gold.setId(), GoldAgreement.of(gold, c)));
    }
    agreements.forEach((set, a) -> out.printf(Locale.ROOT, "gold      %s: Cohen's kappa %s over %d papers%n", set,
        a.kappa() == null ? "undefined" : String.format(Locale.ROOT, "%.2f", a.kappa()), a.papers()));
    return agreements;
  }

  /**
   * comparison.json: each set's comparison, with its gold agreement under {@code goldAgreement} when scored and its
   * coded examples' coder under {@code exampleCoding} when given.
   */
  private static List<com.fasterxml.jackson.databind.node.ObjectNode> comparisonJson(List<ConstructComparison> comparisons,
      Map<String, GoldAgreement> agreements, Map<String, ExampleCoding> exampleCodings) {
    return comparisons.stream().map(c -> {
      com.fasterxml.jackson.databind.node.ObjectNode node = Json.MAPPER.valueToTree(c);
      if (agreements.containsKey(c.setId())) node.set("goldAgreement", Json.MAPPER.valueToTree(agreements.get(c.setId())));
      if (exampleCodings.containsKey(c.setId())) {
        node.set("exampleCoding", Json.MAPPER.valueToTree(exampleCodings.get(c.setId()).summary()));
      }
      return node;
    }).toList();
  }

  /**
   * The construct each theme's sentences are labelled with in assignments.csv: over all construct sets, the
   * most similar construct the theme maps to, as {@code set:construct}.
   */
  private static Map<Integer, ConstructComparison.ThemeConstructPair> constructsByTheme(List<ConstructComparison> comparisons) {
    Map<Integer, ConstructComparison.ThemeConstructPair> best = new java.util.HashMap<>();
    for (ConstructComparison c : comparisons) {
      for (ConstructComparison.ThemeConstructPair p : c.mapping()) {
        ConstructComparison.ThemeConstructPair qualified =
            new ConstructComparison.ThemeConstructPair(p.themeId(), c.setId() + ":" + p.constructId(), p.similarity());
        best.merge(p.themeId(), qualified, (a, b) -> b.similarity() > a.similarity() ? b : a);
      }
    }
    return best;
  }

  /** Per construct set with coded examples, the coder made from them and its codes of the run's sentences. */
  private Map<String, ExampleCoding> exampleCodings(SparkSession spark, ThemeModel model, Dataset<Row> assigned) {
    if (codedExamples.isEmpty()) return Map.of();
    log.start("coding");
    TermAnalyzer analyzer = new CoreNlpTermAnalyzer(config.annotate());
    Map<String, ExampleCoding> out = new LinkedHashMap<>();
    for (ConstructSet set : constructSets) {
      CodedExamples examples = codedExamples.get(set.id());
      if (examples == null) continue;
      ExampleCoding coding = ExampleCoding.run(spark, examples, config.compare().exampleCoder(), model, analyzer,
          assigned, config.seed());
      coding = new ExampleCoding(coding.summary(), coding.codes().persist(StorageLevel.MEMORY_AND_DISK()));
      out.put(set.id(), coding);
    }
    log.done(out.values().stream().map(c -> String.format(Locale.ROOT, "%s from %d coded examples: cross-validated kappa %.2f",
        c.summary().setId(), c.summary().examples(), c.summary().validation().kappa())).collect(Collectors.joining("; ")),
        "codedSets", out.size());
    return out;
  }

  /**
   * The sentences with their embeddings ({@link ThemeDiscovery#withEmbeddings}), persisted: from the cache where an
   * earlier run embedded the same text with the same model, the others by the model now, and those added to the
   * cache. Sentences that have them already are returned as they are.
   */
  private Dataset<Row> embedded(Dataset<Row> sentences, CorpusCache cache) throws IOException {
    ThemeSettings settings = config.themes();
    if (java.util.Arrays.asList(sentences.columns()).contains(ThemeDiscovery.EMBEDDING)) return sentences;
    log.start("embed");
    String key = CorpusCache.key(SentenceEncoder.shapedBy(settings.embeddingModel()));
    Dataset<Row> withSha = sentences.withColumn(TEXT_SHA, sha2(col("text"), 256));
    Dataset<Row> cached = cache == null ? null : cache.embeddings(key, withSha.select(TEXT_SHA).distinct());
    Dataset<Row> looked = cached == null
        ? withSha.withColumn(ThemeDiscovery.CACHED_EMBEDDING, lit(null).cast(new org.apache.spark.ml.linalg.VectorUDT()))
        : withSha.join(cached.withColumnRenamed("embedding", ThemeDiscovery.CACHED_EMBEDDING), new String[] {TEXT_SHA}, "left");
    org.apache.spark.sql.Column embeddedHere = col(ThemeDiscovery.CACHED_EMBEDDING).isNull().and(NON_ZERO.apply(col(ThemeDiscovery.EMBEDDING)));
    Dataset<Row> vectors = ThemeDiscovery.withEmbeddings(looked, settings);
    if (cache != null) vectors = cache.committingEmbeddings(key, vectors, embeddedHere);
    Dataset<Row> out = vectors.persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> fresh = out.filter(embeddedHere);
    long embeddedNow = fresh.count();
    long fromCache = cached == null ? 0 : out.filter(col(ThemeDiscovery.CACHED_EMBEDDING).isNotNull()
        .and(NON_ZERO.apply(col(ThemeDiscovery.EMBEDDING)))).count();
    if (cache != null && embeddedNow > 0) {
      cache.addEmbeddings(key, fresh.select(col(TEXT_SHA), col(ThemeDiscovery.EMBEDDING).as("embedding")).dropDuplicates(TEXT_SHA));
    }
    if (cached != null) cached.unpersist();
    log.done(String.format(Locale.ROOT, "%d sentences embedded by %s, %d from cache", embeddedNow, settings.embeddingModel(), fromCache),
        "embedded", embeddedNow, "fromCache", fromCache);
    return out.drop(TEXT_SHA, ThemeDiscovery.CACHED_EMBEDDING);
  }

  /**
   * The sentences a fit reads, persisted: with their embeddings when the representation embeds, made as a stage of
   * their own in the log and run.json, after which the fit goes on as the themes stage.
   */
  private Dataset<Row> embeddedIfAsked(Dataset<Row> sentences, CorpusCache cache) throws IOException {
    if (!config.themes().embeds()) return sentences.persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> embedded = embedded(sentences, cache);
    log.start("themes");
    return embedded;
  }

  private static final String TEXT_SHA = "text_sha";
  private static final org.apache.spark.sql.expressions.UserDefinedFunction NON_ZERO = org.apache.spark.sql.functions.udf(
      (org.apache.spark.sql.api.java.UDF1<org.apache.spark.ml.linalg.Vector, Boolean>) v -> v.numNonzeros() > 0,
      org.apache.spark.sql.types.DataTypes.BooleanType);

  /**
   * Per construct set, per theme, the share of the theme's sentences coded with each of the set's constructs (coding
   * against that set alone): the compare stage's coded evidence. A set's coded examples code its sentences when given
   * ({@link ExampleCoding}), otherwise {@link SentenceCoder} does from the constructs' descriptions.
   */
  private Map<String, Map<Integer, Map<String, Double>>> codedShares(SparkSession spark, ThemeModel model,
      Dataset<Row> assigned, List<Theme> themes, Profiler profiler, Map<String, ExampleCoding> exampleCodings) {
    Dataset<Row> themed = assigned.filter(col(ThemeModel.THEME_ID).isNotNull()).select("paper_id", "sentence_no", ThemeModel.THEME_ID);
    Map<Integer, Long> sizes = themes.stream().collect(Collectors.toMap(Theme::id, Theme::size));
    Map<String, Map<Integer, Map<String, Double>>> out = new LinkedHashMap<>();
    for (ConstructSet set : constructSets) {
      Dataset<Row> coded = exampleCodings.containsKey(set.id()) ? exampleCodings.get(set.id()).codes()
          : new SentenceCoder(config.compare().minCodingScore()).code(spark, model, assigned, profiles(set, profiler, ""))
              .filter(col(SentenceCoder.CODED).isNotNull());
      Map<Integer, Map<String, Double>> shares = new java.util.HashMap<>();
      for (Row r : themed.join(coded, ThemeModel.SENTENCE_KEY).groupBy(ThemeModel.THEME_ID, SentenceCoder.CODED).count().collectAsList()) {
        shares.computeIfAbsent(r.getInt(0), t -> new java.util.HashMap<>()).put(r.getString(1), (double) r.getLong(2) / sizes.get(r.getInt(0)));
      }
      out.put(set.id(), shares);
    }
    return out;
  }

  /** Each construct's coding prototype by {@code prefix + construct id}, in the set's order. */
  public static Map<String, SentenceCoder.Prototype> profiles(ConstructSet set, Profiler profiler, String prefix) {
    Map<String, SentenceCoder.Prototype> profiles = new LinkedHashMap<>();
    profiler.profile(set).forEach(p -> profiles.put(prefix + p.id(), SentenceCoder.Prototype.of(p.construct(), p.terms())));
    return profiles;
  }

  /** Each sentence's most similar construct over all sets, as {@code set:construct}; null without construct sets. */
  private Dataset<Row> sentenceCodes(SparkSession spark, ThemeModel model, Dataset<Row> assigned, Profiler profiler) {
    if (constructSets.isEmpty()) return null;
    Map<String, SentenceCoder.Prototype> profiles = new LinkedHashMap<>();
    for (ConstructSet set : constructSets) profiles.putAll(profiles(set, profiler, set.id() + ":"));
    return new SentenceCoder(config.compare().minCodingScore()).code(spark, model, assigned, profiles);
  }

  /** A carried rerun copies the previous sentences/ while it has fewer files than this, else writes it whole. */
  private static final int MAX_SENTENCE_FILES = 64;

  /**
   * sentences/: every sentence with its theme, each file sorted by paper and sentence. A rerun that carried every
   * paper of the previous run's table copies its files and writes only the other papers' rows beside them; once
   * the table has {@value #MAX_SENTENCE_FILES} files, it is written whole again in one sort, which merges them.
   *
   * @param all     every sentence, every column
   * @param carried the previous run's assignments that {@code all} took over, or null
   * @param added   with {@code carried}: the other papers' rows
   */
  private void writeSentences(Dataset<Row> all, CarriedAssignments carried, Dataset<Row> added) throws IOException {
    Path tmp = outDir.resolve(".sentences.tmp");
    AtomicFiles.deleteTree(tmp);
    Path previous = carried == null ? null : carried.from().resolve(RunLayout.SENTENCES);
    if (carried != null && carried.wholeTable() && dataFiles(previous).size() < MAX_SENTENCE_FILES) {
      Path addedFiles = outDir.resolve(".sentences-added.tmp");
      AtomicFiles.deleteTree(addedFiles);
      // Sorted per file, as the copied files are: no global sort, whose range partitioning costs a sampling job.
      added.repartition(col("paper_id")).sortWithinPartitions("paper_id", "sentence_no").write()
          .parquet(addedFiles.toUri().toString());
      AtomicFiles.copyTree(previous, tmp);
      // Spark names its files part-NNNNN-<job uuid>: the copied and the added ones cannot clash.
      for (Path f : dataFiles(addedFiles)) {
        Files.move(f, tmp.resolve(f.getFileName()));
        Path crc = f.resolveSibling("." + f.getFileName() + ".crc");
        if (Files.exists(crc)) Files.move(crc, tmp.resolve(crc.getFileName()));
      }
      AtomicFiles.deleteTree(addedFiles);
    } else {
      all.orderBy("paper_id", "sentence_no").write().parquet(tmp.toUri().toString());
    }
    AtomicFiles.replace(tmp, outDir.resolve(RunLayout.SENTENCES));
  }

  /** The Parquet files of a table folder Spark wrote. */
  private static List<Path> dataFiles(Path table) throws IOException {
    try (var files = Files.list(table)) {
      return files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList();
    }
  }

  /**
   * assignments.csv: every sentence with a theme, the construct its theme maps to and, with {@code coded}, the
   * construct the sentence itself is most similar to ({@link SentenceCoder}).
   */
  private void writeAssignments(Dataset<Row> assigned, Map<Integer, ConstructComparison.ThemeConstructPair> constructs,
      Dataset<Row> coded) throws IOException {
    Dataset<Row> withTheme = assigned.filter(col(ThemeModel.THEME_ID).isNotNull());
    Dataset<Row> rows = (coded == null
        ? withTheme.withColumn(SentenceCoder.CODED, lit(null).cast("string")).withColumn(SentenceCoder.SCORE, lit(null).cast("double"))
        : withTheme.join(coded, ThemeModel.SENTENCE_KEY, "left"))
        .orderBy("paper_id", "sentence_no")
        .select("paper_id", "section", "sentence_no", ThemeModel.THEME_ID, SentenceCoder.CODED, SentenceCoder.SCORE, "text");
    AtomicFiles.write(outDir.resolve(RunLayout.ASSIGNMENTS), w -> {
      Csv.row(w, RunLayout.ASSIGNMENTS_COLUMNS);
      Iterator<Row> it = rows.toLocalIterator();
      while (it.hasNext()) {
        Row r = it.next();
        ConstructComparison.ThemeConstructPair c = constructs.get(r.getInt(3));
        Csv.row(w, java.util.Arrays.asList(r.getString(0), r.getString(1), r.getInt(2), r.getInt(3),
            c == null ? null : c.constructId(),
            c == null ? null : String.format(Locale.ROOT, "%.4f", c.similarity()),
            r.getString(4), r.isNullAt(4) ? null : String.format(Locale.ROOT, "%.4f", r.getDouble(5)), r.getString(6)));
      }
    });
  }

  /**
   * example_coding.csv, with coded examples only: every sentence the example coders coded, per set, with the
   * construct as {@code set:construct} and the coder's score; removed when the run has none.
   */
  private void writeExampleCodes(Dataset<Row> assigned, Map<String, ExampleCoding> exampleCodings) throws IOException {
    Path file = outDir.resolve(RunLayout.EXAMPLE_CODING);
    if (exampleCodings.isEmpty()) {
      Files.deleteIfExists(file);
      return;
    }
    Dataset<Row> context = assigned.select("paper_id", "sentence_no", "section", "text");
    AtomicFiles.write(file, w -> {
      Csv.row(w, RunLayout.EXAMPLE_CODING_COLUMNS);
      for (ExampleCoding coding : exampleCodings.values()) {
        Iterator<Row> it = coding.codes().join(context, ThemeModel.SENTENCE_KEY).orderBy("paper_id", "sentence_no")
            .select("paper_id", "section", "sentence_no", SentenceCoder.CODED, SentenceCoder.SCORE, "text").toLocalIterator();
        while (it.hasNext()) {
          Row r = it.next();
          Csv.row(w, java.util.Arrays.asList(r.getString(0), r.getString(1), r.getInt(2), coding.summary().setId() + ":" + r.getString(3),
              String.format(Locale.ROOT, "%.4f", r.getDouble(4)), r.getString(5)));
        }
      }
    });
  }

  private void writeErrors(List<InputFailure> failures) throws IOException {
    AtomicFiles.write(outDir.resolve(RunLayout.ERRORS), (Writer w) -> {
      for (InputFailure f : failures) {
        w.write(Json.MAPPER.writeValueAsString(f));
        w.write('\n');
      }
    });
  }

  private RunInfo writeRunInfo(SparkSession spark, String startedAt, int code, List<InputFile> files, Extracted extracted, ThemeModel model,
      Stability stability, List<Theme> themes)
      throws IOException {
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (InputFile f : files) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", f.path());
      m.put("id", f.id());
      m.put("format", f.format());
      m.put("bytes", f.size());
      m.put("sha256", extracted.sha256ById().get(f.id()));
      inputs.add(m);
    }
    String status = switch (code) {
      case ExitCode.OK -> "ok";
      case ExitCode.PARTIAL -> "completed with failed inputs";
      default -> "failed";
    };
    RunInfo info = new RunInfo(config.name(), startedAt, Instant.now().toString(), code, status, spark.sparkContext().master(),
        config.seed(), inputs, config, Versions.current(), log.timings(),
        model == null ? List.of() : model.silhouettes(), model == null ? List.of() : model.stabilities(),
        model == null ? null : model.k(), stability,
        themes.isEmpty() ? null : themes.stream().mapToDouble(Theme::largestPaperShare).average().orElseThrow());
    AtomicFiles.write(outDir.resolve(RunLayout.RUN_INFO), w -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(w, info));
    return info;
  }
}
