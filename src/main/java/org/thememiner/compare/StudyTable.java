package org.thememiner.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.thememiner.ingest.AuthorTheme;
import org.thememiner.ingest.AuthorThemeSearch;

/**
 * A meta-synthesis's study table made from the corpus: each study's author themes (found by
 * {@link org.thememiner.ingest.AuthorThemeFinder}) and, for each construct set, the construct each maps to by
 * meaning ({@link AuthorThemeMapping}), with the search's note for every paper, found or not.
 *
 * @param searches     one per paper, in paper order
 * @param mapped       per construct set in the order given, each author theme's nearest construct, in the themes' order
 * @param translations the author themes grouped across studies ({@link Translation})
 * @param sentenceThemes by translation group id, the sentence themes of the sentences under its author themes'
 *                     headings, most sentences first: the groups set beside the themes found in the sentences
 */
public record StudyTable(List<AuthorThemeSearch> searches, List<AuthorThemeMapping.Mapped> mapped,
    List<Translation.Group> translations, Map<Integer, List<SentenceThemeCount>> sentenceThemes) {

  /** How many of a group's sentences a sentence theme holds. */
  public record SentenceThemeCount(int themeId, long sentences) {}

  public StudyTable {
    searches = List.copyOf(searches);
    mapped = List.copyOf(mapped);
    translations = List.copyOf(translations);
    sentenceThemes = Map.copyOf(sentenceThemes);
  }

  /** The author themes found, neither mapped nor translated. */
  public static StudyTable found(List<AuthorThemeSearch> searches) {
    return new StudyTable(searches, List.of(), List.of(), Map.of());
  }

  /**
   * This table with each translation group set beside the sentence themes.
   *
   * @param bySection per (paper id, section heading), how many of its sentences each sentence theme holds
   */
  public StudyTable besideSentenceThemes(Map<List<String>, Map<Integer, Long>> bySection) {
    List<AuthorTheme> themes = themes();
    Map<Integer, List<SentenceThemeCount>> out = new HashMap<>();
    for (Translation.Group g : translations) {
      Map<Integer, Long> counts = new TreeMap<>();
      // A section under two author themes of one group (a heading printed twice) counts once.
      g.members().stream().map(i -> List.of(themes.get(i).paper(), themes.get(i).section())).distinct()
          .forEach(key -> bySection.getOrDefault(key, Map.of()).forEach((theme, n) -> counts.merge(theme, n, Long::sum)));
      out.put(g.id(), counts.entrySet().stream().map(e -> new SentenceThemeCount(e.getKey(), e.getValue()))
          .sorted(Comparator.comparingLong(SentenceThemeCount::sentences).reversed()).toList());
    }
    return new StudyTable(searches, mapped, translations, out);
  }

  /** The (paper id, section heading) of every author theme: the sections {@link #besideSentenceThemes} asks about. */
  public Set<List<String>> sections() {
    return themes().stream().map(t -> List.of(t.paper(), t.section())).collect(Collectors.toSet());
  }

  /**
   * The table of these searches; with construct sets, each author theme is embedded with the opening of its text
   * (the model reads its first 256 word pieces), as the authors introduce a theme under its heading.
   */
  public static StudyTable of(List<AuthorThemeSearch> searches, List<ConstructSet> sets, String embeddingModel,
      ComparisonSettings settings) {
    List<AuthorThemeMapping.AuthorTheme> themes = new ArrayList<>();
    for (AuthorThemeSearch s : searches) {
      for (AuthorTheme t : s.themes()) themes.add(new AuthorThemeMapping.AuthorTheme(t.paper(), t.theme(), t.text()));
    }
    if (themes.isEmpty()) return found(searches);
    AuthorThemeMapping mapping = new AuthorThemeMapping(embeddingModel, AuthorThemeMapping.Prototypes.PARTS, 0);
    List<AuthorThemeMapping.Mapped> mapped = new ArrayList<>();
    for (ConstructSet set : sets) mapped.addAll(mapping.map(themes, set));
    return new StudyTable(searches, mapped,
        Translation.of(themes, sets, mapping, settings.translationSimilarity(), settings.newConstructBelow()), Map.of());
  }

  public List<AuthorTheme> themes() {
    return searches.stream().flatMap(s -> s.themes().stream()).toList();
  }
}
