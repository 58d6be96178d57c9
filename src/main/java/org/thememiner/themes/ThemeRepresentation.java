package org.thememiner.themes;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a reader sees of each theme: c-TF-IDF keywords (BERTopic's class-based TF-IDF: a term's frequency in
 * the theme times log(1 + average theme length / the term's corpus frequency)), a label, size, papers, each
 * paper's share, the paper that holds most of the theme, and the sentences and quotes closest to the centroid. Only per-theme summaries reach the driver.
 *
 * <p>Which keywords lead (the label, and the top ten a reader looks at) is the settings' {@link KeywordOrder}
 * ({@code themes.keywords}): by default ({@link CooccurrenceOrder}) the c-TF-IDF top {@value #KEYWORDS} reordered
 * to favour words used together in one sentence over words that each occur in a different part of the theme.
 */
public final class ThemeRepresentation {
  private static final int KEYWORDS = 20;
  /**
   * In {@link #rerank}, the share of a candidate's score that is its co-occurrence with the keywords already
   * chosen (the rest is its c-TF-IDF weight relative to the best keyword's).
   */
  static final double COOCCURRENCE_WEIGHT = 0.5;

  private final ThemeSettings settings;
  private final KeywordOrder order;
  private final Curation curation;

  public ThemeRepresentation(ThemeSettings settings) {
    this(settings, Curation.NONE);
  }

  /** @param curation the researcher's names for themes and stop words ({@link Curation#rename}, {@link Curation#stopWords}) */
  public ThemeRepresentation(ThemeSettings settings, Curation curation) {
    this.settings = settings;
    this.order = ThemeParts.keywordOrder(settings.keywords());
    this.curation = curation;
  }

  /** @param assigned the output of {@link ThemeModel#transform}; rows with a null theme are ignored */
  public List<Theme> describe(Dataset<Row> assigned) {
    return describe(assigned, AssignmentCounts.of(assigned));
  }

  /** @param counts {@code assigned}'s counts, when the run has them already */
  public List<Theme> describe(Dataset<Row> assigned, AssignmentCounts counts) {
    Dataset<Row> a = assigned.filter(col(ThemeModel.THEME_ID).isNotNull());
    // Room for the stop words, so that as many keywords are left as without them.
    Map<Integer, List<Row>> keywords = KeywordPass.top(a, counts.termTotals(), counts.meanTermTotal(), settings.minDocFreq(),
        curation.stopWords().isEmpty() ? KEYWORDS : 2 * KEYWORDS);
    if (!curation.stopWords().isEmpty()) {
      keywords.replaceAll((theme, rows) -> rows.stream()
          .filter(r -> curation.stopWords().stream().noneMatch(w -> nested(w, r.getString(1)))).limit(KEYWORDS).toList());
    }
    Map<Integer, Set<String>> candidates = new HashMap<>();
    keywords.forEach((theme, rows) -> candidates.put(theme, rows.stream().map(r -> r.getString(1)).collect(Collectors.toSet())));
    SentencePass pass = SentencePass.over(a, settings.examples(), candidates);
    keywords.replaceAll((theme, rows) -> order.order(rows, pass.counts(theme, counts.sizes().getOrDefault(theme, 0L))));
    Map<Integer, List<Evidence>> examples = pass.examples();
    Map<Integer, List<Evidence>> quotes = pass.quotes();

    List<Theme> themes = new ArrayList<>();
    for (Map.Entry<Integer, Long> e : counts.sizes().entrySet()) {
      int id = e.getKey();
      List<Row> kw = keywords.getOrDefault(id, List.of());
      List<String> terms = kw.stream().map(k -> k.getString(1)).toList();
      Map<String, Double> share = counts.shares().getOrDefault(id, Map.of());
      List<String> papers = share.entrySet().stream()
          .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .map(Map.Entry::getKey).toList();
      LargestPaper largest = counts.largestPapers().get(id);
      themes.add(new Theme(id, curation.rename().getOrDefault(id, label(terms)), terms, kw.stream().map(k -> k.getDouble(2)).toList(), e.getValue(),
          papers, share, largest.paperId(), largest.share(), examples.getOrDefault(id, List.of()),
          quotes.getOrDefault(id, List.of())));
    }
    return themes;
  }

  /** Up to three keywords; a phrase among the top five leads and absorbs the words it contains. */
  static String label(List<String> keywords) {
    List<String> parts = new ArrayList<>();
    keywords.stream().limit(5).filter(k -> k.contains(" ")).findFirst().ifPresent(parts::add);
    for (String k : keywords) {
      if (parts.size() == 3) break;
      boolean covered = parts.stream().anyMatch(p -> nested(p, k));
      if (!covered) parts.add(k);
    }
    return parts.isEmpty() ? "(no keywords)" : String.join(", ", parts);
  }

  /** One theme's counts in its own sentences. */
  record ThemeCounts(long sentences, Map<String, Long> single, Map<String, Long> pair) {
    double npmi(String a, String b) {
      return TopicQuality.npmi(single.getOrDefault(a, 0L), single.getOrDefault(b, 0L),
          pair.getOrDefault(TopicQuality.key(a, b), 0L), sentences);
    }
  }

  /**
   * The theme's keywords (rows of theme_id, term, weight; best c-TF-IDF first) reordered greedily, as maximal
   * marginal relevance does with diversity: the best c-TF-IDF keyword leads; each next one is the candidate with
   * the highest {@code (1 - w) * weight / best weight + w * (1 + mean NPMI with those chosen) / 2}, w =
   * {@value #COOCCURRENCE_WEIGHT}, NPMI counted in the theme's own sentences. A phrase and a word of it ("heart
   * failure", "heart") co-occur by construction, which says nothing about the theme: such pairs are left out of
   * the mean (no pair left: NPMI 0). Ties keep c-TF-IDF order.
   */
  static List<Row> rerank(List<Row> keywords, ThemeCounts counts) {
    if (keywords.size() < 3 || counts.sentences() == 0) return keywords;
    double best = keywords.get(0).getDouble(2);
    List<Row> chosen = new ArrayList<>(List.of(keywords.get(0)));
    List<Row> left = new ArrayList<>(keywords.subList(1, keywords.size()));
    while (!left.isEmpty()) {
      Row next = left.stream().max(Comparator.comparingDouble((Row r) -> {
        double coherence = chosen.stream().filter(c -> !nested(c.getString(1), r.getString(1)))
            .mapToDouble(c -> counts.npmi(c.getString(1), r.getString(1))).average().orElse(0);
        return (1 - COOCCURRENCE_WEIGHT) * r.getDouble(2) / best + COOCCURRENCE_WEIGHT * (1 + coherence) / 2;
      }).thenComparing(r -> -left.indexOf(r))).orElseThrow();
      chosen.add(next);
      left.remove(next);
    }
    return chosen;
  }

  /** Whether one term is a whole-word part of the other (a noun phrase and one of its words). */
  static boolean nested(String a, String b) {
    return (" " + a + " ").contains(" " + b + " ") || (" " + b + " ").contains(" " + a + " ");
  }
}
