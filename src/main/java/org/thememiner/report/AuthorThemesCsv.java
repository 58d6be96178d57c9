package org.thememiner.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.thememiner.compare.AuthorThemeMapping;

/**
 * {@code author_themes.csv}: each author theme with the construct it maps to in each set, as {@code set:construct}
 * (empty when it maps to none), and their cosine. Exact text (RFC 4180), like the run's other machine-readable tables.
 */
public final class AuthorThemesCsv {

  private AuthorThemesCsv() {}

  public static void write(Path target, List<AuthorThemeMapping.Mapped> mapped) throws IOException {
    AtomicFiles.write(target, w -> {
      Csv.row(w, List.of("study", "author_theme", "construct_id", "similarity"));
      for (AuthorThemeMapping.Mapped m : mapped) {
        Csv.row(w, List.of(m.theme().study(), m.theme().theme(), m.constructId() == null ? "" : m.setId() + ":" + m.constructId(),
            String.format(Locale.ROOT, "%.4f", m.similarity())));
      }
    });
  }
}
