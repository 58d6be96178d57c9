package org.thememiner.compare;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The job's paper x construct presence scored against a gold coding, over the gold coding's papers. A gold paper
 * the themes never reached has no construct. Undefined figures (no predictions, no gold positives, kappa without
 * variation) are null.
 *
 * @param papersWithoutThemes gold papers absent from every theme
 * @param accuracy            share of paper x construct cells on which job and gold agree
 * @param kappa               Cohen's kappa over all paper x construct cells
 * @param sentences           with a coding of text ({@link GoldCoding#codesText}), the job's sentence coding scored
 *                            against it ({@link SentenceGold}); else null
 */
public record GoldAgreement(String setId, int papers, int papersWithoutThemes, List<ConstructAgreement> constructs,
    double accuracy, Double kappa, SentenceLevel sentences) implements Serializable {

  public record ConstructAgreement(String constructId, int truePositives, int falsePositives, int falseNegatives,
      int trueNegatives, Double precision, Double recall, Double f1, Double kappa) implements Serializable {}

  /**
   * The sentence x construct cells of the gold papers' sentences found in the coder's text.
   *
   * @param papers            gold papers with coded text that the run has sentences of
   * @param sentences         their sentences found in the coder's text: the cells' rows
   * @param sentencesNotFound their sentences not found there, left out
   * @param codedSentences    of {@code sentences}, those the coder coded with a construct of the set
   */
  public record SentenceLevel(int papers, int sentences, int sentencesNotFound, int codedSentences,
      List<ConstructAgreement> constructs, double accuracy, Double kappa) implements Serializable {}

  /** Per construct and over all cells, how a job's codes of some units agree with the gold codes. */
  record Cells(List<ConstructAgreement> constructs, double accuracy, Double kappa) {
    /** @param gold and {@code job}: each unit's constructs, in the same order */
    static Cells of(List<String> constructIds, List<Set<String>> gold, List<Set<String>> job) {
      List<Boolean> allGold = new ArrayList<>();
      List<Boolean> allJob = new ArrayList<>();
      List<ConstructAgreement> perConstruct = new ArrayList<>();
      for (String c : constructIds) {
        List<Boolean> g = gold.stream().map(s -> s.contains(c)).toList();
        List<Boolean> j = job.stream().map(s -> s.contains(c)).toList();
        perConstruct.add(score(c, g, j));
        allGold.addAll(g);
        allJob.addAll(j);
      }
      return new Cells(perConstruct, allGold.isEmpty() ? 0 : Agreement.accuracy(allGold, allJob),
          allGold.isEmpty() ? null : defined(Agreement.cohensKappa(allGold, allJob)));
    }
  }

  public static GoldAgreement of(GoldCoding gold, ConstructComparison comparison, SentenceLevel sentences) {
    if (!gold.setId().equals(comparison.setId())) {
      throw new IllegalArgumentException("gold coding is for " + gold.setId() + ", the comparison for " + comparison.setId());
    }
    ConstructComparison.PaperPresence presence = comparison.paperPresence();
    Map<String, Integer> row = new HashMap<>();
    for (int p = 0; p < presence.paperIds().size(); p++) row.put(presence.paperIds().get(p), p);
    List<String> constructIds = presence.constructIds();
    List<Set<String>> goldSets = new ArrayList<>();
    List<Set<String>> jobSets = new ArrayList<>();
    for (Map.Entry<String, Set<String>> paper : gold.constructsByPaper().entrySet()) {
      goldSets.add(paper.getValue());
      Integer p = row.get(paper.getKey());
      Set<String> present = new HashSet<>();
      for (int j = 0; p != null && j < constructIds.size(); j++) if (presence.present()[p][j]) present.add(constructIds.get(j));
      jobSets.add(present);
    }
    Cells cells = Cells.of(constructIds, goldSets, jobSets);
    int missing = (int) gold.constructsByPaper().keySet().stream().filter(p -> !row.containsKey(p)).count();
    return new GoldAgreement(gold.setId(), gold.constructsByPaper().size(), missing, cells.constructs(), cells.accuracy(),
        cells.kappa(), sentences);
  }

  /** A kappa as the console and the report print it: two decimals, or "undefined" (null). */
  public static String kappaText(Double kappa) {
    return kappa == null ? "undefined" : String.format(Locale.ROOT, "%.2f", kappa);
  }

  private static ConstructAgreement score(String constructId, List<Boolean> gold, List<Boolean> job) {
    int tp = 0, fp = 0, fn = 0, tn = 0;
    for (int i = 0; i < gold.size(); i++) {
      if (gold.get(i) && job.get(i)) tp++;
      else if (job.get(i)) fp++;
      else if (gold.get(i)) fn++;
      else tn++;
    }
    Double precision = tp + fp == 0 ? null : (double) tp / (tp + fp);
    Double recall = tp + fn == 0 ? null : (double) tp / (tp + fn);
    Double f1 = tp + fp + fn == 0 ? null : 2.0 * tp / (2.0 * tp + fp + fn);
    Double kappa = gold.isEmpty() ? null : defined(Agreement.cohensKappa(gold, job));
    return new ConstructAgreement(constructId, tp, fp, fn, tn, precision, recall, f1, kappa);
  }

  private static Double defined(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
