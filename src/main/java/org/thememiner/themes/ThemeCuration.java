package org.thememiner.themes;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * A {@link Curation}'s edits of which sentences are in which theme, on {@link ThemeModel#transform}'s output: split,
 * merge, drop, move, in that order. Every column is kept; only {@code theme_id}, {@code theme_score} and
 * {@code theme_status} change.
 *
 * @param seed the run's seed, for the clustering of a split
 */
public record ThemeCuration(Curation curation, ThemeModel model, long seed) {
  private static final String PART_ID = "part_theme_id";
  private static final String PART_SCORE = "part_theme_score";

  public Dataset<Row> apply(Dataset<Row> assigned) {
    Dataset<Row> out = assigned;
    for (Map.Entry<Integer, List<Integer>> s : curation.splitIds(model.k()).entrySet()) out = split(out, s.getKey(), s.getValue());
    Column id = col(ThemeModel.THEME_ID);
    Column curated = id;
    for (List<Integer> group : curation.merge()) {
      int stays = group.stream().mapToInt(Integer::intValue).min().orElseThrow();
      curated = when(id.isin(group.toArray()), lit(stays)).otherwise(curated);
    }
    Column dropped = curated.isin(curation.drop().toArray());
    curated = when(dropped, lit(null).cast(DataTypes.IntegerType)).otherwise(curated);
    Column status = when(dropped, lit(ThemeModel.STATUS_OUTLIER)).otherwise(col(ThemeModel.THEME_STATUS));
    // A moved sentence the model did not place has no score; the description ranks examples by it.
    Column score = col(ThemeModel.THEME_SCORE);
    for (Curation.Move m : curation.move()) {
      Column named = col("paper_id").equalTo(m.paper()).and(col("sentence_no").equalTo(m.sentence()));
      curated = when(named, lit(m.theme())).otherwise(curated);
      status = when(named, lit(ThemeModel.STATUS_ASSIGNED)).otherwise(status);
      score = when(named, coalesce(col(ThemeModel.THEME_SCORE), lit(0.0))).otherwise(score);
    }
    // All three at once: each reads the uncurated theme_id.
    return out.withColumns(Map.of(ThemeModel.THEME_ID, curated, ThemeModel.THEME_SCORE, score, ThemeModel.THEME_STATUS, status));
  }

  /** The sentences the model puts in {@code theme} clustered again into {@code 1 + newIds.size()} parts, largest first. */
  private Dataset<Row> split(Dataset<Row> assigned, int theme, List<Integer> newIds) {
    ThemeSettings settings = model.settings();
    // Featurized over every sentence and only then filtered: a sentence's context is its whole paragraph.
    Dataset<Row> vectors = model.featurize(ThemeDiscovery.withContext(assigned, settings))
        .filter(col(ThemeModel.THEME_ID).equalTo(theme)).select(col("paper_id"), col("sentence_no"), col(Clustering.FEATURES));
    Clustering clustering = ThemeParts.clustering(settings);
    Transformer parts = clustering.estimator(settings.withSeed(seed), newIds.size() + 1).fit(vectors);
    Dataset<Row> read = clustering.readout(parts, vectors, settings);
    Map<Integer, Long> sizes = new HashMap<>();
    for (Row r : read.groupBy(Clustering.CLUSTER).count().collectAsList()) sizes.put(r.getInt(0), r.getLong(1));
    List<Integer> bySize = sizes.keySet().stream()
        .sorted(Comparator.<Integer>comparingLong(c -> -sizes.get(c)).thenComparingInt(c -> c)).toList();
    Column partId = lit(null).cast(DataTypes.IntegerType);
    for (int rank = 0; rank < bySize.size(); rank++) {
      partId = when(col(Clustering.CLUSTER).equalTo(bySize.get(rank)), lit(rank == 0 ? theme : newIds.get(rank - 1))).otherwise(partId);
    }
    Dataset<Row> partOf = read.select(col("paper_id"), col("sentence_no"), partId.as(PART_ID), col(Clustering.SCORE).as(PART_SCORE));
    return assigned.join(partOf, ThemeModel.SENTENCE_KEY, "left")
        .withColumn(ThemeModel.THEME_ID, coalesce(col(PART_ID), col(ThemeModel.THEME_ID)))
        .withColumn(ThemeModel.THEME_SCORE, coalesce(col(PART_SCORE), col(ThemeModel.THEME_SCORE)))
        .drop(PART_ID, PART_SCORE);
  }
}
