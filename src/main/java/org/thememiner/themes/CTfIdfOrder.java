package org.thememiner.themes;

import java.util.List;
import org.apache.spark.sql.Row;

/** Plain c-TF-IDF order, as BERTopic's default representation. */
final class CTfIdfOrder implements KeywordOrder {
  @Override
  public String name() {
    return "ctfidf";
  }

  @Override
  public List<Row> order(List<Row> keywords, ThemeRepresentation.ThemeCounts counts) {
    return keywords;
  }
}
