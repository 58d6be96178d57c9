package org.thememiner.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.thememiner.compare.ConstructSet;
import org.thememiner.compare.StudyTable;
import org.thememiner.compare.Translation;

/**
 * {@code translations.json}: the studies' own themes grouped across studies ({@link Translation}), each group with
 * the themes it cites by study, its nearest construct in each set and the sentence themes of the text under its
 * themes' headings, and per set the groups' coverage, precision and candidate new constructs.
 */
public final class TranslationsJson {
  /** An author theme a group cites. */
  record Cited(String study, String theme) {}

  record Group(int id, String label, int studies, double cohesion, List<Cited> themes, List<Translation.SetMatch> constructs,
      List<StudyTable.SentenceThemeCount> sentenceThemes) {}

  record File(double translationSimilarity, double newConstructBelow, List<Translation.SetSummary> sets, List<Group> groups) {}

  private TranslationsJson() {}

  /** @param sentenceThemes by group id, the sentence themes beside it (none from the map command) */
  public static void write(Path target, List<Translation.Group> groups, Map<Integer, List<StudyTable.SentenceThemeCount>> sentenceThemes,
      List<ConstructSet> sets, double translationSimilarity, double newConstructBelow) throws IOException {
    List<Group> out = groups.stream().map(g -> new Group(g.id(), g.label(), g.studies(), g.cohesion(),
        g.themes().stream().map(t -> new Cited(t.study(), t.theme())).toList(), g.constructs(),
        sentenceThemes.getOrDefault(g.id(), List.of()))).toList();
    File file = new File(translationSimilarity, newConstructBelow, sets.stream().map(s -> Translation.summarise(groups, s)).toList(), out);
    AtomicFiles.write(target, w -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(w, file));
  }
}
