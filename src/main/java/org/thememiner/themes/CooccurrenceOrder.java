package org.thememiner.themes;

import java.util.List;
import org.apache.spark.sql.Row;

/**
 * c-TF-IDF weight and co-occurrence together ({@link ThemeRepresentation#rerank}): words used together in one
 * sentence lead over words that each occur in a different part of the theme.
 */
final class CooccurrenceOrder implements KeywordOrder {
  @Override
  public String name() {
    return "cooccurrence";
  }

  @Override
  public List<Row> order(List<Row> keywords, ThemeRepresentation.ThemeCounts counts) {
    return ThemeRepresentation.rerank(keywords, counts);
  }
}
