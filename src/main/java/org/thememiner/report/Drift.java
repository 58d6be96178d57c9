package org.thememiner.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.thememiner.compare.Hungarian;
import org.thememiner.themes.Theme;

/**
 * What changed between two runs: themes matched one-to-one (Hungarian, on the cosine of their c-TF-IDF
 * keyword weights), new and vanished themes, themes that grew or shrank, papers added and removed.
 *
 * @param previousRun when the previous run started
 * @param matched     pairs at or above {@link #MATCH}
 */
public record Drift(String previousRun, List<Match> matched, List<Integer> newThemes, List<Integer> vanishedThemes,
    List<String> papersAdded, List<String> papersRemoved) {

  /** Keyword cosine from which two themes count as the same theme. */
  public static final double MATCH = 0.2;
  /** A relative change of a theme's share of clustered sentences beyond this is growth or shrinkage. */
  public static final double CHANGE = 0.2;

  /**
   * @param share  the theme's share of all clustered sentences in its run
   * @param change {@code grew}, {@code shrank} or {@code stable}
   */
  public record Match(int previousId, int currentId, double similarity, double previousShare, double currentShare,
      String change) {}

  public static Drift between(String previousRun, List<Theme> previous, Set<String> previousPapers, List<Theme> current,
      Set<String> currentPapers) {
    double[][] sim = new double[current.size()][previous.size()];
    for (int i = 0; i < current.size(); i++) {
      for (int j = 0; j < previous.size(); j++) sim[i][j] = cosine(current.get(i), previous.get(j));
    }
    int[] pairs = current.isEmpty() || previous.isEmpty() ? new int[current.size()] : Hungarian.maximise(sim);
    double prevTotal = previous.stream().mapToLong(Theme::size).sum();
    double currTotal = current.stream().mapToLong(Theme::size).sum();
    List<Match> matched = new ArrayList<>();
    List<Integer> fresh = new ArrayList<>();
    Set<Integer> kept = new HashSet<>();
    for (int i = 0; i < current.size(); i++) {
      int j = previous.isEmpty() ? -1 : pairs[i];
      if (j < 0 || sim[i][j] < MATCH) {
        fresh.add(current.get(i).id());
        continue;
      }
      double before = previous.get(j).size() / prevTotal;
      double after = current.get(i).size() / currTotal;
      String change = after > before * (1 + CHANGE) ? "grew" : after < before * (1 - CHANGE) ? "shrank" : "stable";
      matched.add(new Match(previous.get(j).id(), current.get(i).id(), sim[i][j], before, after, change));
      kept.add(j);
    }
    List<Integer> vanished = new ArrayList<>();
    for (int j = 0; j < previous.size(); j++) if (!kept.contains(j)) vanished.add(previous.get(j).id());
    List<String> added = currentPapers.stream().filter(p -> !previousPapers.contains(p)).sorted().toList();
    List<String> removed = previousPapers.stream().filter(p -> !currentPapers.contains(p)).sorted().toList();
    return new Drift(previousRun, matched, fresh, vanished, added, removed);
  }

  private static double cosine(Theme a, Theme b) {
    Map<String, Double> wa = weights(a);
    Map<String, Double> wb = weights(b);
    double dot = 0;
    for (Map.Entry<String, Double> e : wa.entrySet()) dot += e.getValue() * wb.getOrDefault(e.getKey(), 0.0);
    double na = Math.sqrt(wa.values().stream().mapToDouble(v -> v * v).sum());
    double nb = Math.sqrt(wb.values().stream().mapToDouble(v -> v * v).sum());
    return na == 0 || nb == 0 ? 0 : dot / (na * nb);
  }

  private static Map<String, Double> weights(Theme t) {
    Map<String, Double> w = new HashMap<>();
    for (int i = 0; i < t.keywords().size(); i++) w.put(t.keywords().get(i), t.keywordWeights().get(i));
    return w;
  }
}
