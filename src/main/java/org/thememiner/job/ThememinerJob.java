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
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.thememiner.annotate.AnnotateStage;
import org.thememiner.annotate.AnnotatedSentence;
import org.thememiner.ingest.ExtractStage;
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
    Extracted extracted = extractStage(spark, files);
    int code = extracted.papers() == 0 ? EXIT_FAILED : extracted.failures().isEmpty() ? EXIT_OK : EXIT_PARTIAL;
    writeErrors(extracted.failures());
    writeRunInfo(spark, startedAt, code, files, extracted, null);
    return code;
  }

  /** The whole job. */
  public int run(SparkSession spark, List<InputFile> files) throws IOException {
    String startedAt = Instant.now().toString();
    Extracted extracted = extractStage(spark, files);
    List<InputFailure> failures = new ArrayList<>(extracted.failures());
    if (extracted.papers() == 0) {
      writeErrors(failures);
      writeRunInfo(spark, startedAt, EXIT_FAILED, files, extracted, null);
      out.println("thememiner: no input could be read; see " + outDir.resolve("errors.jsonl"));
      return EXIT_FAILED;
    }

    log.start("annotate");
    JavaRDD<AnnotateStage.Outcome> annotated = new AnnotateStage(config.annotate())
        .transform(extracted.rdd().filter(o -> o.paper() != null).map(ExtractStage.Outcome::paper))
        .persist(StorageLevel.MEMORY_AND_DISK());
    failures.addAll(annotated.filter(o -> o.failure() != null).map(AnnotateStage.Outcome::failure).collect());
    JavaRDD<AnnotatedSentence> sentenceRdd = annotated.filter(o -> o.sentences() != null)
        .flatMap(o -> o.sentences().iterator());
    Dataset<Row> sentences = AnnotateStage.toFrame(spark, sentenceRdd).persist(StorageLevel.MEMORY_AND_DISK());
    long sentenceCount = sentences.count();
    long tokens = sentences.selectExpr("sum(size(tokens))").first().isNullAt(0) ? 0
        : sentences.selectExpr("sum(size(tokens))").first().getLong(0);
    log.done(String.format("%d sentences, %d tokens", sentenceCount, tokens), "sentences", sentenceCount, "tokens", tokens);

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
    model.save(outDir.resolve("model"));
    log.done(String.format("%d themes over %d sentences (k %s)", themes.size(), assignedCount,
        config.themes().k() == 0 ? "chosen by silhouette" : "fixed"), "themes", themes.size(), "assigned", assignedCount);

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

  private record Extracted(JavaRDD<ExtractStage.Outcome> rdd, long papers, List<InputFailure> failures,
      Map<String, String> sha256ById, List<PaperSummary> summaries) {}

  private Extracted extractStage(SparkSession spark, List<InputFile> files) throws IOException {
    log.start("extract");
    JavaRDD<ExtractStage.Outcome> outcomes = new ExtractStage(config.extract())
        .transform(JavaSparkContext.fromSparkContext(spark.sparkContext()), files);
    List<InputFailure> failures = outcomes.filter(o -> o.failure() != null).map(ExtractStage.Outcome::failure).collect();
    Map<String, String> sha = new LinkedHashMap<>();
    List<PaperSummary> summaries = new ArrayList<>();
    AtomicFiles.write(outDir.resolve("papers.jsonl"), w -> {
      Iterator<ExtractStage.Outcome> it = outcomes.toLocalIterator();
      while (it.hasNext()) {
        Paper p = it.next().paper();
        if (p == null) continue;
        w.write(Json.MAPPER.writeValueAsString(p));
        w.write('\n');
        sha.put(p.id(), p.sha256());
        summaries.add(PaperSummary.of(p));
      }
    });
    log.done(String.format("%d papers, %d failed%s", summaries.size(), failures.size(),
        failures.isEmpty() ? "" : " (see errors.jsonl)"), "papers", summaries.size(), "failed", failures.size());
    return new Extracted(outcomes, summaries.size(), failures, sha, List.copyOf(summaries));
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
