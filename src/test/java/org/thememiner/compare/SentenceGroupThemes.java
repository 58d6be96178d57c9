package org.thememiner.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thememiner.annotate.TermAnalyzer;
import org.thememiner.themes.Evidence;
import org.thememiner.themes.Theme;

/**
 * Test themes built the way the themes stage builds them, from groups of real sentences: c-TF-IDF keywords
 * ({@code tf(t, group) / |group| * ln(1 + mean group size / total tf(t))}) and the first sentences as examples.
 */
final class SentenceGroupThemes {
  private SentenceGroupThemes() {}

  /** A TSV with a header row and two columns: group, sentence. Groups keep their first-seen order. */
  static Map<String, List<String>> readGroups(Path tsv) throws IOException {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(tsv);
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) continue;
      String[] cells = line.split("\t", 2);
      groups.computeIfAbsent(cells[0], g -> new ArrayList<>()).add(cells[1]);
    }
    return groups;
  }

  /** One theme per group, ids in group order from {@code firstId}; every group is its own paper. */
  static List<Theme> themes(Map<String, List<String>> groups, TermAnalyzer analyzer, int keywords, int examples, int firstId) {
    List<Map<String, Integer>> tf = new ArrayList<>();
    Map<String, Integer> total = new HashMap<>();
    long terms = 0;
    for (List<String> sentences : groups.values()) {
      Map<String, Integer> counts = new HashMap<>();
      for (String s : sentences) for (String t : analyzer.terms(s)) counts.merge(t, 1, Integer::sum);
      counts.forEach((t, n) -> total.merge(t, n, Integer::sum));
      terms += counts.values().stream().mapToInt(Integer::intValue).sum();
      tf.add(counts);
    }
    double meanSize = (double) terms / groups.size();
    List<Theme> out = new ArrayList<>();
    int g = 0;
    for (Map.Entry<String, List<String>> group : groups.entrySet()) {
      Map<String, Integer> counts = tf.get(g);
      double size = counts.values().stream().mapToInt(Integer::intValue).sum();
      Map<String, Double> weight = new HashMap<>();
      counts.forEach((t, n) -> weight.put(t, n / size * Math.log(1 + meanSize / total.get(t))));
      List<String> top = weight.keySet().stream()
          .sorted(Comparator.comparing((String t) -> -weight.get(t)).thenComparing(t -> t)).limit(keywords).toList();
      String paper = group.getKey();
      List<Evidence> evidence = new ArrayList<>();
      List<String> sentences = group.getValue();
      for (int i = 0; i < Math.min(examples, sentences.size()); i++) {
        evidence.add(new Evidence(paper, "results", i, null, sentences.get(i), false, 1.0));
      }
      out.add(new Theme(firstId + g, String.join("-", top.subList(0, Math.min(3, top.size()))), top,
          top.stream().map(weight::get).toList(), sentences.size(), List.of(paper), Map.of(paper, 1.0), paper, 1.0, evidence, List.of()));
      g++;
    }
    return out;
  }
}
