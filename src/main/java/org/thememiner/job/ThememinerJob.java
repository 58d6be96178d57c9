package org.thememiner.job;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.thememiner.annotate.AnnotateStage;
import org.thememiner.ingest.ExtractStage;
import org.thememiner.ingest.FileHashes;
import org.thememiner.ingest.InputFailure;
import org.thememiner.ingest.InputFile;
import org.thememiner.ingest.InputScanner;
import org.thememiner.ingest.Paper;
import org.thememiner.report.AtomicFiles;
import org.thememiner.report.Csv;
import org.thememiner.report.HtmlReport;
import org.thememiner.report.PaperSummary;
import org.thememiner.report.Json;
import org.thememiner.report.RunInfo;
import org.thememiner.report.Versions;
import org.thememiner.themes.Theme;
import org.thememiner.themes.ThemeDiscovery;
import org.thememiner.themes.ThemeModel;
import org.thememiner.themes.ThemeRepresentation;

/**
 * One run: extract -> annotate -> themes -> compare -> report, each a Spark stage, data flowing one way.
 * Single-file outputs are streamed partition by partition ({@code toLocalIterator}), so the driver holds
 * per-theme summaries, never the corpus.
 */
public final class ThememinerJob {
  /** Every input was processed. */
  public static final int EXIT_OK = 0;
  /** The run started but could not finish (no input readable, too little text for themes, an internal error). */
  public static final int EXIT_FAILED = 1;
  /** Nothing was done: invalid arguments, job spec, construct file or output folder. */
  public static final int EXIT_CONFIG = 2;
  /** The run finished, but some inputs failed: see errors.jsonl. */
  public static final int EXIT_PARTIAL = 3;

  private final JobConfig config;
  private final PrintStream out;
  private final StageLog log;
  private final Path outDir;

  public ThememinerJob(JobConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
    this.log = new StageLog(out);
    this.outDir = Path.of(config.out());
  }

  /** Checks everything that can be checked before Spark starts; returns the input files. */
  public List<InputFile> preflight() throws ConfigException {
    List<InputFile> files;
    try {
      files = InputScanner.scan(config.input());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    try {
      Files.createDirectories(outDir);
    } catch (IOException e) {
      throw new ConfigException("cannot create output folder " + outDir + ": " + e.getMessage());
    }
    if (!Files.isWritable(outDir)) throw new ConfigException("output folder " + outDir + " is not writable");
    return files;
  }

  /** Extract only: papers.jsonl, errors.jsonl, run.json. */
  public int extract(SparkSession spark, List<InputFile> files) throws IOException {
    String startedAt = Instant.now().toString();
    Extracted extracted = extractStage(spark, files, cache(spark));
    int code = extracted.summaries().isEmpty() ? EXIT_FAILED : extracted.failures().isEmpty() ? EXIT_OK : EXIT_PARTIAL;
    writeErrors(extracted.failures());
    writeRunInfo(spark, startedAt, code, files, extracted, null);
    return code;
  }

  /** The whole job. */
  public int run(SparkSession spark, List<InputFile> files) throws IOException {
    String startedAt = Instant.now().toString();
    CorpusCache cache = cache(spark);
    Extracted extracted = extractStage(spark, files, cache);
    List<InputFailure> failures = new ArrayList<>(extracted.failures());
    if (extracted.summaries().isEmpty()) {
      writeErrors(failures);
      writeRunInfo(spark, startedAt, EXIT_FAILED, files, extracted, null);
      out.println("thememiner: no input could be read; see " + outDir.resolve("errors.jsonl"));
      return EXIT_FAILED;
    }
    Dataset<Row> sentences = annotateStage(spark, extracted, cache, failures);

    log.start("themes");
    ThemeModel model;
    try {
      model = new ThemeDiscovery(config.themes()).fit(sentences);
    } catch (IllegalStateException e) {
      writeErrors(failures);
      writeRunInfo(spark, startedAt, EXIT_FAILED, files, extracted, null);
      out.println("thememiner: " + e.getMessage());
      return EXIT_FAILED;
    }
    Dataset<Row> assigned = model.transform(sentences).persist(StorageLevel.MEMORY_AND_DISK());
    List<Theme> themes = new ThemeRepresentation(config.themes()).describe(assigned);
    long assignedCount = themes.stream().mapToLong(Theme::size).sum();
    long outliers = assigned.filter(col(ThemeModel.THEME_STATUS).equalTo(ThemeModel.STATUS_OUTLIER)).count();
    model.save(outDir.resolve("model"));
    log.done(String.format("%d themes over %d sentences, %d outliers (k %s)", themes.size(), assignedCount, outliers,
        config.themes().k() == 0 ? "by silhouette" : "fixed"), "themes", themes.size(), "assigned", assignedCount,
        "outliers", outliers);

    log.start("report");
    writeSentences(assigned);
    writeAssignments(assigned);
    AtomicFiles.write(outDir.resolve("themes.json"), w -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(w, themes));
    writeErrors(failures);
    int code = failures.isEmpty() ? EXIT_OK : EXIT_PARTIAL;
    log.done("outputs in " + outDir);
    RunInfo info = writeRunInfo(spark, startedAt, code, files, extracted, model);
    AtomicFiles.writeString(outDir.resolve("report.html"),
        HtmlReport.render(new HtmlReport.Content(info, extracted.summaries(), themes, List.of(), failures)));
    return code;
  }

  private CorpusCache cache(SparkSession spark) throws IOException {
    if (config.cacheLocation() == null) return null;
    CorpusCache cache = new CorpusCache(spark, config.cacheLocation());
    cache.cleanUp();
    return cache;
  }

  /**
   * @param papers     every paper of the run, ordered by id
   * @param idsBySha   the paper ids of each content hash (two files with the same bytes are two papers)
   */
  private record Extracted(JavaRDD<Paper> papers, List<InputFailure> failures, Map<String, String> sha256ById,
      Map<String, List<String>> idsBySha, List<PaperSummary> summaries) {}

  /** A readable input and its content hash, or why it could not be read. */
  private record Hashed(InputFile file, String sha256, InputFailure failure) implements java.io.Serializable {}

  private Extracted extractStage(SparkSession spark, List<InputFile> files, CorpusCache cache) throws IOException {
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
    Map<String, List<InputFile>> filesBySha = new LinkedHashMap<>();
    for (Hashed h : hashed) {
      if (h.failure() != null) failures.add(h.failure());
      else filesBySha.computeIfAbsent(h.sha256(), k -> new ArrayList<>()).add(h.file());
    }
    String key = extractKey();
    Set<String> cached = cache == null ? Set.of() : cache.cachedPapers(key, filesBySha.keySet());
    List<InputFile> toExtract = filesBySha.entrySet().stream().filter(e -> !cached.contains(e.getKey()))
        .flatMap(e -> e.getValue().stream()).sorted(java.util.Comparator.comparing(InputFile::path)).toList();

    JavaRDD<ExtractStage.Outcome> outcomes = new ExtractStage(config.extract()).transform(jsc, toExtract);
    failures.addAll(outcomes.filter(o -> o.failure() != null).map(ExtractStage.Outcome::failure).collect());
    JavaRDD<Paper> fresh = outcomes.filter(o -> o.paper() != null).map(ExtractStage.Outcome::paper);
    if (cache != null && !toExtract.isEmpty()) cache.addPapers(key, fresh);
    JavaRDD<Paper> papers = fresh;
    if (!cached.isEmpty()) {
      Map<String, List<InputFile>> locations = new LinkedHashMap<>(filesBySha);
      JavaRDD<Paper> reused = cache.papers(key, cached)
          .flatMap(p -> locations.get(p.sha256()).stream().map(f -> relocate(p, f)).iterator());
      papers = papers.union(reused);
    }
    papers = papers.sortBy(Paper::id, true, Math.max(1, jsc.defaultParallelism())).persist(StorageLevel.MEMORY_AND_DISK());

    Map<String, String> sha = new LinkedHashMap<>();
    Map<String, List<String>> idsBySha = new LinkedHashMap<>();
    List<PaperSummary> summaries = new ArrayList<>();
    JavaRDD<Paper> all = papers;
    AtomicFiles.write(outDir.resolve("papers.jsonl"), w -> {
      Iterator<Paper> it = all.toLocalIterator();
      while (it.hasNext()) {
        Paper p = it.next();
        w.write(Json.MAPPER.writeValueAsString(p));
        w.write('\n');
        sha.put(p.id(), p.sha256());
        idsBySha.computeIfAbsent(p.sha256(), k -> new ArrayList<>()).add(p.id());
        summaries.add(PaperSummary.of(p));
      }
    });
    failures.sort(java.util.Comparator.comparing(InputFailure::path));
    long reused = cached.stream().mapToLong(h -> filesBySha.get(h).size()).sum();
    log.done(String.format("%d papers (%d from cache), %d failed%s", summaries.size(), reused, failures.size(),
        failures.isEmpty() ? "" : " (see errors.jsonl)"), "papers", summaries.size(), "reused", reused,
        "failed", failures.size());
    return new Extracted(papers, failures, sha, idsBySha, List.copyOf(summaries));
  }

  /** A cached paper as the paper of the file that has its bytes now. */
  private static Paper relocate(Paper p, InputFile f) {
    return new Paper(f.id(), f.path(), p.sha256(), p.format(), p.title(), p.authors(), p.year(), p.doi(), p.journal(),
        p.sections(), p.captions(), p.references(), p.warnings());
  }

  private Dataset<Row> annotateStage(SparkSession spark, Extracted extracted, CorpusCache cache, List<InputFailure> failures)
      throws IOException {
    log.start("annotate");
    String key = CorpusCache.key(extractKey(), config.annotate(), Versions.current().get("corenlp"));
    Set<String> cached = cache == null ? Set.of() : cache.cachedSentences(key, extracted.idsBySha().keySet());
    JavaRDD<AnnotateStage.Outcome> annotated = new AnnotateStage(config.annotate())
        .transform(extracted.papers().filter(p -> !cached.contains(p.sha256())))
        .persist(StorageLevel.MEMORY_AND_DISK());
    failures.addAll(annotated.filter(o -> o.failure() != null).map(AnnotateStage.Outcome::failure).collect());
    Dataset<Row> fresh = AnnotateStage.toFrame(spark, annotated.filter(o -> o.sentences() != null)
        .flatMap(o -> o.sentences().iterator()));
    List<Row> idSha = new ArrayList<>();
    extracted.idsBySha().forEach((sha, ids) -> ids.forEach(id -> idSha.add(RowFactory.create(id, sha, id.equals(ids.get(0))))));
    Dataset<Row> ids = spark.createDataFrame(idSha, new StructType().add("paper_id", DataTypes.StringType)
        .add("sha256", DataTypes.StringType).add("first", DataTypes.BooleanType));
    Dataset<Row> sentences = fresh;
    if (cache != null) {
      // One copy per content hash goes into the cache; each file with those bytes gets it back on reuse.
      cache.addSentences(key, fresh.join(ids.filter(col("first")), "paper_id").drop("first"));
      if (!cached.isEmpty()) {
        Dataset<Row> reused = cache.sentences(key, cached).drop("paper_id").join(ids.drop("first"), "sha256");
        sentences = sentences.unionByName(reused.select(CorpusCache.sentenceColumns()));
      }
    }
    sentences = sentences.persist(StorageLevel.MEMORY_AND_DISK());
    Row totals = sentences.selectExpr("count(*)", "coalesce(sum(size(tokens)), 0)").first();
    long reused = extracted.idsBySha().entrySet().stream().filter(e -> cached.contains(e.getKey()))
        .mapToLong(e -> e.getValue().size()).sum();
    log.done(String.format("%d sentences, %d tokens (%d papers from cache)", totals.getLong(0), totals.getLong(1), reused),
        "sentences", totals.getLong(0), "tokens", totals.getLong(1), "reused", reused);
    return sentences;
  }

  /** What shapes extraction output: the extractor code (thememiner's version) and PDFBox. */
  private static String extractKey() {
    Map<String, String> v = Versions.current();
    return CorpusCache.key(v.get("thememiner"), v.get("pdfbox"));
  }

  private void writeSentences(Dataset<Row> assigned) throws IOException {
    Path tmp = outDir.resolve(".sentences.tmp");
    AtomicFiles.deleteTree(tmp);
    assigned.orderBy("paper_id", "sentence_no").write().parquet(tmp.toUri().toString());
    AtomicFiles.replace(tmp, outDir.resolve("sentences"));
  }

  private void writeAssignments(Dataset<Row> assigned) throws IOException {
    Dataset<Row> rows = assigned.filter(col(ThemeModel.THEME_ID).isNotNull())
        .orderBy("paper_id", "sentence_no")
        .select("paper_id", "section", "sentence_no", ThemeModel.THEME_ID, "text");
    AtomicFiles.write(outDir.resolve("assignments.csv"), w -> {
      Csv.row(w, List.of("paper_id", "section", "sentence_no", "theme_id", "construct_id", "similarity", "text"));
      Iterator<Row> it = rows.toLocalIterator();
      while (it.hasNext()) {
        Row r = it.next();
        Csv.row(w, java.util.Arrays.asList(r.getString(0), r.getString(1), r.getInt(2), r.getInt(3), null, null, r.getString(4)));
      }
    });
  }

  private void writeErrors(List<InputFailure> failures) throws IOException {
    AtomicFiles.write(outDir.resolve("errors.jsonl"), (Writer w) -> {
      for (InputFailure f : failures) {
        w.write(Json.MAPPER.writeValueAsString(f));
        w.write('\n');
      }
    });
  }

  private RunInfo writeRunInfo(SparkSession spark, String startedAt, int code, List<InputFile> files, Extracted extracted, ThemeModel model)
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
      case EXIT_OK -> "ok";
      case EXIT_PARTIAL -> "completed with failed inputs";
      default -> "failed";
    };
    RunInfo info = new RunInfo(config.name(), startedAt, Instant.now().toString(), code, status, spark.sparkContext().master(),
        config.seed(), inputs, config, Versions.current(), log.timings(),
        model == null ? List.of() : model.silhouettes(), model == null ? null : model.k());
    AtomicFiles.write(outDir.resolve("run.json"), w -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(w, info));
    return info;
  }
}
