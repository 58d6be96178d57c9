package org.thememiner.themes;

import java.util.List;
import org.apache.spark.sql.Row;

/**
 * How a theme's keywords (its c-TF-IDF top terms, rows of theme_id, term, weight, best first) are ordered for a
 * reader: which lead, and so which make the label (BERTopic's representation step, after the c-TF-IDF
 * candidates). {@code themes.keywords} names one of {@link ThemeParts#KEYWORD_ORDERS}.
 */
interface KeywordOrder {
  String name();

  List<Row> order(List<Row> keywords, ThemeRepresentation.ThemeCounts counts);
}
