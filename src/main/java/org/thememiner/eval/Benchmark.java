package org.thememiner.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.thememiner.annotate.AnnotateStage;
import org.thememiner.annotate.AnnotatorSettings;
import org.thememiner.annotate.CoreNlpPipelines;
import org.thememiner.ingest.ExtractOptions;
import org.thememiner.ingest.ExtractionException;
import org.thememiner.ingest.InputFile;
import org.thememiner.ingest.InputScanner;
import org.thememiner.ingest.Paper;
import org.thememiner.ingest.PaperReader;
import org.thememiner.ingest.Section;
import org.thememiner.job.spec.JobConfig;
import org.thememiner.job.spec.JobConfigLoader;
import org.thememiner.job.rerun.RunPlan;
import org.thememiner.job.SparkSessions;
import org.thememiner.job.ThememinerJob;
import org.thememiner.report.AtomicFiles;
import org.thememiner.report.Json;
import org.thememiner.report.RunLayout;

/**
 * {@code thememiner bench}: the annotate stage against raw CoreNLP on the same text in the same JVM, its
 * scaling with cores, and a full run against a rerun after 5% new papers.
 *
 * <p>The raw loop and the stage are timed in turn, {@code rounds} times, and the rerun is made {@code rounds} times
 * from the same state: each figure is a median, each ratio the median of ratios within a round. On a shared machine
 * the speed drifts by tens of percent within minutes, and one raw loop timed in a fast moment against one stage
 * timed in a slow one made the overhead ratio read anything from 0.89 to 1.55 (measured over six benches).
 */
final class Benchmark {
  private final Path corpus;
  private final int scale;
  private final int rounds;
  private final PrintStream out;

  Benchmark(Path corpus, int scale, int rounds, PrintStream out) {
    this.corpus = corpus;
    this.scale = scale;
    this.rounds = rounds;
    this.out = out;
  }

  /** The figures, under the names issue 4 gives them (snake case, as other tools read them). */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Result(String corpus, int scale, int rounds, int papers, long tokens, String annotators, int cores, double rawS,
      double rawTokensPerS, double job1coreS, @JsonProperty("job_tokens_per_s_1core") double jobTokensPerS1core,
      double jobAllcoresS, @JsonProperty("job_tokens_per_s_allcores") double jobTokensPerSAllcores,
      double overheadRatio, double speedupAllcores, double fullRunS, double rerunS, double rerunRatio,
      int rerunNewPapers, boolean rerunModelReused, int rerunCarriedPapers, double rerunRefitS, double rerunRefitRatio,
      long peakDriverHeapMb, long heapLimitMb, Map<String, Map<String, Double>> stageSeconds, Rounds eachRound) {}

  /** What each round measured, in seconds, in the order the rounds ran: what the medians come from. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Rounds(List<Double> rawS, List<Double> job1coreS, List<Double> jobAllcoresS, List<Double> rerunS) {}

  /**
   * A run's wall time, its stages' seconds, whether it reused the saved theme model and how many papers kept the
   * previous run's assignments, as its run.json says.
   */
  private record Timed(double seconds, Map<String, Double> stages, boolean modelReused, int carriedPapers) {}

  Result run() throws Exception {
    Path work = Files.createTempDirectory("thememiner-bench");
    try {
      Path base = work.resolve("corpus");
      List<Path> files = replicate(base, scale);
      JobConfig config = JobConfigLoader.load(null, flags(List.of(base.toString()), work.resolve("unused")));
      List<Paper> papers = new ArrayList<>();
      for (InputFile f : InputScanner.scan(List.of(base.toString()))) {
        try {
          papers.add(PaperReader.read(f, ExtractOptions.DEFAULT));
        } catch (ExtractionException e) {
          out.println("bench     skipped " + f.path() + ": " + e.getMessage());
        }
      }
      out.printf(Locale.ROOT, "bench     %d papers (%d files, scale %d)%n", papers.size(), files.size(), scale);

      warmUp(config.annotate(), papers);
      long tokens = 0;
      List<Double> rawS = new ArrayList<>();
      List<Double> oneCore = new ArrayList<>();
      List<Double> allCores = new ArrayList<>();
      int cores = Runtime.getRuntime().availableProcessors();
      for (int round = 1; round <= rounds; round++) {
        long start = System.nanoTime();
        tokens = raw(config.annotate(), papers);
        rawS.add(seconds(start));
        oneCore.add(annotateStage("local[1]", config, papers));
        allCores.add(annotateStage("local[*]", config, papers));
        out.printf(Locale.ROOT, "round %d   %d tokens: raw %.1f s (%.0f tokens/s, one thread), stage local[1] %.1f s, local[*] %.1f s (%d cores)%n",
            round, tokens, last(rawS), tokens / last(rawS), last(oneCore), last(allCores), cores);
      }

      // A full run, then 5% new papers (distinct copies) and a rerun as a scheduled rerun makes it: a new run folder,
      // drift against the previous one, the same cache and saved model (rerun.mode auto: the saved model takes the
      // new sentences), made once per round from the full run's state. Then another 5% and a rerun that fits the
      // themes again (rerun.mode refit), for comparison.
      Path runs = work.resolve("runs");
      Path model = work.resolve("model");
      Timed full = job(List.of(base.toString()), runs, null, "full", model, "auto");
      int added = Math.max(1, files.size() / 20);
      Path extra = work.resolve("new");
      Path extraRefit = work.resolve("new-refit");
      Files.createDirectories(extra);
      Files.createDirectories(extraRefit);
      for (int i = 0; i < added; i++) {
        copyDistinct(files.get(i), extra.resolve("new-" + files.get(i).getFileName()), 1_000_000 + i);
        copyDistinct(files.get(i), extraRefit.resolve("new-refit-" + files.get(i).getFileName()), 2_000_000 + i);
      }
      Path afterFull = Files.createDirectories(work.resolve("after-full"));
      AtomicFiles.copyTree(runs, afterFull.resolve("runs"));
      AtomicFiles.copyTree(model, afterFull.resolve("model"));
      List<Timed> reruns = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        if (round > 1) {
          AtomicFiles.deleteTree(runs);
          AtomicFiles.deleteTree(model);
          AtomicFiles.copyTree(afterFull.resolve("runs"), runs);
          AtomicFiles.copyTree(afterFull.resolve("model"), model);
        }
        reruns.add(job(List.of(base.toString(), extra.toString()), runs, "full", "rerun", model, "auto"));
      }
      Timed refit = job(List.of(base.toString(), extra.toString(), extraRefit.toString()), runs, "rerun", "refit", model, "refit");
      List<Double> rerunS = reruns.stream().map(Timed::seconds).toList();
      // The rerun of median time stands for all: its stage times and what it reused.
      Timed rerun = reruns.stream().sorted(java.util.Comparator.comparingDouble(Timed::seconds)).toList().get((rounds - 1) / 2);
      double rerunMedian = median(rerunS);
      out.printf(Locale.ROOT, "run       full %.1f s %s%n", full.seconds(), full.stages());
      out.printf(Locale.ROOT, "run       rerun with %d new papers %s s, median %.1f s (ratio %.2f, %s) %s%n", added,
          rerunS.stream().map(x -> String.format(Locale.ROOT, "%.1f", x)).toList(), rerunMedian, rerunMedian / full.seconds(),
          rerun.modelReused() ? "saved model reused, " + rerun.carriedPapers() + " papers' assignments carried" : "themes fitted again",
          rerun.stages());
      out.printf(Locale.ROOT, "run       refit rerun with %d more %.1f s (ratio %.2f) %s%n", added, refit.seconds(),
          refit.seconds() / full.seconds(), refit.stages());

      double raw = median(rawS);
      double stage1 = median(oneCore);
      double stageAll = median(allCores);
      return new Result(corpus.toString(), scale, rounds, papers.size(), tokens, config.annotate().annotators(), cores, raw,
          tokens / raw, stage1, tokens / stage1, stageAll, tokens / stageAll, medianRatio(oneCore, rawS),
          medianRatio(oneCore, allCores), full.seconds(), rerunMedian, rerunMedian / full.seconds(), added,
          rerun.modelReused(), rerun.carriedPapers(), refit.seconds(), refit.seconds() / full.seconds(), peakHeapMb(),
          Runtime.getRuntime().maxMemory() / (1024 * 1024), stageSeconds(full, rerun, refit),
          new Rounds(rawS, oneCore, allCores, rerunS));
    } finally {
      AtomicFiles.deleteTree(work);
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** The median of {@code a[i] / b[i]}: each ratio from one round, whose two timings ran minutes apart at most. */
  static double medianRatio(List<Double> a, List<Double> b) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) ratios.add(a.get(i) / b.get(i));
    return median(ratios);
  }

  private static double last(List<Double> values) {
    return values.get(values.size() - 1);
  }

  /** The three runs' stage times by run (Json.MAPPER writes map keys sorted). */
  private static Map<String, Map<String, Double>> stageSeconds(Timed full, Timed rerun, Timed refit) {
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    out.put("full_run", full.stages());
    out.put("rerun", rerun.stages());
    out.put("rerun_refit", refit.stages());
    return out;
  }

  static void write(Result r, Path file) throws IOException {
    AtomicFiles.write(file, w -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(w, r));
  }

  /** Tokens CoreNLP annotates before anything is timed. */
  private static final long WARM_UP_TOKENS = 150_000;

  /**
   * Annotates papers until {@value #WARM_UP_TOKENS} tokens have been done: CoreNLP runs about twice as fast once the
   * JIT has compiled it (measured: the first 260k tokens of a fresh JVM take 1.9x as long as the next), and the
   * stage runs later in the same JVM, so a cold raw loop would flatter the stage.
   */
  private static void warmUp(AnnotatorSettings settings, List<Paper> papers) {
    long tokens = 0;
    for (int i = 0; i < papers.size() && tokens < WARM_UP_TOKENS; i++) tokens += raw(settings, papers.subList(i, i + 1));
  }

  private static long raw(AnnotatorSettings settings, List<Paper> papers) {
    long tokens = 0;
    for (Paper p : papers) {
      for (Section s : p.sections()) {
        if (s.text().isBlank()) continue;
        Annotation doc = new Annotation(s.text());
        CoreNlpPipelines.annotate(settings, doc);
        tokens += doc.get(CoreAnnotations.TokensAnnotation.class).size();
      }
    }
    return tokens;
  }

  /** The annotate stage alone, on a fresh Spark session with this master; seconds. */
  private static double annotateStage(String master, JobConfig config, List<Paper> papers) {
    SparkSession spark = SparkSessions.getOrCreate("thememiner bench " + master, master, true);
    try {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      var rdd = jsc.parallelize(papers, Math.max(1, jsc.defaultParallelism())).cache();
      rdd.count();
      long start = System.nanoTime();
      new AnnotateStage(config.annotate()).transform(rdd).filter(o -> o.sentences() != null)
          .map(o -> o.sentences().size()).reduce(Integer::sum);
      return seconds(start);
    } finally {
      spark.stop();
    }
  }

  /**
   * One run as a scheduled rerun makes it (job.Rerun, {@link RunPlan#rerun}): into {@code runs/folder},
   * after {@code runs/previous} (or none), with the cache in {@code runs/cache} and this {@code rerun.mode}; timed.
   */
  private static Timed job(List<String> inputs, Path runs, String previous, String folder, Path model, String mode) throws Exception {
    Path outDir = runs.resolve(folder);
    ObjectNode f = flags(inputs, outDir);
    f.put("cache", runs.resolve("cache").toUri().toString());
    f.putObject("rerun").put("mode", mode).put("model", model.toString());
    JobConfig config = JobConfigLoader.load(null, f);
    SparkSession spark = SparkSessions.getOrCreate("thememiner bench run", "local[*]", true);
    try {
      ThememinerJob job = new ThememinerJob(config, new PrintStream(OutputStream.nullOutputStream()),
          RunPlan.rerun(previous == null ? null : runs.resolve(previous), config));
      List<InputFile> files = job.preflight();
      long start = System.nanoTime();
      job.run(spark, files);
      double seconds = seconds(start);
      Map<String, Double> stages = new LinkedHashMap<>();
      boolean reused = false;
      int carried = 0;
      for (var stage : Json.MAPPER.readTree(outDir.resolve(RunLayout.RUN_INFO).toFile()).get("stages")) {
        stages.put(stage.get("stage").asText(), stage.get("seconds").asDouble());
        reused |= stage.path("counts").path("modelReused").asInt() == 1;
        carried += stage.path("counts").path("carriedPapers").asInt();
      }
      return new Timed(seconds, stages, reused, carried);
    } finally {
      spark.stop();
    }
  }

  /** The job's defaults with a fixed k (the automatic choice would dominate and vary) and no stability refits. */
  private static ObjectNode flags(List<String> inputs, Path outDir) {
    ObjectNode f = JsonNodeFactory.instance.objectNode();
    inputs.forEach(f.withArray("input")::add);
    f.put("out", outDir.toString());
    f.putObject("themes").put("k", 10).put("stabilitySeeds", 0);
    return f;
  }

  /** The corpus, or {@code n} copies of it that differ in their bytes (so the cache treats them as new). */
  private List<Path> replicate(Path target, int n) throws IOException {
    Files.createDirectories(target);
    List<Path> sources;
    try (var s = Files.list(corpus)) {
      sources = s.filter(Files::isRegularFile).filter(p -> InputScanner.formatOf(p).isPresent()).sorted().toList();
    }
    List<Path> copies = new ArrayList<>();
    for (int copy = 0; copy < n; copy++) {
      for (Path src : sources) {
        Path dst = target.resolve(copy == 0 ? src.getFileName().toString() : "copy" + copy + "-" + src.getFileName());
        if (copy == 0) Files.copy(src, dst);
        else copyDistinct(src, dst, copy);
        copies.add(dst);
      }
    }
    return copies;
  }

  /** A copy whose bytes differ: a trailing comment (XML, text) or a comment after %%EOF (PDF). */
  private static void copyDistinct(Path src, Path dst, int mark) throws IOException {
    String name = src.getFileName().toString().toLowerCase(Locale.ROOT);
    String suffix = name.endsWith(".pdf") ? "\n%copy " + mark + "\n" : name.endsWith("ml") ? "\n<!-- copy " + mark + " -->\n"
        : "\n\n(copy " + mark + ")\n";
    Files.write(dst, Files.readAllBytes(src));
    Files.write(dst, suffix.getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
  }

  /**
   * The sum of each heap pool's peak use over the process. The pools peak at different moments, so this can exceed
   * the heap limit ({@code heap_limit_mb}); it bounds what the process used, it does not measure live data.
   */
  private static long peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
    }
    return peak / (1024 * 1024);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
