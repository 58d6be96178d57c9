package org.thememiner.job.rerun;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.thememiner.job.spec.JobConfig;
import org.thememiner.report.RunInfo;
import org.thememiner.report.RunLayout;

/**
 * The previous run's sentence codes ({@code codes/}) of the papers whose assignments a rerun carries. A sentence's
 * codes depend only on its paper, the model, the construct sets and the coding settings. Carried assignments
 * ({@link CarriedAssignments}) already mean the same model, code versions and settings of the stages before the
 * coding; the codes are carried too when the construct sets are the same files, byte for byte, in the same order,
 * and the compare settings are unchanged. The rerun then codes only its new and changed papers' sentences.
 *
 * @param rows   the carried papers' rows of the previous {@code codes/}, persisted
 * @param papers how many papers' codes are carried
 */
public record CarriedCodes(Dataset<Row> rows, int papers) {
  /**
   * What can be carried beside {@code assignments}; empty when nothing can (the run then codes every sentence).
   *
   * @param constructSets this run's construct set files, as run.json records them
   * @throws IOException the previous run's codes cannot be read (the message names the folder)
   */
  public static Optional<CarriedCodes> load(SparkSession spark, PreviousRun previous, CarriedAssignments assignments,
      JobConfig config, List<RunInfo.ConstructSetFile> constructSets) throws IOException {
    Path codes = previous.folder().resolve(RunLayout.CODES);
    if (!Files.isDirectory(codes) || !sameSets(previous.run().path("constructSets"), constructSets)
        || !previous.madeLike(config, List.of("compare"))) {
      return Optional.empty();
    }
    Dataset<Row> rows = null;
    try {
      Dataset<Row> table = spark.read().parquet(codes.toUri().toString());
      rows = (assignments.wholeTable() ? table : RunSentences.onlyPapers(table, assignments.paperIds()))
          .persist(StorageLevel.MEMORY_AND_DISK());
      rows.count(); // reads the files now, so that a damaged one means coding every sentence rather than a failed run
      return Optional.of(new CarriedCodes(rows, assignments.papers()));
    } catch (Exception e) { // Spark's AnalysisException or SparkException for a damaged codes/ folder
      if (rows != null) rows.unpersist();
      throw new IOException(codes + ": " + e.getMessage(), e);
    }
  }

  /** Whether the previous run.json's construct sets are these: same ids and file hashes, in the same order. */
  private static boolean sameSets(JsonNode previous, List<RunInfo.ConstructSetFile> now) {
    if (!previous.isArray() || previous.size() != now.size()) return false;
    for (int i = 0; i < now.size(); i++) {
      JsonNode p = previous.get(i);
      if (!p.path("id").asText().equals(now.get(i).id()) || !p.path("sha256").asText().equals(now.get(i).sha256())) return false;
    }
    return true;
  }
}
