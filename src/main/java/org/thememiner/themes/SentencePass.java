package org.thememiner.themes;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What {@link ThemeRepresentation} needs from each theme sentence, gathered in one pass: per theme the
 * {@code examples} sentences closest to the centroid and the closest participant quotes, both among the sentences
 * that can stand as evidence ({@link FullSentence}), and how often each of the theme's keywords occurs in a
 * sentence, alone and with each other keyword (each sentence's own terms, once each; never its paragraph's).
 * Evidence must use one of its theme's keywords in its own words: a sentence is clustered with its paragraph as
 * context, so a remark ("I have no such ambition.") can sit near its theme's centre on its paragraph's words alone,
 * and would show the reader nothing of the theme.
 * Partitions are summed up where they are and merged in a tree, so the driver gets one summary whose size is
 * bounded by the themes, the examples and the keywords, not by the corpus.
 */
final class SentencePass implements Serializable {
  /** Closest first; then by paper and sentence, so that ties are broken the same way every run. */
  static final Comparator<Evidence> CLOSEST_FIRST = (x, y) -> {
    int c = Double.compare(y.score() + 0.0, x.score() + 0.0); // + 0.0: -0.0 and 0.0 are the same score
    if (c != 0) return c;
    c = x.paperId().compareTo(y.paperId());
    return c != 0 ? c : Integer.compare(x.sentenceNo(), y.sentenceNo());
  };

  private final int examples;
  private final Map<Integer, Set<String>> keywords;
  private final Map<Integer, List<Evidence>> closest = new HashMap<>();
  private final Map<Integer, List<Evidence>> closestQuotes = new HashMap<>();
  private final Map<Integer, Map<String, Long>> single = new HashMap<>();
  private final Map<Integer, Map<String, Long>> pair = new HashMap<>();

  private SentencePass(int examples, Map<Integer, Set<String>> keywords) {
    this.examples = examples;
    this.keywords = keywords;
  }

  /**
   * @param themed   sentences with a theme: {@link ThemeModel#transform}'s output without the outliers
   * @param keywords per theme, the keywords whose co-occurrence to count and one of which its evidence uses (none:
   *     count nothing, and the closest evidence whatever its words)
   */
  static SentencePass over(Dataset<Row> themed, int examples, Map<Integer, Set<String>> keywords) {
    return themed.select(ThemeModel.THEME_ID, "paper_id", "section", "sentence_no", "page", "text", "quote",
            ThemeModel.THEME_SCORE, "terms", "pos")
        .javaRDD().treeAggregate(new SentencePass(examples, keywords), SentencePass::add, SentencePass::merge);
  }

  /** Per theme, its closest sentences, closest first. */
  Map<Integer, List<Evidence>> examples() {
    return Collections.unmodifiableMap(closest);
  }

  /** Per theme, its closest quotes, closest first. */
  Map<Integer, List<Evidence>> quotes() {
    return Collections.unmodifiableMap(closestQuotes);
  }

  /** One theme's keyword counts; {@code sentences} is the theme's size. */
  ThemeRepresentation.ThemeCounts counts(int theme, long sentences) {
    return new ThemeRepresentation.ThemeCounts(sentences, single.getOrDefault(theme, Map.of()), pair.getOrDefault(theme, Map.of()));
  }

  private SentencePass add(Row r) {
    int theme = r.getInt(0);
    Evidence e = new Evidence(r.getString(1), r.getString(2), r.getInt(3), r.isNullAt(4) ? null : r.getInt(4), r.getString(5),
        r.getBoolean(6), r.getDouble(7));
    Set<String> themeKeywords = keywords.get(theme);
    List<String> present = new ArrayList<>(new TreeSet<>(r.<String>getList(8)));
    if (themeKeywords != null) present.retainAll(themeKeywords);
    if (FullSentence.is(r.getList(9)) && (themeKeywords == null || !present.isEmpty())) {
      keep(closest, theme, e);
      if (e.quote()) keep(closestQuotes, theme, e);
    }
    if (themeKeywords != null) {
      // A term paired with itself counts the sentences it occurs in.
      for (int i = 0; i < present.size(); i++) {
        single.computeIfAbsent(theme, t -> new HashMap<>()).merge(present.get(i), 1L, Long::sum);
        for (int j = i + 1; j < present.size(); j++) {
          pair.computeIfAbsent(theme, t -> new HashMap<>()).merge(TopicQuality.key(present.get(i), present.get(j)), 1L, Long::sum);
        }
      }
    }
    return this;
  }

  private SentencePass merge(SentencePass other) {
    other.closest.forEach((theme, list) -> list.forEach(e -> keep(closest, theme, e)));
    other.closestQuotes.forEach((theme, list) -> list.forEach(e -> keep(closestQuotes, theme, e)));
    mergeCounts(single, other.single);
    mergeCounts(pair, other.pair);
    return this;
  }

  private static void mergeCounts(Map<Integer, Map<String, Long>> into, Map<Integer, Map<String, Long>> from) {
    from.forEach((theme, counts) -> {
      Map<String, Long> target = into.computeIfAbsent(theme, t -> new HashMap<>());
      counts.forEach((k, n) -> target.merge(k, n, Long::sum));
    });
  }

  /** Puts {@code e} among the theme's closest if it is one of the {@link #examples} closest. */
  private void keep(Map<Integer, List<Evidence>> byTheme, int theme, Evidence e) {
    Best.offer(byTheme.computeIfAbsent(theme, t -> new ArrayList<>()), e, CLOSEST_FIRST, examples);
  }
}
