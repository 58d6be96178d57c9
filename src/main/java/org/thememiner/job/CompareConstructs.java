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
import org.thememiner.compare.Construct;
import org.thememiner.compare.ConstructComparator;
import org.thememiner.compare.ConstructComparison;
import org.thememiner.compare.ConstructSet;
import org.thememiner.compare.ExampleCoding;
import org.thememiner.compare.GoldAgreement;
import org.thememiner.compare.GoldCoding;
import org.thememiner.compare.Profiler;
import org.thememiner.compare.SentenceCoder;
import org.thememiner.compare.SentenceCodes;
import org.thememiner.compare.SentenceGold;
import org.thememiner.compare.WeightedSimilarity;
import org.thememiner.themes.Theme;
import org.thememiner.themes.ThemeModel;

/**
 * The compare stage: the themes set side by side with each construct set; without construct sets, it says so. With a
 * gold coding of text ({@link GoldCoding#codesText}), the set's sentence coding is scored against it here.
 *
 * @param profiler       the constructs' profiler; null without construct sets
 * @param codes          the code stage's codes; null without construct sets
 * @param exampleCodings the coding stage's coders, by construct set id
 */
record CompareConstructs(List<ConstructSet> constructSets, List<GoldCoding> goldCodings, Profiler profiler, ThemeModel model,
    List<Theme> themes, SentenceCodes codes, Map<String, ExampleCoding> exampleCodings)
    implements Stage<Dataset<Row>, CompareConstructs.Compared> {

  /**
   * @param sentenceLevels per construct set with a gold coding of text, its sentence coding scored against it
   */
  record Compared(List<ConstructComparison> comparisons, Map<String, GoldAgreement.SentenceLevel> sentenceLevels) {}

  @Override
  public String name() {
    return "compare";
  }

  /** @param assigned every sentence with its theme */
  @Override
  public Done<Compared> run(StageContext context, Dataset<Row> assigned) {
    if (constructSets.isEmpty()) return Done.of(new Compared(List.of(), Map.of()), "no construct set given", "constructSets", 0);
    WeightedSimilarity similarity = model.wordVectors().map(WeightedSimilarity::withEmbeddings)
        .orElseGet(WeightedSimilarity::standard);
    Map<String, GoldAgreement.SentenceLevel> sentenceLevels = new LinkedHashMap<>();
    List<ConstructComparison> comparisons = new ConstructComparator(profiler, similarity, context.config().compare())
        .compare(constructSets, themes, codedShares(context, assigned, sentenceLevels));
    return Done.of(new Compared(comparisons, sentenceLevels), comparisons.stream()
        .map(c -> String.format(Locale.ROOT, "%s coverage %.2f precision %.2f", c.setId(), c.coverage(), c.precision()))
        .collect(Collectors.joining("; ")), "constructSets", comparisons.size());
  }

  /**
   * Per construct set, per theme, the share of the theme's sentences coded with each of the set's constructs (coding
   * against that set alone): the coded evidence. A set's coded examples code its sentences when given
   * ({@link ExampleCoding}), otherwise the code stage's coding from the constructs' descriptions does.
   *
   * @param sentenceLevels gets the sentence coding's agreement with each gold coding of text
   */
  private Map<String, Map<Integer, Map<String, Double>>> codedShares(StageContext context, Dataset<Row> assigned,
      Map<String, GoldAgreement.SentenceLevel> sentenceLevels) {
    Dataset<Row> themed = assigned.filter(col(ThemeModel.THEME_ID).isNotNull()).select("paper_id", "sentence_no", ThemeModel.THEME_ID);
    Map<Integer, Long> sizes = themes.stream().collect(Collectors.toMap(Theme::id, Theme::size));
    Map<String, Map<Integer, Map<String, Double>>> out = new LinkedHashMap<>();
    for (ConstructSet set : constructSets) {
      Dataset<Row> coded = exampleCodings.containsKey(set.id()) ? exampleCodings.get(set.id()).codes() : codes.ofSet(set.id());
      Map<Integer, Map<String, Double>> shares = new HashMap<>();
      for (Row r : themed.join(coded, ThemeModel.SENTENCE_KEY).groupBy(ThemeModel.THEME_ID, SentenceCoder.CODED).count().collectAsList()) {
        shares.computeIfAbsent(r.getInt(0), t -> new HashMap<>()).put(r.getString(1), (double) r.getLong(2) / sizes.get(r.getInt(0)));
      }
      out.put(set.id(), shares);
      goldCodings.stream().filter(g -> g.setId().equals(set.id()) && g.codesText()).findFirst()
          .ifPresent(gold -> sentenceLevels.put(set.id(), sentenceLevel(context, gold, set, assigned, coded)));
    }
    return out;
  }

  /** The set's sentence coding of the gold papers' sentences, scored against the gold coding's coded text. */
  private static GoldAgreement.SentenceLevel sentenceLevel(StageContext context, GoldCoding gold, ConstructSet set,
      Dataset<Row> assigned, Dataset<Row> coded) {
    Object[] papers = gold.texts().stream().map(GoldCoding.CodedText::paperId).toArray();
    List<SentenceGold.CodedSentence> sentences = assigned.filter(col("paper_id").isin(papers))
        .select("paper_id", "sentence_no", "text")
        .join(coded.select(col("paper_id"), col("sentence_no"), col(SentenceCoder.CODED)), ThemeModel.SENTENCE_KEY, "left")
        .collectAsList().stream()
        .map(r -> new SentenceGold.CodedSentence(r.getString(0), r.getInt(1), r.getString(2), r.isNullAt(3) ? null : r.getString(3)))
        .toList();
    GoldAgreement.SentenceLevel level = SentenceGold.agreement(gold, set.constructs().stream().map(Construct::id).toList(), sentences);
    context.console().printf(Locale.ROOT, "gold      %s: sentence coding kappa %s over %d sentences of %d papers (%d coded by the coder, %d not found in its text)%n",
        set.id(), GoldAgreement.kappaText(level.kappa()), level.sentences(),
        level.papers(), level.codedSentences(), level.sentencesNotFound());
    return level;
  }
}
