package org.thememiner.job.rerun;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.thememiner.ingest.FileHashes;
import org.thememiner.job.spec.JobConfig;
import org.thememiner.report.RunLayout;

/**
 * The previous run's theme assignments of the papers that have not changed since it, for a rerun that puts its
 * sentences into the same saved model. Assigning a sentence depends only on its paper (its own terms and its
 * paragraph's) and on the model, so for such a paper the rows in the previous run's {@code sentences/} are what
 * assigning it again would give: the rerun transforms only new and changed papers.
 *
 * <p>They are taken only when everything that shaped those rows is the same: the model (the previous run's
 * {@code model/} is a byte copy of the saved one), the code versions, and the extract, annotate, themes and curation
 * settings. A paper is carried when its file has the same id and content hash as in the previous run, it has
 * rows there, and it did not fail in this run.
 *
 * @param rows     the carried papers' rows of the previous {@code sentences/}
 * @param paperIds the carried papers
 * @param from     the previous run's folder
 * @param wholeTable whether every paper of the previous {@code sentences/} is carried: its files are then the
 *                   carried rows, and the run can copy them rather than write those rows again
 */
public record CarriedAssignments(Dataset<Row> rows, Set<String> paperIds, Path from, boolean wholeTable) {
  /** How many papers are carried. */
  int papers() {
    return paperIds.size();
  }

  /**
   * What can be carried from {@code previous} into a run writing to {@code outDir} with the model saved in
   * {@code sharedModel}; empty when nothing can (the run then assigns every sentence).
   *
   * @param shaById   this run's papers' content hashes by id
   * @param failedIds papers that failed in this run
   * @throws IOException the previous run's model or sentences cannot be read (the message names the file)
   */
  public static Optional<CarriedAssignments> load(SparkSession spark, PreviousRun previous, Path outDir, Path sharedModel,
      JobConfig config, Map<String, String> shaById, Set<String> failedIds) throws IOException {
    Path previousRun = previous.folder();
    Path sentences = previousRun.resolve(RunLayout.SENTENCES);
    Path model = previousRun.resolve(RunLayout.MODEL);
    if (sharedModel == null || !Files.isDirectory(sentences) || !Files.isDirectory(model) || !Files.isDirectory(sharedModel)) {
      return Optional.empty();
    }
    // A run replaces its own folder's sentences/ while it would still be reading them.
    if (Files.isDirectory(outDir) && Files.isSameFile(previousRun, outDir)) return Optional.empty();
    if (!previous.madeLike(config, List.of("extract", "annotate", "themes", "curation"))) return Optional.empty();
    if (!FileHashes.sha256Tree(model).equals(FileHashes.sha256Tree(sharedModel))) return Optional.empty();

    Set<String> unchanged = new HashSet<>();
    for (JsonNode input : previous.run().path("inputs")) {
      String id = input.path("id").asText();
      if (input.hasNonNull("sha256") && input.get("sha256").asText().equals(shaById.get(id)) && !failedIds.contains(id)) {
        unchanged.add(id);
      }
    }
    Dataset<Row> rows;
    List<String> carried;
    try {
      rows = spark.read().parquet(sentences.toUri().toString());
      carried = new ArrayList<>(rows.select("paper_id").distinct().as(Encoders.STRING()).collectAsList());
    } catch (Exception e) { // Spark's AnalysisException or SparkException for a damaged sentences/ folder
      throw new IOException(sentences + ": " + e.getMessage(), e);
    }
    int previousPapers = carried.size();
    carried.retainAll(unchanged);
    if (carried.isEmpty()) return Optional.empty();
    boolean wholeTable = carried.size() == previousPapers;
    Set<String> ids = Set.copyOf(carried);
    return Optional.of(new CarriedAssignments(wholeTable ? rows : RunSentences.onlyPapers(rows, ids), ids, previousRun,
        wholeTable));
  }
}
