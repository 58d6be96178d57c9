package org.thememiner.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.thememiner.compare.ConstructSet;
import org.thememiner.compare.Profiler;
import org.thememiner.compare.SentenceCoder;
import org.thememiner.compare.SentenceCodes;
import org.thememiner.job.rerun.CarriedCodes;
import org.thememiner.themes.ThemeModel;

/**
 * The code stage: each sentence coded against each construct set from the constructs' descriptions
 * ({@link SentenceCoder#codeBySet}), persisted. With the previous run's codes carried ({@link CarriedCodes}), the
 * sentences given are only those of the new and changed papers, and the carried codes join theirs.
 *
 * @param profiler the constructs' profiler
 */
record CodeSentences(List<ConstructSet> constructSets, Profiler profiler, ThemeModel model, Optional<CarriedCodes> carried)
    implements Stage<Dataset<Row>, SentenceCodes> {
  @Override
  public String name() {
    return "code";
  }

  /** @param sentences the sentences to code, with what the model's representation reads (their embeddings) */
  @Override
  public Done<SentenceCodes> run(StageContext context, Dataset<Row> sentences) {
    Map<String, Map<String, SentenceCoder.Prototype>> bySet = new LinkedHashMap<>();
    for (ConstructSet set : constructSets) bySet.put(set.id(), SentenceCoder.Prototype.ofSet(set, profiler, ""));
    Dataset<Row> now = new SentenceCoder(context.config().compare().minCodingScore())
        .codeBySet(context.spark(), model, sentences, bySet).bySet();
    Dataset<Row> codes = carried.map(c -> c.rows().unionByName(now)).orElse(now).persist(StorageLevel.MEMORY_AND_DISK());
    long count = codes.count();
    int carriedPapers = carried.map(CarriedCodes::papers).orElse(0);
    return Done.of(new SentenceCodes(codes), String.format(Locale.ROOT, "%d codes against %d construct set%s%s", count,
        constructSets.size(), constructSets.size() == 1 ? "" : "s",
        carriedPapers > 0 ? "; " + carriedPapers + " unchanged papers' taken from the previous run" : ""),
        "codes", count, "carriedPapers", carriedPapers);
  }
}
