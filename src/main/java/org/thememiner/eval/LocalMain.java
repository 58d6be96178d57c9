package org.thememiner.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.thememiner.compare.ConstructSet;
import org.thememiner.compare.ConstructSets;
import org.thememiner.job.ExitCode;
import org.thememiner.job.spec.ConfigException;
import org.thememiner.job.spec.JobConfig;
import org.thememiner.job.spec.JobConfigLoader;
import org.thememiner.job.Main;
import org.thememiner.job.SparkSessions;
import org.thememiner.job.ThememinerJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The local launcher's command line (jobs/thememiner): the job's ({@link Main}: run, extract, rerun) with the
 * development tools {@code eval} and {@code bench} added. They live here, after the job, so that the job and the
 * cluster jar (whose main class is {@link Main}) neither depend on them nor ship MALLET.
 */
public final class LocalMain {
  private LocalMain() {}

  @Command(name = "eval", mixinStandardHelpOptions = true, description = {
      "Score the job against the themes a paper's authors named.",
      "The gold label of a sentence is the Results subheading it sits under. Compares the job with Spark MLlib LDA",
      "and MALLET LDA baselines; writes eval.json to --out."})
  static final class Eval extends Main.Common implements Callable<Integer> {
    @Option(names = "--constructs", required = true, description = "the construct set whose names are the gold subheadings")
    String constructs;

    @Option(names = "--gold-sections", required = true,
        description = "gold labels from Results subheadings (the one gold source so far; required to say so)")
    boolean goldSections;

    @Option(names = "--themes", description = "k for every method (default: the number of gold sections)")
    Integer themes;

    @Option(names = "--seed", description = "random seed (default 42)")
    Long seed;

    @Option(names = "--examples-per-construct", description = "gold sentences per construct that the rows examples-... "
        + "code from, the other gold sentences scored (default 3)")
    int examplesPerConstruct = Evaluation.Sampling.STANDARD.examplesPerConstruct();

    @Option(names = "--example-draws", description = "draws of those examples, seeds --seed, --seed + 1, ...; the rows "
        + "give the means (default 1)")
    int exampleDraws = Evaluation.Sampling.STANDARD.exampleDraws();

    @Option(names = "--theme-seeds", description = "clusterings of every theme row, seeds --seed, --seed + 1, ...; the "
        + "rows give the means (default 1)")
    int themeSeeds = Evaluation.Sampling.STANDARD.themeSeeds();

    @Option(names = "--coherence-corpus", description = "also report NPMI coherence and diversity of each method's "
        + "top-10 keywords, fitted on this corpus (e.g. ../shared/corpus/jats)")
    Path coherenceCorpus;

    @Option(names = "--coherence-themes", description = "number of topics for the coherence fits (default 10)")
    Integer coherenceThemes;

    @Override
    public Integer call() {
      ObjectNode o = overrides();
      o.putArray("constructs").add(constructs);
      if (out == null) o.put("out", "runs/eval");
      if (seed != null) o.put("seed", seed);
      ObjectNode t = Main.object(o, "themes");
      t.put("stabilitySeeds", 0);
      if (themes != null) t.put("k", themes);
      return Main.guarded("eval", () -> {
        if (examplesPerConstruct < 1 || exampleDraws < 1 || themeSeeds < 1) {
          throw new ConfigException("--examples-per-construct, --example-draws and --theme-seeds must be at least 1, not "
              + examplesPerConstruct + ", " + exampleDraws + " and " + themeSeeds);
        }
        JobConfig config = JobConfigLoader.load(job, o);
        ConstructSet set = ConstructSets.load(Path.of(constructs));
        SparkSession spark = SparkSessions.forJob("thememiner eval", config.master(), master != null);
        Files.createDirectories(Path.of(config.out()));
        try {
          Evaluation evaluation = new Evaluation(config, set, System.out,
              new Evaluation.Sampling(examplesPerConstruct, exampleDraws, themeSeeds));
          evaluation.write(evaluation.run(spark, Optional.ofNullable(coherenceCorpus), coherenceThemes));
          System.out.println("eval      wrote " + Path.of(config.out()).resolve("eval.json"));
          return ExitCode.OK;
        } finally {
          spark.stop();
        }
      });
    }
  }

  @Command(name = "bench", mixinStandardHelpOptions = true, description = {
      "Time annotation, a full run and a rerun on a corpus.",
      "Annotation against raw CoreNLP (1 and all cores) and a full run against a rerun after 5%% new papers, on",
      "the same text in one process; writes JSON (figures: BENCHMARKS.md)."})
  static final class Bench implements Callable<Integer> {
    @Option(names = "--corpus", required = true, description = "folder of inputs, e.g. ../shared/corpus/jats")
    Path corpus;

    @Option(names = "--out", required = true, description = "the JSON file to write")
    Path out;

    @Option(names = "--scale", description = "replicate the corpus this many times with distinct bytes (default 1)")
    int scale = 1;

    @Option(names = "--rounds", description = {"time the raw loop and the annotate stage in turn this many times, and",
        "the rerun as many times from the same state; figures are medians (default 3)"})
    int rounds = 3;

    @Override
    public Integer call() {
      return Main.guarded("bench", () -> {
        if (!Files.isDirectory(corpus)) throw new ConfigException("--corpus " + corpus + ": not a folder");
        if (scale < 1) throw new ConfigException("--scale must be at least 1");
        if (rounds < 1) throw new ConfigException("--rounds must be at least 1");
        Benchmark.Result r = new Benchmark(corpus, scale, rounds, System.out).run();
        Benchmark.write(r, out);
        System.out.println("bench     wrote " + out);
        return ExitCode.OK;
      });
    }
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** {@link Main#commandLine} with {@code eval} and {@code bench}. */
  static CommandLine commandLine() {
    return Main.commandLine().addSubcommand(new Eval()).addSubcommand(new Bench());
  }
}
