package org.thememiner.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.thememiner.compare.AuthorThemeMapping.AuthorTheme;

/**
 * Reciprocal translation, the step of a meta-ethnography that reads the studies' themes into one another: author
 * themes that say the same thing are grouped, whichever study they come from, and each group is set beside the
 * constructs of every construct set. Each theme is the unit vector {@link AuthorThemeMapping#vector} compares it by;
 * groups are joined by average linkage (the mean cosine between their members) for as long as the two most similar
 * groups have a mean cosine of at least {@code minSimilarity}. Two themes of one study never share a group: its
 * authors set them apart, and a study's themes share its vocabulary, which would otherwise group them by study.
 * Deterministic: of equal similarities, the lower index is joined first.
 */
public final class Translation {

  /**
   * Author themes that say the same thing.
   *
   * @param members    the themes' indices in the list grouped
   * @param label      the member most similar to the others (the group's medoid)
   * @param studies    how many studies the members come from: a translation needs two or more
   * @param cohesion   the mean cosine between members (1 for a single theme)
   * @param constructs per construct set, the construct nearest the group's mean vector
   */
  public record Group(int id, String label, List<Integer> members, List<AuthorTheme> themes, int studies, double cohesion,
      List<SetMatch> constructs) {

    public Group {
      members = List.copyOf(members);
      themes = List.copyOf(themes);
      constructs = List.copyOf(constructs);
    }

    public boolean acrossStudies() {
      return studies >= 2;
    }
  }

  /**
   * The construct of a set nearest a group's mean vector, and their cosine.
   *
   * @param newConstruct the cosine is below the comparison's {@code newConstructBelow}: no construct of the set says
   *                     what the group says, so it may be a construct the set lacks
   */
  public record SetMatch(String setId, String constructId, double similarity, boolean newConstruct) {}

  /**
   * The groups across two or more studies against one construct set, as the sentence themes are compared.
   *
   * @param coverage      the share of the set's constructs nearest to some group (not counting candidate new ones)
   * @param precision     the share of groups whose nearest construct is not a candidate new one
   * @param newConstructs the ids of the groups that are candidate new constructs for the set
   */
  public record SetSummary(String setId, int groups, double coverage, double precision, List<Integer> newConstructs) {}

  /** The similarity of two groups that hold the same study: below any cosine, so they are never joined. */
  private static final float APART = Float.NEGATIVE_INFINITY;

  private Translation() {}

  public static SetSummary summarise(List<Group> groups, ConstructSet set) {
    List<Group> across = groups.stream().filter(Group::acrossStudies).toList();
    List<SetMatch> matches = across.stream()
        .flatMap(g -> g.constructs().stream().filter(m -> m.setId().equals(set.id()))).toList();
    long covered = matches.stream().filter(m -> !m.newConstruct()).map(SetMatch::constructId).distinct().count();
    long matched = matches.stream().filter(m -> !m.newConstruct()).count();
    List<Integer> fresh = across.stream().filter(g -> g.constructs().stream()
        .anyMatch(m -> m.setId().equals(set.id()) && m.newConstruct())).map(Group::id).toList();
    return new SetSummary(set.id(), across.size(), set.constructs().isEmpty() ? 0 : covered / (double) set.constructs().size(),
        across.isEmpty() ? 0 : matched / (double) across.size(), fresh);
  }

  /** The groups of {@code themes}, largest first (then in the order of their first theme), ids from 0. */
  public static List<Group> of(List<AuthorTheme> themes, List<ConstructSet> sets, AuthorThemeMapping mapping,
      double minSimilarity, double newConstructBelow) {
    int n = themes.size();
    float[][] vectors = new float[n][];
    for (int i = 0; i < n; i++) vectors[i] = mapping.vector(themes.get(i));
    Map<String, Integer> studyIndex = new HashMap<>();
    int[] study = new int[n];
    for (int i = 0; i < n; i++) study[i] = studyIndex.computeIfAbsent(themes.get(i).study(), k -> studyIndex.size());
    List<List<Integer>> members = averageLinkage(vectors, study, minSimilarity);
    members.sort(Comparator.<List<Integer>>comparingInt(List::size).reversed().thenComparing(m -> m.get(0)));
    List<Group> groups = new ArrayList<>();
    for (List<Integer> m : members) {
      float[] mean = new float[vectors[m.get(0)].length];
      for (int i : m) for (int d = 0; d < mean.length; d++) mean[d] += vectors[i][d];
      normalise(mean);
      List<SetMatch> matches = new ArrayList<>();
      for (ConstructSet set : sets) {
        AuthorThemeMapping.Nearest nearest = mapping.nearest(mean, set);
        matches.add(new SetMatch(set.id(), nearest.constructId(), nearest.similarity(),
            nearest.similarity() < newConstructBelow));
      }
      int medoid = m.get(0);
      double best = Double.NEGATIVE_INFINITY;
      double total = 0;
      for (int i : m) {
        double s = 0;
        for (int j : m) if (j != i) s += AuthorThemeMapping.dot(vectors[i], vectors[j]);
        total += s;
        if (s > best) {
          best = s;
          medoid = i;
        }
      }
      List<AuthorTheme> groupThemes = m.stream().map(themes::get).toList();
      int studies = (int) groupThemes.stream().map(AuthorTheme::study).distinct().count();
      double cohesion = m.size() == 1 ? 1 : total / ((double) m.size() * (m.size() - 1));
      groups.add(new Group(groups.size(), themes.get(medoid).theme(), m, groupThemes, studies, cohesion, matches));
    }
    return groups;
  }

  /**
   * Average-linkage clustering of unit vectors, stopping below {@code minSimilarity}, where groups holding the same
   * study never join ({@link #APART}). Each row keeps its most similar other group, so a join costs one pass over
   * the rows rather than over all pairs.
   */
  private static List<List<Integer>> averageLinkage(float[][] vectors, int[] study, double minSimilarity) {
    int n = vectors.length;
    float[][] sim = new float[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        sim[i][j] = sim[j][i] = study[i] == study[j] ? APART : (float) AuthorThemeMapping.dot(vectors[i], vectors[j]);
      }
    }
    int[] size = new int[n];
    boolean[] active = new boolean[n];
    List<List<Integer>> members = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      size[i] = 1;
      active[i] = true;
      members.add(new ArrayList<>(List.of(i)));
    }
    int[] best = new int[n];
    for (int i = 0; i < n; i++) best[i] = bestOf(i, sim, active);
    while (true) {
      int a = -1;
      for (int i = 0; i < n; i++) {
        if (active[i] && best[i] >= 0 && (a < 0 || sim[i][best[i]] > sim[a][best[a]])) a = i;
      }
      if (a < 0 || sim[a][best[a]] == APART || sim[a][best[a]] < minSimilarity) break;
      int b = best[a];
      int keep = Math.min(a, b);
      int gone = Math.max(a, b);
      for (int k = 0; k < n; k++) {
        if (!active[k] || k == keep || k == gone) continue;
        // Once two groups share a study, so does every group either becomes part of.
        float joined = sim[keep][k] == APART || sim[gone][k] == APART ? APART
            : (size[keep] * sim[keep][k] + size[gone] * sim[gone][k]) / (size[keep] + size[gone]);
        sim[keep][k] = sim[k][keep] = joined;
      }
      size[keep] += size[gone];
      active[gone] = false;
      members.get(keep).addAll(members.get(gone));
      members.set(gone, null);
      for (int k = 0; k < n; k++) {
        if (!active[k]) continue;
        if (k == keep || best[k] == keep || best[k] == gone) best[k] = bestOf(k, sim, active);
        else if (sim[k][keep] > sim[k][best[k]] || (sim[k][keep] == sim[k][best[k]] && keep < best[k])) best[k] = keep;
      }
    }
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (active[i]) {
        List<Integer> m = members.get(i);
        m.sort(null);
        out.add(m);
      }
    }
    return out;
  }

  /** The active group most similar to {@code i}, the lower index of equals; -1 when there is none. */
  private static int bestOf(int i, float[][] sim, boolean[] active) {
    int best = -1;
    for (int k = 0; k < sim.length; k++) {
      if (k != i && active[k] && (best < 0 || sim[i][k] > sim[i][best])) best = k;
    }
    return best;
  }

  private static void normalise(float[] v) {
    double norm = 0;
    for (float x : v) norm += x * x;
    norm = Math.sqrt(norm);
    if (norm == 0) return;
    for (int d = 0; d < v.length; d++) v[d] /= (float) norm;
  }
}
