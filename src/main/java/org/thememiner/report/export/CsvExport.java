package org.thememiner.report.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.thememiner.report.AtomicFiles;
import org.thememiner.report.Csv;
import org.thememiner.report.RunLayout;

/**
 * Writes a run's themes and comparison as flat RFC 4180 tables in {@code <run>/export/}, for R, SPSS and the
 * notebooks: {@code themes.csv}, {@code theme_papers.csv}, {@code comparison.csv} and {@code constructs.csv}. The
 * comparison tables are written with their header only when the run has no comparison.json, so a reader can rely
 * on all four files. Each file replaces an earlier one atomically.
 */
public final class CsvExport {
  public static final String THEMES = "themes.csv";
  public static final String THEME_PAPERS = "theme_papers.csv";
  public static final String COMPARISON = "comparison.csv";
  public static final String CONSTRUCTS = "constructs.csv";

  /** Keywords are joined with this in one field; no keyword contains it (they are lemmas and noun phrases). */
  static final String KEYWORD_SEPARATOR = "; ";

  private CsvExport() {}

  /**
   * Exports the finished run in {@code runDir}; returns the files written, in the order above.
   *
   * @throws IOException when themes.json or comparison.json is missing or malformed (the message names the file)
   *                     or the export folder cannot be written
   */
  public static List<Path> write(Path runDir) throws IOException {
    RunFolder run = RunFolder.open(runDir);
    List<ThemeSummary> themes = ThemeSummary.readAll(run.required(RunLayout.THEMES));
    List<ConstructSetComparison> sets = ConstructSetComparison.readAll(run.file(RunLayout.COMPARISON));
    Path dir = run.exportDir();
    Files.createDirectories(dir);

    Path themesCsv = dir.resolve(THEMES);
    AtomicFiles.write(themesCsv, w -> {
      Csv.spreadsheetRow(w, List.of("id", "label", "size", "papers", "keywords"));
      for (ThemeSummary t : themes) {
        Csv.spreadsheetRow(w, List.of(t.id(), t.label(), t.size(), t.papers().size(), String.join(KEYWORD_SEPARATOR, t.keywords())));
      }
    });

    Path themePapersCsv = dir.resolve(THEME_PAPERS);
    AtomicFiles.write(themePapersCsv, w -> {
      Csv.spreadsheetRow(w, List.of("theme_id", "paper_id", "share"));
      for (ThemeSummary t : themes) {
        for (String paper : papersOf(t)) Csv.spreadsheetRow(w, Arrays.asList(t.id(), paper, t.paperShare().get(paper)));
      }
    });

    Path comparisonCsv = dir.resolve(COMPARISON);
    AtomicFiles.write(comparisonCsv, w -> {
      Csv.spreadsheetRow(w, List.of("set_id", "theme_id", "construct_id", "similarity"));
      for (ConstructSetComparison set : sets) {
        ConstructSetComparison.Matrix m = set.matrix();
        for (int i = 0; i < m.themeIds().size(); i++) {
          for (int j = 0; j < m.constructIds().size(); j++) {
            Csv.spreadsheetRow(w, Arrays.asList(set.setId(), m.themeIds().get(i), m.constructIds().get(j), m.values().get(i).get(j)));
          }
        }
      }
    });

    Path constructsCsv = dir.resolve(CONSTRUCTS);
    AtomicFiles.write(constructsCsv, w -> {
      Csv.spreadsheetRow(w, List.of("set_id", "construct_id", "name", "best_theme", "similarity", "supported"));
      for (ConstructSetComparison set : sets) {
        for (ConstructSetComparison.ConstructResult c : set.constructs()) {
          Csv.spreadsheetRow(w, Arrays.asList(set.setId(), c.constructId(), c.name(), c.bestThemeId(), c.similarity(), c.supported()));
        }
      }
    });
    return List.of(themesCsv, themePapersCsv, comparisonCsv, constructsCsv);
  }

  /** The theme's papers, most sentences first, then any paper only its shares name, by id. */
  private static List<String> papersOf(ThemeSummary t) {
    List<String> papers = new ArrayList<>(t.papers());
    t.paperShare().keySet().stream().filter(p -> !papers.contains(p)).sorted().forEach(papers::add);
    return papers;
  }
}
