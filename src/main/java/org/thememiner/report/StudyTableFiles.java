package org.thememiner.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.thememiner.compare.ComparisonSettings;
import org.thememiner.compare.ConstructSet;
import org.thememiner.compare.StudyTable;
import org.thememiner.ingest.AuthorTheme;
import org.thememiner.ingest.AuthorThemeSearch;

/**
 * The study table's files in a run folder: {@code author_themes.jsonl} (one line per author theme: paper, theme,
 * parent, level, section, page, text, quotes), {@code author_themes_by_paper.csv} (per paper how many were found, and what
 * was found or why none was), with construct sets {@code author_themes.csv} ({@link AuthorThemesCsv}), and the themes
 * grouped across studies, {@code translations.json} ({@link TranslationsJson}).
 */
public final class StudyTableFiles {

  private StudyTableFiles() {}

  public static void write(Path outDir, StudyTable table, List<ConstructSet> sets, ComparisonSettings settings)
      throws IOException {
    AtomicFiles.write(outDir.resolve(RunLayout.AUTHOR_THEMES), w -> {
      for (AuthorTheme t : table.themes()) {
        w.write(Json.MAPPER.writeValueAsString(t));
        w.write('\n');
      }
    });
    AtomicFiles.write(outDir.resolve(RunLayout.AUTHOR_THEMES_BY_PAPER), w -> {
      Csv.row(w, List.of(RunLayout.PAPER_ID, "author_themes", "note"));
      for (AuthorThemeSearch s : table.searches()) Csv.row(w, List.of(s.paper(), s.themes().size(), s.note()));
    });
    Path mapped = outDir.resolve(RunLayout.AUTHOR_THEME_TABLE);
    if (table.mapped().isEmpty()) Files.deleteIfExists(mapped);
    else AuthorThemesCsv.write(mapped, table.mapped());
    Path translations = outDir.resolve(RunLayout.TRANSLATIONS);
    if (table.translations().isEmpty()) Files.deleteIfExists(translations);
    else TranslationsJson.write(translations, table.translations(), table.sentenceThemes(), sets, settings.translationSimilarity(), settings.newConstructBelow());
  }
}
