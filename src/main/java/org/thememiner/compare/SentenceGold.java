package org.thememiner.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A gold coding's coded text carried onto the run's sentences, and the job's sentence coding scored against it. The
 * coder's text and ours differ in spacing, line breaks and what each left out (page furniture, references), so
 * each sentence is looked for in its paper's coded text with white space collapsed, forward from the sentence before
 * it (a repeated sentence lands on the right occurrence), else anywhere. A sentence found is coded with each
 * construct whose spans cover at least {@link #MIN_COVER} of its characters there; a sentence not found is left out
 * and counted.
 */
public final class SentenceGold {
  /** The share of a sentence's characters a construct's coded spans must cover for the sentence to have it. */
  public static final double MIN_COVER = 0.5;

  private SentenceGold() {}

  /**
   * A sentence of the run with the construct the job coded it with.
   *
   * @param construct the job's code from the set, or null when the job left it uncoded
   */
  public record CodedSentence(String paperId, int sentenceNo, String text, String construct) {}

  /**
   * The gold constructs of a paper's sentences.
   *
   * @param bySentence for each sentence found in the coded text, by sentence number, its constructs (maybe none)
   * @param notFound   sentences not found in the coded text
   */
  public record Located(Map<Integer, Set<String>> bySentence, int notFound) {}

  /** The gold constructs of {@code sentences}, one paper's, in any order. */
  public static Located locate(GoldCoding.CodedText coded, List<CodedSentence> sentences) {
    CollapsedText text = CollapsedText.of(coded.text(), 0, coded.text().length());
    List<CodedSentence> inOrder = new ArrayList<>(sentences);
    inOrder.sort(Comparator.comparingInt(CodedSentence::sentenceNo));
    Map<Integer, Set<String>> bySentence = new LinkedHashMap<>();
    int notFound = 0;
    int from = 0;
    for (CodedSentence s : inOrder) {
      String wanted = CollapsedText.collapse(s.text());
      int at = wanted.isEmpty() ? -1 : text.text().indexOf(wanted, from);
      if (at < 0 && !wanted.isEmpty()) at = text.text().indexOf(wanted);
      if (at < 0) {
        notFound++;
        continue;
      }
      from = at + wanted.length();
      int start = text.originalIndex(at);
      int end = text.originalIndex(from - 1) + 1;
      bySentence.put(s.sentenceNo(), constructsCovering(coded.spans(), start, end));
    }
    return new Located(bySentence, notFound);
  }

  /** The constructs whose spans, merged, cover at least {@link #MIN_COVER} of [start, end). */
  private static Set<String> constructsCovering(List<GoldCoding.Span> spans, int start, int end) {
    Map<String, List<GoldCoding.Span>> byConstruct = new LinkedHashMap<>();
    for (GoldCoding.Span s : spans) {
      if (s.end() > start && s.start() < end) byConstruct.computeIfAbsent(s.constructId(), c -> new ArrayList<>()).add(s);
    }
    Set<String> covering = new HashSet<>();
    byConstruct.forEach((construct, overlapping) -> {
      overlapping.sort(Comparator.comparingInt(GoldCoding.Span::start));
      int covered = 0;
      int reached = start;
      for (GoldCoding.Span s : overlapping) {
        int from = Math.max(s.start(), reached);
        int to = Math.min(s.end(), end);
        if (to > from) {
          covered += to - from;
          reached = to;
        }
      }
      if (covered >= MIN_COVER * (end - start)) covering.add(construct);
    });
    return covering;
  }

  /**
   * The job's sentence coding against the gold coding's coded text, over the sentences of its papers found there.
   *
   * @param constructIds the set's constructs, the cells' columns
   * @param sentences    every sentence of the run's papers that the gold coding has text for
   */
  public static GoldAgreement.SentenceLevel agreement(GoldCoding gold, List<String> constructIds, List<CodedSentence> sentences) {
    Map<String, List<CodedSentence>> byPaper = new LinkedHashMap<>();
    for (CodedSentence s : sentences) byPaper.computeIfAbsent(s.paperId(), p -> new ArrayList<>()).add(s);
    List<Set<String>> goldSets = new ArrayList<>();
    List<Set<String>> jobSets = new ArrayList<>();
    int papers = 0;
    int notFound = 0;
    int coded = 0;
    for (GoldCoding.CodedText text : gold.texts()) {
      List<CodedSentence> ofPaper = byPaper.get(text.paperId());
      if (ofPaper == null) continue;
      papers++;
      Located located = locate(text, ofPaper);
      notFound += located.notFound();
      for (CodedSentence s : ofPaper) {
        Set<String> g = located.bySentence().get(s.sentenceNo());
        if (g == null) continue;
        goldSets.add(g);
        jobSets.add(s.construct() == null ? Set.of() : Set.of(s.construct()));
        if (!g.isEmpty()) coded++;
      }
    }
    GoldAgreement.Cells cells = GoldAgreement.Cells.of(constructIds, goldSets, jobSets);
    return new GoldAgreement.SentenceLevel(papers, goldSets.size(), notFound, coded, cells.constructs(), cells.accuracy(), cells.kappa());
  }
}
