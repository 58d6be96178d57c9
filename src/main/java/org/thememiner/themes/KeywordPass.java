package org.thememiner.themes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.Tuple2;

/**
 * Each theme's best c-TF-IDF terms ({@link ThemeRepresentation}) in one shuffle. Each partition counts its terms per
 * theme; the counts meet by term, where the term's corpus frequency (its count over all themes) is known, so its
 * weight in every theme is computed there; each partition keeps its best {@code n} per theme. The driver gets at
 * most themes × n × partitions candidates, never the vocabulary. (In Spark SQL this takes an aggregate and two
 * windows, one per term and one per theme: three shuffles, the windows' in a single task on a small corpus.)
 */
final class KeywordPass {
  private KeywordPass() {}

  /** Best weight first; equal weights by term, so the order is the same every run. */
  private static final Comparator<Row> BEST_FIRST =
      Comparator.comparingDouble((Row r) -> -r.getDouble(2)).thenComparing(r -> r.getString(1));

  /**
   * @param themed        sentences with a theme: {@code theme_id} and {@code terms}
   * @param termTotals    per theme, its number of term occurrences (c-TF-IDF's class size)
   * @param meanTermTotal the mean class size over the themes that have terms
   * @param minCount      a term with fewer occurrences in all themes together is left out
   * @param n             keywords per theme
   * @return per theme, its best {@code n} keywords as (theme_id, term, weight) rows, best first
   */
  static Map<Integer, List<Row>> top(Dataset<Row> themed, Map<Integer, Long> termTotals, double meanTermTotal,
      long minCount, int n) {
    int themes = termTotals.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    long[] totals = new long[themes];
    termTotals.forEach((theme, total) -> totals[theme] = total);
    List<Row> candidates = themed.select(ThemeModel.THEME_ID, "terms").javaRDD()
        .mapPartitionsToPair(rows -> {
          Map<String, long[]> byTerm = new HashMap<>();
          while (rows.hasNext()) {
            Row r = rows.next();
            int theme = r.getInt(0);
            for (String term : r.<String>getList(1)) byTerm.computeIfAbsent(term, t -> new long[themes])[theme]++;
          }
          return byTerm.entrySet().stream().map(e -> new Tuple2<>(e.getKey(), e.getValue())).iterator();
        })
        .reduceByKey((a, b) -> {
          for (int i = 0; i < a.length; i++) a[i] += b[i];
          return a;
        })
        .mapPartitions(terms -> {
          Map<Integer, List<Row>> best = new HashMap<>();
          while (terms.hasNext()) {
            Tuple2<String, long[]> t = terms.next();
            long corpus = 0;
            for (long c : t._2()) corpus += c;
            if (corpus < minCount) continue;
            double rarity = StrictMath.log(1.0 + meanTermTotal / corpus); // StrictMath: as Spark SQL's log, every JVM
            for (int theme = 0; theme < themes; theme++) {
              if (t._2()[theme] == 0) continue;
              Best.offer(best.computeIfAbsent(theme, x -> new ArrayList<>()),
                  RowFactory.create(theme, t._1(), (double) t._2()[theme] / totals[theme] * rarity), BEST_FIRST, n);
            }
          }
          return best.values().stream().flatMap(List::stream).iterator();
        })
        .collect();
    Map<Integer, List<Row>> out = new TreeMap<>();
    for (Row r : candidates) Best.offer(out.computeIfAbsent(r.getInt(0), x -> new ArrayList<>()), r, BEST_FIRST, n);
    return out;
  }
}
