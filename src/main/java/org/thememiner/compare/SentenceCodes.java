package org.thememiner.compare;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.struct;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The sentences' codes against each construct set ({@link SentenceCoder#codeBySet}): {@code paper_id, sentence_no,
 * set_id, coded_construct, coding_score}, one row per sentence and set whose best construct reaches the minimum
 * score; a sentence without a row for a set is uncoded in it.
 */
public record SentenceCodes(Dataset<Row> bySet) {
  public static final String SET_ID = "set_id";

  /** {@code paper_id, sentence_no, coded_construct, coding_score}: the coded sentences of one set. */
  public Dataset<Row> ofSet(String setId) {
    return bySet.filter(col(SET_ID).equalTo(setId))
        .select(col("paper_id"), col("sentence_no"), col(SentenceCoder.CODED), col(SentenceCoder.SCORE));
  }

  /**
   * {@code paper_id, sentence_no, coded_construct, coding_score}: each coded sentence's most similar construct over
   * all sets, as {@code set:construct}; of equal scores, the set first in {@code setOrder}.
   */
  public Dataset<Row> acrossSets(List<String> setOrder) {
    Column position = array_position(array(setOrder.stream().map(id -> lit(id)).toArray(Column[]::new)), col(SET_ID));
    Column rank = struct(col(SentenceCoder.SCORE), position.multiply(-1));
    return bySet.groupBy("paper_id", "sentence_no")
        .agg(max_by(concat(col(SET_ID), lit(":"), col(SentenceCoder.CODED)), rank).as(SentenceCoder.CODED),
            max_by(col(SentenceCoder.SCORE), rank).as(SentenceCoder.SCORE));
  }
}
