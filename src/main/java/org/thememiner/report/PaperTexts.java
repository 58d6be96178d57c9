package org.thememiner.report;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.thememiner.themes.ThemeModel;

/**
 * Each paper's sentences in reading order with the theme each was put in, for the report's reading view; read back
 * from the run's {@code sentences/}. A corpus with more sentences than the report can carry gets none, and the
 * report says where to read them instead.
 *
 * @param byPaper each paper's sentences, papers in id order; empty when the corpus had more than the limit
 * @param total   how many sentences the run has
 */
public record PaperTexts(Map<String, List<Sentence>> byPaper, long total) {
  /** A sentence, its section heading, its theme id or null when it is in none, and its PDF page or null. */
  public record Sentence(String section, String text, Integer themeId, Integer page) {}

  /** The report's reading view stops here: about 150 bytes a sentence, a page of a few megabytes. */
  public static final long MAX_SENTENCES = 25_000;

  public static PaperTexts read(SparkSession spark, Path sentences) {
    Dataset<Row> all = spark.read().parquet(sentences.toUri().toString());
    long total = all.count();
    Map<String, List<Sentence>> byPaper = new LinkedHashMap<>();
    if (total > MAX_SENTENCES) return new PaperTexts(byPaper, total);
    for (Row r : all.select(col(RunLayout.PAPER_ID), col(RunLayout.SECTION), col(RunLayout.TEXT), col(RunLayout.THEME_ID),
        col(ThemeModel.THEME_STATUS), col(RunLayout.PAGE)).orderBy(col(RunLayout.PAPER_ID), col(RunLayout.SENTENCE_NO)).collectAsList()) {
      boolean assigned = ThemeModel.STATUS_ASSIGNED.equals(r.getString(4)) && !r.isNullAt(3);
      byPaper.computeIfAbsent(r.getString(0), id -> new ArrayList<>())
          .add(new Sentence(r.getString(1), r.getString(2), assigned ? ((Number) r.get(3)).intValue() : null,
              r.isNullAt(5) ? null : r.getInt(5)));
    }
    return new PaperTexts(byPaper, total);
  }
}
