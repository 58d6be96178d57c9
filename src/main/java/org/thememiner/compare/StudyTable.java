package org.thememiner.compare;

import java.util.ArrayList;
import java.util.List;
import org.thememiner.ingest.AuthorTheme;
import org.thememiner.ingest.AuthorThemeSearch;

/**
 * A meta-synthesis's study table made from the corpus: each study's author themes (found by
 * {@link org.thememiner.ingest.AuthorThemeFinder}) and, for each construct set, the construct each maps to by
 * meaning ({@link AuthorThemeMapping}), with the search's note for every paper, found or not.
 *
 * @param searches one per paper, in paper order
 * @param mapped   per construct set in the order given, each author theme's nearest construct, in the themes' order
 */
public record StudyTable(List<AuthorThemeSearch> searches, List<AuthorThemeMapping.Mapped> mapped) {

  public StudyTable {
    searches = List.copyOf(searches);
    mapped = List.copyOf(mapped);
  }

  /**
   * The table of these searches; with construct sets, each author theme is embedded with the opening of its text
   * (the model reads its first 256 word pieces), as the authors introduce a theme under its heading.
   */
  public static StudyTable of(List<AuthorThemeSearch> searches, List<ConstructSet> sets, String embeddingModel) {
    List<AuthorThemeMapping.AuthorTheme> themes = new ArrayList<>();
    for (AuthorThemeSearch s : searches) {
      for (AuthorTheme t : s.themes()) themes.add(new AuthorThemeMapping.AuthorTheme(t.paper(), t.theme(), t.text()));
    }
    List<AuthorThemeMapping.Mapped> mapped = new ArrayList<>();
    if (!themes.isEmpty() && !sets.isEmpty()) {
      AuthorThemeMapping mapping = new AuthorThemeMapping(embeddingModel, AuthorThemeMapping.Prototypes.PARTS, 0);
      for (ConstructSet set : sets) mapped.addAll(mapping.map(themes, set));
    }
    return new StudyTable(searches, mapped);
  }

  public List<AuthorTheme> themes() {
    return searches.stream().flatMap(s -> s.themes().stream()).toList();
  }
}
