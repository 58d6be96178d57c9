package org.thememiner.themes;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * What a reader sees of each theme: c-TF-IDF keywords (BERTopic's class-based TF-IDF: a term's frequency in
 * the theme times log(1 + average theme length / the term's corpus frequency)), a label, size, papers, each
 * paper's share, and the sentences and quotes closest to the centroid. Only per-theme summaries reach the driver.
 */
public final class ThemeRepresentation {
  private static final int KEYWORDS = 20;

  private final ThemeSettings settings;

  public ThemeRepresentation(ThemeSettings settings) {
    this.settings = settings;
  }

  /** @param assigned the output of {@link ThemeModel#transform}; rows with a null theme are ignored */
  public List<Theme> describe(Dataset<Row> assigned) {
    Dataset<Row> a = assigned.filter(col(ThemeModel.THEME_ID).isNotNull());
    Map<Integer, List<Row>> keywords = keywords(a);
    Map<Integer, Long> sizes = new TreeMap<>();
    for (Row r : a.groupBy(ThemeModel.THEME_ID).count().collectAsList()) sizes.put(r.getInt(0), r.getLong(1));
    Map<Integer, Map<String, Double>> shares = paperShares(a);
    Map<Integer, List<Evidence>> examples = closest(a);
    Map<Integer, List<Evidence>> quotes = closest(a.filter(col("quote")));

    List<Theme> themes = new ArrayList<>();
    for (Map.Entry<Integer, Long> e : sizes.entrySet()) {
      int id = e.getKey();
      List<Row> kw = keywords.getOrDefault(id, List.of());
      List<String> terms = kw.stream().map(k -> k.getString(1)).toList();
      Map<String, Double> share = shares.getOrDefault(id, Map.of());
      List<String> papers = share.entrySet().stream()
          .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .map(Map.Entry::getKey).toList();
      themes.add(new Theme(id, label(terms), terms, kw.stream().map(k -> k.getDouble(2)).toList(), e.getValue(),
          papers, share, examples.getOrDefault(id, List.of()), quotes.getOrDefault(id, List.of())));
    }
    return themes;
  }

  /** Up to three keywords; a phrase among the top five leads and absorbs the words it contains. */
  static String label(List<String> keywords) {
    List<String> parts = new ArrayList<>();
    keywords.stream().limit(5).filter(k -> k.contains(" ")).findFirst().ifPresent(parts::add);
    for (String k : keywords) {
      if (parts.size() == 3) break;
      boolean covered = parts.stream().anyMatch(p -> (" " + p + " ").contains(" " + k + " ") || (" " + k + " ").contains(" " + p + " "));
      if (!covered) parts.add(k);
    }
    return parts.isEmpty() ? "(no keywords)" : String.join(", ", parts);
  }

  /** Per theme, its top keywords as (theme_id, term, weight) rows, best first. */
  private Map<Integer, List<Row>> keywords(Dataset<Row> a) {
    Dataset<Row> counts = a.select(col(ThemeModel.THEME_ID), explode(col("terms")).as("term"))
        .groupBy(ThemeModel.THEME_ID, "term").count();
    Dataset<Row> themeTotals = counts.groupBy(ThemeModel.THEME_ID).agg(sum("count").as("theme_total"));
    Dataset<Row> termTotals = counts.groupBy("term").agg(sum("count").as("term_total"));
    double avgThemeTotal = themeTotals.agg(avg("theme_total")).first().getDouble(0);
    Column weight = col("count").divide(col("theme_total"))
        .multiply(log(lit(1.0).plus(lit(avgThemeTotal).divide(col("term_total")))));
    Dataset<Row> top = counts.join(themeTotals, ThemeModel.THEME_ID).join(termTotals, "term")
        .filter(col("term_total").geq(settings.minDocFreq()))
        .withColumn("weight", weight)
        .withColumn("rank", row_number().over(Window.partitionBy(ThemeModel.THEME_ID)
            .orderBy(col("weight").desc(), col("term").asc())))
        .filter(col("rank").leq(KEYWORDS));
    Map<Integer, List<Row>> out = new TreeMap<>();
    for (Row r : top.orderBy(ThemeModel.THEME_ID, "rank").select(ThemeModel.THEME_ID, "term", "weight").collectAsList()) {
      out.computeIfAbsent(r.getInt(0), k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  private static Map<Integer, Map<String, Double>> paperShares(Dataset<Row> a) {
    Dataset<Row> perPaper = a.groupBy("paper_id").count().withColumnRenamed("count", "paper_total");
    Dataset<Row> shares = a.groupBy(ThemeModel.THEME_ID, "paper_id").count().join(perPaper, "paper_id")
        .select(col(ThemeModel.THEME_ID), col("paper_id"), col("count").divide(col("paper_total")).as("share"));
    Map<Integer, Map<String, Double>> out = new TreeMap<>();
    for (Row r : shares.collectAsList()) {
      out.computeIfAbsent(r.getInt(0), k -> new LinkedHashMap<>()).put(r.getString(1), r.getDouble(2));
    }
    return out;
  }

  private Map<Integer, List<Evidence>> closest(Dataset<Row> a) {
    Dataset<Row> top = a.withColumn("rank", row_number().over(Window.partitionBy(ThemeModel.THEME_ID)
            .orderBy(col(ThemeModel.THEME_SCORE).desc(), col("paper_id"), col("sentence_no"))))
        .filter(col("rank").leq(settings.examples()))
        .orderBy(ThemeModel.THEME_ID, "rank")
        .select(ThemeModel.THEME_ID, "paper_id", "section", "sentence_no", "page", "text", "quote", ThemeModel.THEME_SCORE);
    Map<Integer, List<Evidence>> out = new TreeMap<>();
    for (Row r : top.collectAsList()) {
      out.computeIfAbsent(r.getInt(0), k -> new ArrayList<>()).add(new Evidence(r.getString(1), r.getString(2),
          r.getInt(3), r.isNullAt(4) ? null : r.getInt(4), r.getString(5), r.getBoolean(6), r.getDouble(7)));
    }
    return out;
  }
}
