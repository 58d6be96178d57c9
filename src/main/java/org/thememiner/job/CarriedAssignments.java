package org.thememiner.job;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

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
import org.thememiner.report.Json;
import org.thememiner.report.Versions;

/**
 * The previous run's theme assignments of the papers that have not changed since it, for a rerun that puts its
 * sentences into the same saved model. Assigning a sentence depends only on its paper (its own terms and its
 * paragraph's) and on the model, so for such a paper the rows in the previous run's {@code sentences/} are what
 * assigning it again would give: the rerun transforms only new and changed papers.
 *
 * <p>They are taken only when everything that shaped those rows is the same: the model (the previous run's
 * {@code model/} is a byte copy of the saved one), the code versions, and the extract, annotate and themes
 * settings. A paper is carried when its file has the same id and content hash as in the previous run, it has
 * rows there, and it did not fail in this run.
 *
 * @param rows     the carried papers' rows of the previous {@code sentences/}
 * @param paperIds the carried papers, as a one-column ({@code paper_id}) table
 * @param papers   how many papers are carried
 * @param from     the previous run's folder
 */
record CarriedAssignments(Dataset<Row> rows, Dataset<Row> paperIds, int papers, Path from) {

  /** The sentences of the papers not carried: new and changed ones. */
  Dataset<Row> notCarried(Dataset<Row> sentences) {
    return sentences.join(broadcast(paperIds), List.of("paper_id").toArray(new String[0]), "left_anti");
  }

  /**
   * What can be carried from {@code previousRun} into a run writing to {@code outDir} with the model saved in
   * {@code sharedModel}; empty when nothing can, including when the previous run's files cannot be read (why does
   * not matter: the run then assigns every sentence).
   *
   * @param shaById   this run's papers' content hashes by id
   * @param failedIds papers that failed in this run
   */
  static Optional<CarriedAssignments> load(SparkSession spark, Path previousRun, Path outDir, Path sharedModel, JobConfig config,
      Map<String, String> shaById, Set<String> failedIds) {
    if (previousRun == null || sharedModel == null) return Optional.empty();
    try {
      return read(spark, previousRun, outDir, sharedModel, config, shaById, failedIds);
    } catch (Exception e) { // IOException, or Spark's AnalysisException for a damaged sentences/ folder
      return Optional.empty();
    }
  }

  private static Optional<CarriedAssignments> read(SparkSession spark, Path previousRun, Path outDir, Path sharedModel,
      JobConfig config, Map<String, String> shaById, Set<String> failedIds) throws IOException {
    Path sentences = previousRun.resolve("sentences");
    Path model = previousRun.resolve("model");
    Path runJson = previousRun.resolve("run.json");
    if (!Files.isDirectory(sentences) || !Files.isDirectory(model) || !Files.isRegularFile(runJson) || !Files.isDirectory(sharedModel)) {
      return Optional.empty();
    }
    // A run replaces its own folder's sentences/ while it would still be reading them.
    if (Files.isDirectory(outDir) && Files.isSameFile(previousRun, outDir)) return Optional.empty();
    JsonNode run = Json.MAPPER.readTree(runJson.toFile());
    // Through text, as run.json was written: a tree made from objects keeps a long as a long, one read back does not.
    JsonNode settings = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(config));
    if (!Json.MAPPER.valueToTree(Versions.current()).equals(run.path("versions"))) return Optional.empty();
    for (String part : List.of("extract", "annotate", "themes")) {
      if (!settings.path(part).equals(run.path("settings").path(part))) return Optional.empty();
    }
    if (!FileHashes.sha256Tree(model).equals(FileHashes.sha256Tree(sharedModel))) return Optional.empty();

    Set<String> unchanged = new HashSet<>();
    for (JsonNode input : run.path("inputs")) {
      String id = input.path("id").asText();
      if (input.hasNonNull("sha256") && input.get("sha256").asText().equals(shaById.get(id)) && !failedIds.contains(id)) {
        unchanged.add(id);
      }
    }
    Dataset<Row> previous = spark.read().parquet(sentences.toUri().toString());
    List<String> carried = new ArrayList<>(previous.select("paper_id").distinct().as(Encoders.STRING()).collectAsList());
    carried.retainAll(unchanged);
    if (carried.isEmpty()) return Optional.empty();
    carried.sort(null);
    Dataset<Row> ids = spark.createDataset(carried, Encoders.STRING()).toDF("paper_id");
    Dataset<Row> rows = previous.join(broadcast(ids), List.of("paper_id").toArray(new String[0]), "left_semi");
    return Optional.of(new CarriedAssignments(rows, ids, carried.size(), previousRun));
  }
}
