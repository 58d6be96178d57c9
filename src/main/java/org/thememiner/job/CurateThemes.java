package org.thememiner.job;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.thememiner.themes.Curation;
import org.thememiner.themes.ThemeCuration;
import org.thememiner.themes.ThemeModel;

/**
 * The curate stage, inside the themes stage: the job's {@code curation} applied to the sentences the model assigned
 * ({@link ThemeCuration}), before the themes are described. The result is persisted: every later stage reads it.
 *
 * @param model the model that assigned the sentences
 */
record CurateThemes(ThemeModel model) implements Stage<Dataset<Row>, Dataset<Row>> {
  @Override
  public String name() {
    return "curate";
  }

  @Override
  public Done<Dataset<Row>> run(StageContext context, Dataset<Row> assigned) throws RunStoppedException {
    Curation curation = context.config().curation();
    Dataset<Row> curated = new ThemeCuration(curation, model, context.config().seed()).apply(assigned)
        .persist(StorageLevel.MEMORY_AND_DISK());
    for (Curation.Move m : curation.move()) {
      Column named = col("paper_id").equalTo(m.paper()).and(col("sentence_no").equalTo(m.sentence()));
      if (curated.filter(named).isEmpty()) {
        curated.unpersist();
        throw new RunStoppedException("curation.move names sentence " + m.sentence() + " of paper " + m.paper()
            + ", which is not among the run's sentences (paper_id and sentence_no as in assignments.csv)", ExitCode.CONFIG);
      }
    }
    return Done.of(curated, String.join("; ", curation.describe()), "edits", curation.describe().size());
  }
}
