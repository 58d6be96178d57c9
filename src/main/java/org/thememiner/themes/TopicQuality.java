package org.thememiner.themes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Intrinsic quality of a set of topics' top keywords: NPMI coherence (Bouma 2009; the mean over topics of the
 * mean over keyword pairs, with sentences of a reference corpus as the co-occurrence unit and -1 for pairs
 * that never co-occur) and topic diversity (Dieng et al. 2020: unique keywords over all top-n slots).
 */
public final class TopicQuality {
  private TopicQuality() {}

  /** @param sentences the reference corpus, each sentence as its set of terms; read once */
  public static double npmi(List<List<String>> topics, Iterator<? extends Iterable<String>> sentences) {
    Set<String> vocabulary = new HashSet<>();
    topics.forEach(vocabulary::addAll);
    Map<String, Long> single = new HashMap<>();
    Map<String, Long> pair = new HashMap<>();
    long n = 0;
    while (sentences.hasNext()) {
      n++;
      List<String> present = new ArrayList<>();
      for (String t : sentences.next()) if (vocabulary.contains(t) && !present.contains(t)) present.add(t);
      for (int i = 0; i < present.size(); i++) {
        single.merge(present.get(i), 1L, Long::sum);
        for (int j = i + 1; j < present.size(); j++) pair.merge(key(present.get(i), present.get(j)), 1L, Long::sum);
      }
    }
    if (n == 0) throw new IllegalArgumentException("NPMI needs a non-empty reference corpus");
    double total = 0;
    int counted = 0;
    for (List<String> topic : topics) {
      double sum = 0;
      int pairs = 0;
      for (int i = 0; i < topic.size(); i++) {
        for (int j = i + 1; j < topic.size(); j++) {
          sum += npmi(single.getOrDefault(topic.get(i), 0L), single.getOrDefault(topic.get(j), 0L),
              pair.getOrDefault(key(topic.get(i), topic.get(j)), 0L), n);
          pairs++;
        }
      }
      if (pairs > 0) {
        total += sum / pairs;
        counted++;
      }
    }
    return counted == 0 ? Double.NaN : total / counted;
  }

  static double npmi(long a, long b, long ab, long n) {
    if (ab == 0) return -1;
    double pab = (double) ab / n;
    if (pab == 1) return 1;
    return Math.log(pab / (((double) a / n) * ((double) b / n))) / -Math.log(pab);
  }

  /** Share of distinct keywords among all topics' top-n keywords: 1 when no two topics share a keyword. */
  public static double diversity(List<List<String>> topics) {
    Set<String> unique = new HashSet<>();
    int slots = 0;
    for (List<String> t : topics) {
      unique.addAll(t);
      slots += t.size();
    }
    return slots == 0 ? Double.NaN : (double) unique.size() / slots;
  }

  /** The key of an unordered pair of terms in pair-count maps. */
  static String key(String a, String b) {
    return a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
  }
}
