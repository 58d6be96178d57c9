package org.thememiner.themes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a run needs to know of {@link ThemeModel#transform}'s output as counts, from one small aggregate over
 * (status, theme, paper): how many rows have each {@code theme_status} ({@code statuses}); per theme its sentence
 * count ({@code sizes}) and its number of term occurrences ({@code termTotals}); per theme, the share of each
 * paper's themed sentences that are in it ({@code shares}, papers in id order) and the paper that holds most of the
 * theme ({@code largestPapers}). The driver gets a few rows per
 * paper, which the themes hold anyway. The one aggregate serves both the decision to reuse a model and the themes'
 * description.
 */
public record AssignmentCounts(Map<String, Long> statuses, Map<Integer, Long> sizes, Map<Integer, Long> termTotals,
    Map<Integer, Map<String, Double>> shares, Map<Integer, LargestPaper> largestPapers) {
  /**
   * The statuses of the sentences theme discovery looks at ({@link ThemeDiscovery#eligible}), whether or not they
   * got a theme.
   */
  private static final List<String> THEME_SENTENCE_STATUSES =
      List.of(ThemeModel.STATUS_ASSIGNED, ThemeModel.STATUS_OUTLIER, ThemeModel.STATUS_NO_FEATURES);

  /** @param assigned {@link ThemeModel#transform}'s output (with its {@code terms} column) */
  public static AssignmentCounts of(Dataset<Row> assigned) {
    // Rows without a theme are counted by status alone: their paper would only multiply the rows.
    Dataset<Row> grouped = assigned.groupBy(col(ThemeModel.THEME_STATUS), col(ThemeModel.THEME_ID),
            when(col(ThemeModel.THEME_ID).isNotNull(), col("paper_id")).as("paper_id"))
        .agg(count(lit(1)), sum(size(col("terms"))));
    // Sorted here, not in Spark: a distributed sort costs a sampling job.
    List<Row> themed = new ArrayList<>();
    Map<String, Long> statuses = new LinkedHashMap<>();
    for (Row r : grouped.collectAsList()) {
      statuses.merge(r.getString(0), r.getLong(3), Long::sum);
      if (!r.isNullAt(1)) themed.add(r);
    }
    themed.sort(Comparator.<Row>comparingInt(r -> r.getInt(1)).thenComparing(r -> r.getString(2)));
    Map<Integer, Long> sizes = new TreeMap<>();
    Map<Integer, Long> termTotals = new TreeMap<>();
    Map<String, Long> perPaper = new HashMap<>();
    for (Row r : themed) {
      sizes.merge(r.getInt(1), r.getLong(3), Long::sum);
      termTotals.merge(r.getInt(1), r.getLong(4), Long::sum);
      perPaper.merge(r.getString(2), r.getLong(3), Long::sum);
    }
    Map<Integer, Map<String, Double>> shares = new TreeMap<>();
    Map<Integer, Map<String, Long>> sentencesByPaper = new TreeMap<>();
    for (Row r : themed) {
      shares.computeIfAbsent(r.getInt(1), k -> new LinkedHashMap<>())
          .put(r.getString(2), (double) r.getLong(3) / perPaper.get(r.getString(2)));
      sentencesByPaper.computeIfAbsent(r.getInt(1), k -> new HashMap<>()).put(r.getString(2), r.getLong(3));
    }
    Map<Integer, LargestPaper> largestPapers = new TreeMap<>();
    sentencesByPaper.forEach((theme, counts) -> largestPapers.put(theme, LargestPaper.of(counts)));
    return new AssignmentCounts(statuses, sizes, termTotals, shares, largestPapers);
  }

  /** Sentences theme discovery looked at and left without a theme. */
  public long outliers() {
    return statuses.getOrDefault(ThemeModel.STATUS_OUTLIER, 0L);
  }

  /** Sentences theme discovery looks at: what a model's growth since its fit is measured in. */
  public long themeSentences() {
    return THEME_SENTENCE_STATUSES.stream().mapToLong(s -> statuses.getOrDefault(s, 0L)).sum();
  }

  /** The mean number of term occurrences over the themes that have any: c-TF-IDF's average class size. */
  double meanTermTotal() {
    return termTotals.values().stream().filter(t -> t > 0).mapToLong(Long::longValue).average().orElse(0);
  }
}
