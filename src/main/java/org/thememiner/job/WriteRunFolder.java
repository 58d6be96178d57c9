package org.thememiner.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.thememiner.compare.ConstructComparison;
import org.thememiner.compare.ConstructSet;
import org.thememiner.compare.ExampleCoding;
import org.thememiner.compare.GoldAgreement;
import org.thememiner.compare.GoldCoding;
import org.thememiner.compare.SentenceCoder;
import org.thememiner.compare.SentenceCodes;
import org.thememiner.compare.StudyTable;
import org.thememiner.job.rerun.ModelReuse;
import org.thememiner.job.rerun.PreviousRun;
import org.thememiner.report.AtomicFiles;
import org.thememiner.report.Csv;
import org.thememiner.report.Drift;
import org.thememiner.report.Json;
import org.thememiner.report.RunLayout;
import org.thememiner.report.StudyTableFiles;
import org.thememiner.themes.ThemeDiscovery;
import org.thememiner.themes.ThemeModel;

/**
 * The report stage: the run folder's data files (sentences/, codes/, assignments.csv, themes.json, drift.json,
 * comparison.json, example_coding.csv, the study table's files, errors.jsonl), each written atomically. run.json and report.html follow it,
 * so that they carry its timing.
 *
 * @param previous the run to report drift against
 * @param extracted the run's papers
 */
record WriteRunFolder(List<ConstructSet> constructSets, List<GoldCoding> goldCodings,
    Optional<PreviousRun> previous, ExtractedPapers extracted) implements Stage<WriteRunFolder.Findings, WriteRunFolder.Written> {
  /**
   * What the stages before found.
   *
   * @param codes          the code stage's codes; null without construct sets
   * @param exampleCodings the coding stage's coders, by construct set id
   */
  record Findings(DiscoveredThemes fit, SentenceCodes codes, CompareConstructs.Compared compared,
      Map<String, ExampleCoding> exampleCodings) {
    List<ConstructComparison> comparisons() {
      return compared.comparisons();
    }
  }

  /**
   * What report.html shows besides the files: the gold agreement per construct set, the drift or null, and the
   * study table.
   */
  record Written(Map<String, GoldAgreement> agreements, Drift drift, StudyTable studyTable) {}

  /** A carried rerun copies the previous sentences/ while it has fewer files than this, else writes it whole. */
  private static final int MAX_SENTENCE_FILES = 64;

  @Override
  public String name() {
    return "report";
  }

  @Override
  public Done<Written> run(StageContext context, Findings found) throws IOException {
    Path outDir = context.outDir();
    DiscoveredThemes fit = found.fit();
    // Vectors are the model's input, not an output.
    if (fit.reuse() instanceof ModelReuse.ReuseSavedModel saved && saved.carried().isPresent()) {
      writeSentences(outDir, saved.everyColumn(), saved.carried());
    } else writeSentences(outDir, fit.assigned().drop(ThemeDiscovery.EMBEDDING), Optional.empty());
    writeCodes(outDir, found.codes());
    writeAssignments(outDir, fit.assigned(), constructsByTheme(found.comparisons()),
        found.codes() == null ? null : found.codes().acrossSets(constructSets.stream().map(ConstructSet::id).toList()));
    AtomicFiles.write(outDir.resolve(RunLayout.THEMES), w -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(w, fit.themes()));
    Map<String, GoldAgreement> agreements = goldAgreements(context, found.compared());
    Drift drift = previous.map(p -> Drift.between(p.startedAt(), p.themes(), p.papers().keySet(), fit.themes(),
        new HashSet<>(extracted.sha256ById().keySet()))).orElse(null);
    if (drift != null) {
      AtomicFiles.write(outDir.resolve(RunLayout.DRIFT), w -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(w, drift));
    } else {
      Files.deleteIfExists(outDir.resolve(RunLayout.DRIFT));
    }
    AtomicFiles.write(outDir.resolve(RunLayout.COMPARISON), w -> Json.MAPPER.writerWithDefaultPrettyPrinter()
        .writeValue(w, comparisonJson(found.comparisons(), agreements, found.exampleCodings())));
    writeExampleCodes(outDir, fit.assigned(), found.exampleCodings());
    StudyTable studyTable = StudyTable.of(extracted.authorThemes(), constructSets, context.config().themes().embeddingModel(),
        context.config().compare());
    studyTable = studyTable.besideSentenceThemes(sentenceThemesBySection(context, studyTable.sections()));
    StudyTableFiles.write(outDir, studyTable, constructSets, context.config().compare());
    context.failures().write(outDir);
    return Done.of(new Written(agreements, drift, studyTable), "outputs in " + outDir);
  }

  /**
   * Per (paper id, section heading) of an author theme, how many of its sentences each theme holds, read from the
   * run's sentences (a rerun's carried ones included).
   */
  private static Map<List<String>, Map<Integer, Long>> sentenceThemesBySection(StageContext context, Set<List<String>> sections) {
    if (sections.isEmpty()) return Map.of();
    Object[] papers = sections.stream().map(k -> k.get(0)).distinct().toArray();
    Map<List<String>, Map<Integer, Long>> out = new HashMap<>();
    for (Row r : context.spark().read().parquet(context.outDir().resolve(RunLayout.SENTENCES).toUri().toString())
        .filter(col(ThemeModel.THEME_STATUS).equalTo(ThemeModel.STATUS_ASSIGNED).and(col(RunLayout.PAPER_ID).isin(papers)))
        .groupBy(RunLayout.PAPER_ID, RunLayout.SECTION, RunLayout.THEME_ID).count().collectAsList()) {
      List<String> key = List.of(r.getString(0), r.getString(1));
      if (sections.contains(key)) out.computeIfAbsent(key, k -> new HashMap<>()).put(((Number) r.get(2)).intValue(), r.getLong(3));
    }
    return out;
  }

  private Map<String, GoldAgreement> goldAgreements(StageContext context, CompareConstructs.Compared compared) {
    Map<String, GoldAgreement> agreements = new LinkedHashMap<>();
    for (GoldCoding gold : goldCodings) {
      compared.comparisons().stream().filter(c -> c.setId().equals(gold.setId())).findFirst()
          .ifPresent(c -> agreements.put(gold.setId(), GoldAgreement.of(gold, c, compared.sentenceLevels().get(gold.setId()))));
    }
    agreements.forEach((set, a) -> context.console().printf(Locale.ROOT, "gold      %s: Cohen's kappa %s over %d papers%n", set,
        GoldAgreement.kappaText(a.kappa()), a.papers()));
    return agreements;
  }

  /**
   * comparison.json: each set's comparison, with its gold agreement under {@code goldAgreement} when scored and its
   * coded examples' coder under {@code exampleCoding} when given.
   */
  private static List<ObjectNode> comparisonJson(List<ConstructComparison> comparisons,
      Map<String, GoldAgreement> agreements, Map<String, ExampleCoding> exampleCodings) {
    return comparisons.stream().map(c -> {
      ObjectNode node = Json.MAPPER.valueToTree(c);
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
    Map<Integer, ConstructComparison.ThemeConstructPair> best = new HashMap<>();
    for (ConstructComparison c : comparisons) {
      for (ConstructComparison.ThemeConstructPair p : c.mapping()) {
        ConstructComparison.ThemeConstructPair qualified =
            new ConstructComparison.ThemeConstructPair(p.themeId(), c.setId() + ":" + p.constructId(), p.similarity());
        best.merge(p.themeId(), qualified, (a, b) -> b.similarity() > a.similarity() ? b : a);
      }
    }
    return best;
  }

  /**
   * sentences/: every sentence with its theme, each file sorted by paper and sentence. A rerun that carried every
   * paper of the previous run's table copies its files and writes only the other papers' rows beside them; once
   * the table has {@value #MAX_SENTENCE_FILES} files, it is written whole again in one sort, which merges them.
   *
   * @param all     every sentence, every column
   * @param carried the previous run's assignments that {@code all} took over, and the other papers' rows
   */
  private static void writeSentences(Path outDir, Dataset<Row> all, Optional<ModelReuse.Carried> carried) throws IOException {
    Path tmp = outDir.resolve(".sentences.tmp");
    AtomicFiles.deleteTree(tmp);
    Path previous = carried.map(c -> c.assignments().from().resolve(RunLayout.SENTENCES)).orElse(null);
    if (carried.isPresent() && carried.get().assignments().wholeTable() && dataFiles(previous).size() < MAX_SENTENCE_FILES) {
      Path addedFiles = outDir.resolve(".sentences-added.tmp");
      AtomicFiles.deleteTree(addedFiles);
      // Sorted per file, as the copied files are: no global sort, whose range partitioning costs a sampling job.
      carried.get().addedRows().repartition(col("paper_id")).sortWithinPartitions("paper_id", "sentence_no").write()
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

  /**
   * codes/: the sentence codes against each construct set ({@link SentenceCodes}), one file sorted by paper, sentence
   * and set; none without construct sets.
   */
  private static void writeCodes(Path outDir, SentenceCodes codes) throws IOException {
    Path target = outDir.resolve(RunLayout.CODES);
    if (codes == null) {
      AtomicFiles.deleteTree(target);
      return;
    }
    Path tmp = outDir.resolve(".codes.tmp");
    AtomicFiles.deleteTree(tmp);
    // A few short columns per sentence: one file, sorted within it, needs no sampling job for a global sort.
    codes.bySet().coalesce(1).sortWithinPartitions("paper_id", "sentence_no", SentenceCodes.SET_ID).write()
        .parquet(tmp.toUri().toString());
    AtomicFiles.replace(tmp, target);
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
  private static void writeAssignments(Path outDir, Dataset<Row> assigned,
      Map<Integer, ConstructComparison.ThemeConstructPair> constructs, Dataset<Row> coded) throws IOException {
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
        Csv.row(w, Arrays.asList(r.getString(0), r.getString(1), r.getInt(2), r.getInt(3),
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
  private static void writeExampleCodes(Path outDir, Dataset<Row> assigned, Map<String, ExampleCoding> exampleCodings)
      throws IOException {
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
          Csv.row(w, Arrays.asList(r.getString(0), r.getString(1), r.getInt(2), coding.summary().setId() + ":" + r.getString(3),
              String.format(Locale.ROOT, "%.4f", r.getDouble(4)), r.getString(5)));
        }
      }
    });
  }
}
