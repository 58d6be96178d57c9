package org.thememiner.job.rerun;

import static org.apache.spark.sql.functions.broadcast;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.thememiner.annotate.AnnotateStage;

/**
 * A run's annotated sentences ({@link AnnotateStage#SCHEMA}): those annotated in this run and those the cache
 * held. Nothing is read until asked for, and {@link #except} reads only the cached sentences of the papers it
 * keeps: a rerun that carries most papers' assignments reads just the new papers'.
 *
 * @param fresh       the sentences annotated in this run
 * @param cache       where the others are, or null
 * @param key         their cache key
 * @param cachedIds   the paper ids of each content hash whose sentences the cache holds
 */
public record RunSentences(Dataset<Row> fresh, CorpusCache cache, String key, Map<String, List<String>> cachedIds) {
  /** A paper id and the content hash of its file. */
  public static final StructType ID_SHA = new StructType().add("paper_id", DataTypes.StringType)
      .add("sha256", DataTypes.StringType);

  /** Sentences annotated in this run only: nothing from a cache. */
  public static RunSentences annotatedNow(Dataset<Row> fresh) {
    return new RunSentences(fresh, null, null, Map.of());
  }

  public Dataset<Row> all() throws IOException {
    return except(Set.of());
  }

  /**
   * The sentences of every paper but {@code paperIds}.
   *
   * @throws IOException the cache's folders cannot be listed
   */
  Dataset<Row> except(Set<String> paperIds) throws IOException {
    Dataset<Row> out = paperIds.isEmpty() ? fresh : withoutPapers(fresh, paperIds);
    List<Row> idSha = new ArrayList<>();
    cachedIds.forEach((sha, ids) -> ids.stream().filter(id -> !paperIds.contains(id))
        .forEach(id -> idSha.add(RowFactory.create(id, sha))));
    if (idSha.isEmpty()) return out;
    Set<String> shas = new TreeSet<>();
    idSha.forEach(r -> shas.add(r.getString(1)));
    // One copy per content hash is cached; each file with those bytes gets it back under its own id.
    Dataset<Row> reused = cache.sentences(key, shas).drop("paper_id")
        .join(fresh.sparkSession().createDataFrame(idSha, ID_SHA), "sha256");
    return out.unionByName(reused.select(CorpusCache.sentenceColumns()));
  }

  /** The rows of {@code table} (one with a {@code paper_id} column) that belong to none of {@code paperIds}. */
  static Dataset<Row> withoutPapers(Dataset<Row> table, Set<String> paperIds) {
    return joinPapers(table, paperIds, "left_anti");
  }

  /** The rows of {@code table} (one with a {@code paper_id} column) that belong to one of {@code paperIds}. */
  static Dataset<Row> onlyPapers(Dataset<Row> table, Set<String> paperIds) {
    return joinPapers(table, paperIds, "left_semi");
  }

  /** {@code table} joined with the (few, so broadcast) ids as {@code how} says. */
  private static Dataset<Row> joinPapers(Dataset<Row> table, Set<String> paperIds, String how) {
    Dataset<Row> ids = table.sparkSession().createDataset(new ArrayList<>(paperIds), Encoders.STRING()).toDF("paper_id");
    return table.join(broadcast(ids), new String[] {"paper_id"}, how);
  }
}
