package org.thememiner.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.thememiner.compare.AuthorThemeMapping;
import org.thememiner.compare.ComparisonSettings;
import org.thememiner.compare.ConstructSet;
import org.thememiner.compare.ConstructSets;
import org.thememiner.compare.InvalidConstructSetException;
import org.thememiner.compare.InvalidGoldCodingException;
import org.thememiner.compare.QdaCodebook;
import org.thememiner.compare.Translation;
import org.thememiner.ingest.InputFile;
import org.thememiner.job.spec.ConfigException;
import org.thememiner.job.spec.JobConfig;
import org.thememiner.job.spec.JobConfigLoader;
import org.thememiner.report.AtomicFiles;
import org.thememiner.report.AuthorThemesCsv;
import org.thememiner.report.RunLayout;
import org.thememiner.report.TranslationsJson;
import org.thememiner.report.export.Exports;
import org.thememiner.themes.SentenceEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The {@code thememiner} command line of the job: {@code run}, {@code extract} and {@code rerun}, the main class of
 * the cluster jar. The local launcher (jobs/thememiner) runs org.thememiner.eval.LocalMain instead, which adds the
 * development tools {@code eval} and {@code bench} to this command line: the job does not depend on them.
 */
@Command(name = "thememiner", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Candidate themes from scholarly literature, compared with manually synthesised constructs.",
    subcommands = {Main.Run.class, Main.Extract.class, Main.RerunCommand.class, Main.MapCommand.class,
        Main.Validate.class, Main.ExportCommand.class, Main.ConstructsCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        ExitCode.OK + ":every input was processed",
        ExitCode.FAILED + ":the run could not finish (no readable input, too little text, no executor from the cluster, internal error)",
        ExitCode.CONFIG + ":nothing was done (invalid arguments, job spec, construct file or output folder)",
        ExitCode.PARTIAL + ":the run finished but some inputs failed (see errors.jsonl)",
        ExitCode.LOCKED + ":rerun only: another run of the same job holds its lock; nothing was done"})
public final class Main {

  /** Settings shared by every subcommand that reads inputs. */
  public static class Common {
    @Option(names = "--job", description = "job spec (YAML), e.g. jobs/example.yaml; flags override it")
    protected Path job;

    @Option(names = "--input", description = "input folder or file (repeatable)")
    protected List<String> inputs = new ArrayList<>();

    @Option(names = "--out", description = "output folder")
    protected String out;

    @Option(names = "--master", description = "Spark master (default local[*]; spark://host:7077, yarn, k8s://...)")
    protected String master;

    @Option(names = "--set", paramLabel = "KEY=VALUE", converter = Setting.Converter.class, description = "any job-spec"
        + " setting by its dotted name (themes.k=8, compare.matchThreshold=0.3) or a Spark property (spark.ui.enabled=true);"
        + " repeatable; the flags above win over it")
    protected List<Setting> settings = new ArrayList<>();

    /**
     * The settings of the flags, as a tree in the job spec's shape; the Spark properties of {@code --set} become
     * system properties, where Spark reads its configuration from when the session starts.
     */
    protected ObjectNode overrides() {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      for (Setting s : settings) {
        if (s.spark()) System.setProperty(s.key(), s.value());
        else s.applyTo(o);
      }
      putList(o, "input", inputs);
      if (out != null) o.put("out", out);
      if (master != null) o.put("master", master);
      return o;
    }
  }

  /** The flags of {@code run}, which {@code validate} takes as well. */
  public static class RunOptions extends Common {
    @Option(names = "--constructs", description = "construct-set YAML (repeatable), e.g. models/constructs/tully-2010.yaml")
    List<String> constructs = new ArrayList<>();

    @Option(names = "--seed", description = "random seed (default 42)")
    Long seed;

    @Option(names = "--themes", description = "number of themes (default: chosen automatically)")
    Integer themes;

    @Option(names = "--gold", description = "gold coding to score against: SET_ID=FILE.tsv (paper level) or "
        + "SET_ID=FILE.qdpx (a QDA project's coded selections: papers and sentences), or FILE alone with a single "
        + "construct set (repeatable)")
    List<String> gold = new ArrayList<>();

    @Option(names = "--coded-examples", description = "sentences you coded, to code the rest of the corpus from: "
        + "SET_ID=FILE.tsv (header construct_id<TAB>text) or SET_ID=FILE.qdpx (a QDA project's coded selections), "
        + "or FILE alone with a single construct set (repeatable)")
    List<String> codedExamples = new ArrayList<>();

    @Option(names = "--export", description = "also export the run: qdpx (REFI-QDA project), qdc (REFI-QDA codebook),"
        + " csv (tables); repeatable")
    List<String> exports = new ArrayList<>();

    ObjectNode runOverrides() {
      ObjectNode o = overrides();
      putList(o, "constructs", constructs);
      if (seed != null) o.put("seed", seed);
      if (themes != null) object(o, "themes").put("k", themes);
      putList(o, "gold", gold);
      putList(o, "codedExamples", codedExamples);
      putList(o, "export", exports);
      return o;
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true, description = "Extract, annotate, find themes, compare, report.")
  static final class Run extends RunOptions implements Callable<Integer> {
    @Override
    public Integer call() {
      return execute(job, runOverrides(), master != null, false);
    }
  }

  @Command(name = "validate", mixinStandardHelpOptions = true, description = {
      "Check a run's settings and inputs without running it.",
      "Takes the flags of run; exit code 0 when the run could start, 2 with the reason when not."})
  static final class Validate extends RunOptions implements Callable<Integer> {
    @Override
    public Integer call() {
      return guarded("validate", () -> {
        JobConfig config = JobConfigLoader.load(job, runOverrides());
        List<InputFile> files = new ThememinerJob(config, System.out).check();
        if (files.isEmpty()) throw new ConfigException("no input files (.pdf, .xml, .nxml, .txt, .md) in " + config.input());
        System.out.printf(Locale.ROOT, "valid     job %s: %d inputs (%s), %d construct set(s), output to %s%n", config.name(),
            files.size(), files.stream().collect(Collectors.groupingBy(InputFile::format, TreeMap::new, Collectors.counting()))
                .entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")),
            config.constructs().size(), config.out());
        return ExitCode.OK;
      });
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true, description = {
      "Export a finished run folder for QDA software or spreadsheets.",
      "Needs only the folder: writes into DIR/export/ what --export writes in a run."})
  static final class ExportCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, description = "a run folder (the --out of a run, or a rerun's dated folder)")
    Path run;

    @Option(names = "--format", required = true, description = "qdpx (REFI-QDA project), qdc (REFI-QDA codebook) or csv"
        + " (tables); repeatable")
    List<String> formats = new ArrayList<>();

    @Override
    public Integer call() {
      return guarded("export", () -> {
        for (String f : formats) {
          if (!Exports.FORMATS.contains(f)) throw new ConfigException("--format must be one of " + Exports.FORMATS + ", got " + f);
        }
        if (!Files.isRegularFile(run.resolve(RunLayout.RUN_INFO))) {
          throw new ConfigException(run + " is not a run folder: it has no " + RunLayout.RUN_INFO);
        }
        for (String line : Exports.write(run, formats)) System.out.println("export    " + line);
        return ExitCode.OK;
      });
    }
  }

  @Command(name = "extract", mixinStandardHelpOptions = true, description = "Extract only: papers.jsonl, errors.jsonl and the author themes.")
  static final class Extract extends Common implements Callable<Integer> {
    @Override
    public Integer call() {
      return execute(job, overrides(), master != null, true);
    }
  }

  @Command(name = "rerun", mixinStandardHelpOptions = true, description = {
      "Run a job again on what is new in its inputs.",
      "A dated run folder under the job's out folder, the cache and theme model shared with earlier runs, drift",
      "against the previous run; 'latest' moves to it when the run completes."})
  static final class RerunCommand extends Common implements Callable<Integer> {
    @Override
    public Integer call() {
      if (job == null) {
        System.err.println("thememiner: rerun needs --job jobs/NAME.yaml");
        return ExitCode.CONFIG;
      }
      ObjectNode o = overrides();
      return guarded("rerun", () -> {
        if (!inputs.isEmpty()) {
          // --input adds to the job's inputs for a rerun, rather than replacing them.
          ArrayNode all = o.putArray("input");
          JobConfigLoader.load(job, JsonNodeFactory.instance.objectNode()).input().forEach(all::add);
          inputs.forEach(all::add);
        }
        return Rerun.execute(job, o, master != null, System.out);
      });
    }
  }

  @Command(name = "map", mixinStandardHelpOptions = true, description = {
      "Map and translate a study table's author themes.",
      "Reads a TSV (study, author_theme, optionally text); writes DIR/author_themes.csv",
      "(study,author_theme,construct_id,similarity) and DIR/translations.json. No Spark, no corpus."})
  static final class MapCommand implements Callable<Integer> {
    @Option(names = "--author-themes", required = true, description = "TSV with a header: study, author_theme, optionally text")
    Path authorThemes;

    @Option(names = "--constructs", required = true, description = "construct-set YAML (repeatable), e.g. models/constructs/maclellan-2015.yaml")
    List<String> constructs = new ArrayList<>();

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Option(names = "--min-similarity", description = "below this cosine a theme maps to no construct (default 0: always the nearest)")
    double minSimilarity = 0;

    @Option(names = "--embedding-model", description = "one of all-minilm-l6-v2-q (default), all-minilm-l6-v2")
    String embeddingModel = "all-minilm-l6-v2-q";

    @Option(names = "--translation-similarity", description = "author themes join one group while their mean cosine is"
        + " at least this (default ${DEFAULT-VALUE})")
    double translationSimilarity = ComparisonSettings.DEFAULT.translationSimilarity();

    @Option(names = "--new-construct-below", description = "a group less similar than this to every construct of a set"
        + " is a candidate new construct (default ${DEFAULT-VALUE})")
    double newConstructBelow = ComparisonSettings.DEFAULT.newConstructBelow();

    @Override
    public Integer call() {
      return guarded("map", () -> {
        if (!SentenceEncoder.MODELS.contains(embeddingModel)) {
          throw new ConfigException("--embedding-model must be one of " + SentenceEncoder.MODELS);
        }
        if (!(minSimilarity >= -1 && minSimilarity < 1)) throw new ConfigException("--min-similarity must be in [-1, 1)");
        if (!(translationSimilarity > 0 && translationSimilarity < 1)) throw new ConfigException("--translation-similarity must be in (0, 1)");
        if (!(newConstructBelow >= 0 && newConstructBelow < 1)) throw new ConfigException("--new-construct-below must be in [0, 1)");
        List<AuthorThemeMapping.AuthorTheme> themes;
        try {
          themes = AuthorThemeMapping.read(authorThemes);
        } catch (InvalidGoldCodingException e) {
          throw new ConfigException(e.getMessage());
        }
        List<ConstructSet> sets = new ArrayList<>();
        for (String c : constructs) sets.add(ConstructSets.load(Path.of(c)));
        try {
          Files.createDirectories(out);
        } catch (IOException e) {
          throw new ConfigException("cannot create output folder " + out + ": " + e.getMessage());
        }
        AuthorThemeMapping mapping = new AuthorThemeMapping(embeddingModel, AuthorThemeMapping.Prototypes.PARTS, minSimilarity);
        List<AuthorThemeMapping.Mapped> mapped = new ArrayList<>();
        for (ConstructSet set : sets) mapped.addAll(mapping.map(themes, set));
        Path csv = out.resolve(RunLayout.AUTHOR_THEME_TABLE);
        AuthorThemesCsv.write(csv, mapped);
        System.out.printf(Locale.ROOT, "map       %d author themes of %d studies onto %d construct set(s): %s%n", themes.size(),
            themes.stream().map(AuthorThemeMapping.AuthorTheme::study).distinct().count(), sets.size(), csv);
        List<Translation.Group> groups = Translation.of(themes, sets, mapping, translationSimilarity, newConstructBelow);
        Path translations = out.resolve(RunLayout.TRANSLATIONS);
        TranslationsJson.write(translations, groups, Map.of(), sets, translationSimilarity, newConstructBelow);
        System.out.printf(Locale.ROOT, "translate %d groups across two or more studies, %d themes of one study alone: %s%n",
            groups.stream().filter(Translation.Group::acrossStudies).count(),
            groups.stream().filter(g -> !g.acrossStudies()).mapToInt(g -> g.themes().size()).sum(), translations);
        return ExitCode.OK;
      });
    }
  }

  @Command(name = "constructs", mixinStandardHelpOptions = true, subcommands = ConstructsImport.class,
      description = "Construct sets: import one from a REFI-QDA codebook or project.")
  static final class ConstructsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().usage(System.err);
      return ExitCode.CONFIG;
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true, description = {
      "Read the codes of a REFI-QDA codebook (.qdc) or project (.qdpx) as a construct set.",
      "Each codable code a construct; writes the construct-set YAML to edit (docs/constructs.md)."})
  static final class ConstructsImport implements Callable<Integer> {
    @CommandLine.Parameters(paramLabel = "FILE", description = "a .qdc or .qdpx file, e.g. exported from NVivo, ATLAS.ti or MAXQDA")
    Path file;

    @Option(names = "--id", required = true, description = "the construct set's id (kebab case)")
    String id;

    @Option(names = "--out", required = true, description = "the YAML to write, named ID.yaml, e.g. models/constructs/ID.yaml")
    Path out;

    @Override
    public Integer call() {
      return guarded("constructs import", () -> {
        if (!QdaCodebook.handles(file)) throw new ConfigException(file + ": expected a .qdc or .qdpx file");
        if (!out.getFileName().toString().equals(id + ".yaml")) {
          throw new ConfigException("--out " + out + ": a construct set's file is named after its id: " + id + ".yaml");
        }
        ConstructSet set = QdaCodebook.read(file, id);
        try {
          if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
          AtomicFiles.writeString(out, QdaCodebook.toYaml(set));
        } catch (IOException e) {
          throw new ConfigException("cannot write " + out + ": " + e.getMessage());
        }
        ConstructSets.load(out);
        System.out.printf(Locale.ROOT, "constructs %d constructs of %s written to %s%n", set.constructs().size(), file, out);
        return ExitCode.OK;
      });
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return org.thememiner.report.Versions.current().entrySet().stream()
          .map(e -> e.getKey() + " " + e.getValue()).toArray(String[]::new);
    }
  }

  static int execute(Path spec, ObjectNode overrides, boolean explicitMaster, boolean extractOnly) {
    return guarded("run", () -> {
      JobConfig config = JobConfigLoader.load(spec, overrides);
      ThememinerJob job = new ThememinerJob(config, System.out);
      List<InputFile> files = job.preflight();
      SparkSession spark = job.startSpark(config.master(), explicitMaster);
      try {
        return extractOnly ? job.extract(spark, files) : job.run(spark, files);
      } finally {
        spark.stop();
      }
    });
  }

  /** The settings object under {@code key}, made when there is none: a flag adds to what {@code --set} put there. */
  public static ObjectNode object(ObjectNode settings, String key) {
    return settings.get(key) instanceof ObjectNode o ? o : settings.putObject(key);
  }

  /** A repeatable flag as a setting; absent when the flag was not given, so the job spec's value stands. */
  static void putList(ObjectNode o, String key, List<String> values) {
    if (values.isEmpty()) return;
    ArrayNode a = o.putArray(key);
    values.forEach(a::add);
  }

  /** A subcommand's work, returning its exit code. */
  @FunctionalInterface
  public interface Work {
    int run() throws Exception;
  }

  /**
   * Runs a subcommand: a settings problem is one line and exit code 2, a cluster that gives no executor one line
   * and exit code 1, anything else a failed run (1) with its stack trace.
   */
  public static int guarded(String what, Work work) {
    try {
      return work.run();
    } catch (ConfigException | InvalidConstructSetException e) {
      System.err.println("thememiner: " + e.getMessage());
      return ExitCode.CONFIG;
    } catch (NoExecutorsException e) {
      System.err.println("thememiner: " + e.getMessage());
      return ExitCode.FAILED;
    } catch (Exception e) {
      System.err.println("thememiner: " + what + " failed: " + e);
      e.printStackTrace(System.err);
      return ExitCode.FAILED;
    }
  }

  /** This command line, for an entry point that adds subcommands to it. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main());
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
