package org.thememiner.themes;

import java.util.Comparator;
import java.util.Map;

/**
 * The paper that holds most of a theme's sentences, and what share of the theme's sentences it holds: how far the
 * theme is one paper's rather than one that crosses papers (1.0: all of it comes from one paper).
 *
 * @param paperId the paper with most sentences in the theme; of several, the first by id
 * @param share   its sentences in the theme over the theme's sentences
 */
public record LargestPaper(String paperId, double share) {
  private static final Comparator<Map.Entry<String, Long>> MOST_SENTENCES_FIRST =
      Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

  /** @param sentencesByPaper a theme's sentence count per paper; not empty */
  public static LargestPaper of(Map<String, Long> sentencesByPaper) {
    Map.Entry<String, Long> largest = sentencesByPaper.entrySet().stream().min(MOST_SENTENCES_FIRST).orElseThrow();
    long size = sentencesByPaper.values().stream().mapToLong(Long::longValue).sum();
    return new LargestPaper(largest.getKey(), (double) largest.getValue() / size);
  }
}
