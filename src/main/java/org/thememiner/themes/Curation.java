package org.thememiner.themes;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A researcher's edits of the themes, by theme id as in themes.json ({@code curation:} in the job spec), applied to
 * the model's assignments ({@link ThemeCuration}) and to the themes' description ({@link ThemeRepresentation}), in
 * this order: split, merge, drop, move; then the names and keywords.
 *
 * @param rename    a theme's label in place of the one made from its keywords
 * @param merge     groups of themes that become one; the lowest id stays
 * @param split     a theme's sentences clustered again into this many parts, with the run's seed: the largest part
 *                  keeps the id, the others get new ids after the model's last ({@link #splitIds})
 * @param drop      themes whose sentences become outliers
 * @param stopWords terms left out of every theme's keywords and label (with the phrases that contain them)
 * @param move      sentences put into a theme whatever the model said
 */
public record Curation(Map<Integer, String> rename, List<List<Integer>> merge, Map<Integer, Integer> split,
    List<Integer> drop, List<String> stopWords, List<Move> move) {
  /**
   * One sentence put into a theme.
   *
   * @param paper    its paper id, as in assignments.csv
   * @param sentence its {@code sentence_no}, as in assignments.csv
   */
  public record Move(String paper, Integer sentence, Integer theme) {
    public Move {
      if (paper == null || paper.isBlank() || sentence == null || theme == null) {
        throw new IllegalArgumentException("curation.move: each move names a paper, a sentence and a theme, got "
            + "{paper: " + paper + ", sentence: " + sentence + ", theme: " + theme + "}");
      }
    }
  }

  public static final Curation NONE = new Curation(Map.of(), List.of(), Map.of(), List.of(), List.of(), List.of());

  public Curation {
    // An edit left empty in the job spec (rename:) reads as null.
    rename = rename == null ? Map.of() : Map.copyOf(rename);
    merge = merge == null ? List.of() : merge.stream().map(List::copyOf).toList();
    split = split == null ? Map.of() : Map.copyOf(split);
    drop = drop == null ? List.of() : List.copyOf(drop);
    stopWords = stopWords == null ? List.of() : stopWords.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    move = move == null ? List.of() : List.copyOf(move);
    Set<Integer> merged = new HashSet<>();
    for (List<Integer> group : merge) {
      if (group.size() < 2) throw new IllegalArgumentException("curation.merge: a group names two themes or more, got " + group);
      for (int id : group) {
        if (!merged.add(id)) throw new IllegalArgumentException("curation.merge: theme " + id + " is in two groups");
      }
    }
    split.forEach((id, parts) -> {
      if (parts < 2) throw new IllegalArgumentException("curation.split: theme " + id + " into " + parts + " parts; give 2 or more");
      if (merged.contains(id)) throw new IllegalArgumentException("curation.split: theme " + id + " is also merged; do one or the other");
    });
  }

  @JsonIgnore // a question about the curation, not one of its settings: run.json records settings only
  public boolean isEmpty() {
    return equals(NONE);
  }

  /** Whether the edits change which sentences are in which theme (not only the names and keywords). */
  public boolean regroups() {
    return !merge.isEmpty() || !split.isEmpty() || !drop.isEmpty() || !move.isEmpty();
  }

  /** The ids the split parts get in a model of {@code k} themes: per split theme in id order, its new parts in size order. */
  public Map<Integer, List<Integer>> splitIds(int k) {
    Map<Integer, List<Integer>> ids = new TreeMap<>();
    int next = k;
    for (Map.Entry<Integer, Integer> e : new TreeMap<>(split).entrySet()) {
      List<Integer> parts = new ArrayList<>();
      for (int i = 1; i < e.getValue(); i++) parts.add(next++);
      ids.put(e.getKey(), parts);
    }
    return ids;
  }

  /**
   * The first edit that names a theme a model of {@code k} themes (ids 0 to k-1) does not have, as a message naming
   * the setting and the id; empty when every edit names a theme there is. Renames, drops and moves may name the parts
   * of a split; none may name a theme merged into another, and no move a dropped theme.
   *
   * @param model what the themes are, for the message: "the saved model in models/x"
   */
  public Optional<String> unknownTheme(int k, String model) {
    Set<Integer> known = new HashSet<>();
    for (int id = 0; id < k; id++) known.add(id);
    Map<Integer, Integer> mergedInto = new HashMap<>();
    for (List<Integer> group : merge) {
      int stays = group.stream().mapToInt(Integer::intValue).min().orElseThrow();
      group.stream().filter(id -> id != stays).forEach(id -> mergedInto.put(id, stays));
    }
    String themes = k == 0 ? "no themes" : "themes 0 to " + (k - 1);
    List<Edit> edits = new ArrayList<>();
    merge.forEach(group -> group.forEach(id -> edits.add(new Edit("curation.merge", id, false))));
    split.keySet().forEach(id -> edits.add(new Edit("curation.split", id, false)));
    rename.keySet().forEach(id -> edits.add(new Edit("curation.rename", id, true)));
    drop.forEach(id -> edits.add(new Edit("curation.drop", id, true)));
    move.forEach(m -> edits.add(new Edit("curation.move", m.theme(), true)));
    Set<Integer> parts = new HashSet<>();
    splitIds(k).values().forEach(parts::addAll);
    for (Edit e : edits) {
      if (!known.contains(e.theme()) && !(e.mayNameSplitPart() && parts.contains(e.theme()))) {
        return Optional.of(String.format(Locale.ROOT, "%s names theme %d, which does not exist: %s has %s%s", e.setting(),
            e.theme(), model, themes, parts.isEmpty() ? "" : " (and the split parts " + new TreeMap<>(splitIds(k)) + ")"));
      }
      if (e.mayNameSplitPart() && mergedInto.containsKey(e.theme())) {
        return Optional.of(String.format(Locale.ROOT, "%s names theme %d, which curation.merge merges into theme %d: name %d",
            e.setting(), e.theme(), mergedInto.get(e.theme()), mergedInto.get(e.theme())));
      }
    }
    for (Move m : move) {
      if (drop.contains(m.theme())) {
        return Optional.of("curation.move names theme " + m.theme() + ", which curation.drop drops");
      }
    }
    return Optional.empty();
  }

  private record Edit(String setting, int theme, boolean mayNameSplitPart) {}

  /** One line per edit, for the report and the console. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    new TreeMap<>(split).forEach((id, parts) -> lines.add("split theme " + id + " into " + parts));
    merge.forEach(group -> lines.add("merged themes " + group + " into theme "
        + group.stream().mapToInt(Integer::intValue).min().orElseThrow()));
    drop.forEach(id -> lines.add("dropped theme " + id + ": its sentences are outliers"));
    move.forEach(m -> lines.add("moved sentence " + m.sentence() + " of " + m.paper() + " to theme " + m.theme()));
    new TreeMap<>(rename).forEach((id, label) -> lines.add("renamed theme " + id + " \"" + label + "\""));
    if (!stopWords.isEmpty()) lines.add("stop words left out of keywords and labels: " + String.join(", ", stopWords));
    return lines;
  }
}
