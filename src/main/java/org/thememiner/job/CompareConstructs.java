package org.thememiner.job;

import static org.apache.spark.sql.functions.col;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.thememiner.compare.ConstructComparator;
import org.thememiner.compare.ConstructComparison;
import org.thememiner.compare.ConstructSet;
import org.thememiner.compare.ExampleCoding;
import org.thememiner.compare.Profiler;
import org.thememiner.compare.SentenceCoder;
import org.thememiner.compare.WeightedSimilarity;
import org.thememiner.themes.Theme;
import org.thememiner.themes.ThemeModel;

/**
 * The compare stage: the themes set side by side with each construct set; without construct sets, it says so.
 *
 * @param profiler       the constructs' profiler; null without construct sets
 * @param exampleCodings the coding stage's coders, by construct set id
 */
record CompareConstructs(List<ConstructSet> constructSets, Profiler profiler, ThemeModel model, List<Theme> themes,
    Map<String, ExampleCoding> exampleCodings) implements Stage<Dataset<Row>, List<ConstructComparison>> {
  @Override
  public String name() {
    return "compare";
  }

  /** @param assigned every sentence with its theme and, when the representation reads them, its embedding */
  @Override
  public Done<List<ConstructComparison>> run(StageContext context, Dataset<Row> assigned) {
    if (constructSets.isEmpty()) return Done.of(List.of(), "no construct set given", "constructSets", 0);
    WeightedSimilarity similarity = model.wordVectors().map(WeightedSimilarity::withEmbeddings)
        .orElseGet(WeightedSimilarity::standard);
    List<ConstructComparison> comparisons = new ConstructComparator(profiler, similarity, context.config().compare())
        .compare(constructSets, themes, codedShares(context, assigned));
    return Done.of(comparisons, comparisons.stream()
        .map(c -> String.format(Locale.ROOT, "%s coverage %.2f precision %.2f", c.setId(), c.coverage(), c.precision()))
        .collect(Collectors.joining("; ")), "constructSets", comparisons.size());
  }

  /**
   * Per construct set, per theme, the share of the theme's sentences coded with each of the set's constructs (coding
   * against that set alone): the coded evidence. A set's coded examples code its sentences when given
   * ({@link ExampleCoding}), otherwise {@link SentenceCoder} does from the constructs' descriptions.
   */
  private Map<String, Map<Integer, Map<String, Double>>> codedShares(StageContext context, Dataset<Row> assigned) {
    Dataset<Row> themed = assigned.filter(col(ThemeModel.THEME_ID).isNotNull()).select("paper_id", "sentence_no", ThemeModel.THEME_ID);
    Map<Integer, Long> sizes = themes.stream().collect(Collectors.toMap(Theme::id, Theme::size));
    Map<String, Map<Integer, Map<String, Double>>> out = new LinkedHashMap<>();
    for (ConstructSet set : constructSets) {
      Dataset<Row> coded = exampleCodings.containsKey(set.id()) ? exampleCodings.get(set.id()).codes()
          : new SentenceCoder(context.config().compare().minCodingScore())
              .code(context.spark(), model, assigned, SentenceCoder.Prototype.ofSet(set, profiler, ""))
              .filter(col(SentenceCoder.CODED).isNotNull());
      Map<Integer, Map<String, Double>> shares = new HashMap<>();
      for (Row r : themed.join(coded, ThemeModel.SENTENCE_KEY).groupBy(ThemeModel.THEME_ID, SentenceCoder.CODED).count().collectAsList()) {
        shares.computeIfAbsent(r.getInt(0), t -> new HashMap<>()).put(r.getString(1), (double) r.getLong(2) / sizes.get(r.getInt(0)));
      }
      out.put(set.id(), shares);
    }
    return out;
  }
}
