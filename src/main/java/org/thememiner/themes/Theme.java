package org.thememiner.themes;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A candidate theme: a cluster of sentences with what a reader needs to judge it.
 *
 * @param id             stable within a run; ordered by size, largest first
 * @param label          a short name built from the top keywords
 * @param keywords       the c-TF-IDF top keywords; the first has the highest weight, the rest are in
 *                       {@link ThemeRepresentation}'s order (which need not be by weight)
 * @param keywordWeights c-TF-IDF weight of each keyword, same order
 * @param size           number of sentences in the theme
 * @param papers         ids of the papers the theme occurs in, most sentences first
 * @param paperShare     for each paper, the share of its assigned sentences that fall in this theme
 * @param largestPaper   the paper that holds most of this theme's sentences ({@link LargestPaper})
 * @param largestPaperShare the share of this theme's sentences that come from {@code largestPaper}
 * @param examples       the sentences closest to the theme's centroid
 * @param quotes         the participant quotes closest to the centroid (may be empty)
 */
public record Theme(
    int id,
    String label,
    List<String> keywords,
    List<Double> keywordWeights,
    long size,
    List<String> papers,
    Map<String, Double> paperShare,
    String largestPaper,
    double largestPaperShare,
    List<Evidence> examples,
    List<Evidence> quotes) implements Serializable {

  public Theme {
    keywords = List.copyOf(keywords);
    keywordWeights = List.copyOf(keywordWeights);
    papers = List.copyOf(papers);
    paperShare = Map.copyOf(paperShare);
    examples = List.copyOf(examples);
    quotes = List.copyOf(quotes);
    if (keywords.size() != keywordWeights.size()) throw new IllegalArgumentException("one weight per keyword");
  }
}
