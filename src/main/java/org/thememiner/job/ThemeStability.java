package org.thememiner.job;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.thememiner.compare.Agreement;
import org.thememiner.themes.ThemeDiscovery;
import org.thememiner.themes.ThemeModel;
import org.thememiner.themes.ThemeSettings;
import org.thememiner.themes.Stability;

/**
 * How much the themes depend on the seed: the run's assignments against refits with other seeds (same k),
 * as adjusted Rand indices. Outliers count as one more label. Only the theme-by-theme contingency table
 * reaches the driver.
 */
final class ThemeStability {
  private ThemeStability() {}

  static Stability measure(ThemeModel model, Dataset<Row> sentences, Dataset<Row> assigned) {
    ThemeSettings base = model.settings().withK(model.k());
    Dataset<Row> reference = labels(assigned, "a");
    List<Long> seeds = new ArrayList<>();
    List<Double> ari = new ArrayList<>();
    for (int i = 1; i <= base.stabilitySeeds(); i++) {
      long seed = base.seed() + i;
      ThemeModel other = new ThemeDiscovery(base.withSeed(seed)).fit(sentences);
      Map<List<Object>, Long> table = new HashMap<>();
      for (Row r : reference.join(labels(other.transform(sentences), "b"), ThemeModel.SENTENCE_KEY)
          .groupBy("a", "b").count().collectAsList()) {
        table.put(List.of(r.getInt(0), r.getInt(1)), r.getLong(2));
      }
      seeds.add(seed);
      ari.add(table.isEmpty() ? 1.0 : Agreement.adjustedRandIndex(table));
    }
    return Stability.of(seeds, ari);
  }

  /** Clustered sentences (assigned or outlier) with their theme, -1 for outliers. */
  private static Dataset<Row> labels(Dataset<Row> assigned, String name) {
    return assigned.filter(col(ThemeModel.THEME_STATUS).isin(ThemeModel.STATUS_ASSIGNED, ThemeModel.STATUS_OUTLIER))
        .select(col("paper_id"), col("sentence_no"), coalesce(col(ThemeModel.THEME_ID), lit(-1)).as(name));
  }
}
