package org.thememiner.report.export;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thememiner.ingest.AuthorTheme;
import org.thememiner.report.Json;
import org.thememiner.report.RunLayout;

/**
 * A run's author themes ({@code author_themes.jsonl}) by paper, each with the constructs it maps to
 * ({@code author_themes.csv}, as set and construct id): what the QDA export codes under each document. A run without
 * these files (made before they existed) has none.
 */
final class AuthorThemeCodes {
  /** An author theme and the constructs it maps to, one per construct set in which it maps to one. */
  record Coded(AuthorTheme theme, List<Construct> constructs) {}

  record Construct(String setId, String constructId) {}

  private static final ObjectReader THEME = Json.MAPPER.readerFor(AuthorTheme.class)
      .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private AuthorThemeCodes() {}

  /** By paper id in file order, each paper's themes in reading order; a malformed line names the file and line. */
  static Map<String, List<Coded>> read(RunFolder run) throws IOException {
    Path themesFile = run.file(RunLayout.AUTHOR_THEMES);
    Map<String, List<Coded>> byPaper = new LinkedHashMap<>();
    if (!Files.isRegularFile(themesFile)) return byPaper;
    Map<List<String>, List<Construct>> constructs = constructs(run.file(RunLayout.AUTHOR_THEME_TABLE));
    try (BufferedReader in = Files.newBufferedReader(themesFile, StandardCharsets.UTF_8)) {
      long lineNo = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        if (line.isBlank()) continue;
        AuthorTheme t;
        try {
          t = THEME.readValue(line);
        } catch (IOException | RuntimeException e) {
          throw new IOException(themesFile + " line " + lineNo + ": not an author theme: " + RunFolder.problem(e), e);
        }
        if (t.paper() == null || t.theme() == null || t.level() < 1) {
          throw new IOException(themesFile + " line " + lineNo + ": an author theme needs paper, theme and a level from 1");
        }
        byPaper.computeIfAbsent(t.paper(), p -> new ArrayList<>())
            .add(new Coded(t, constructs.getOrDefault(List.of(t.paper(), t.theme()), List.of())));
      }
    }
    return byPaper;
  }

  /** The constructs of each (study, author theme) in {@code author_themes.csv}, when there is one. */
  private static Map<List<String>, List<Construct>> constructs(Path file) throws IOException {
    Map<List<String>, List<Construct>> out = new HashMap<>();
    if (!Files.isRegularFile(file)) return out;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      CsvRecords records = new CsvRecords(in, file.toString());
      CsvRecords.CsvRecord header = records.next();
      if (header == null) return out;
      int study = header.fields().indexOf("study");
      int theme = header.fields().indexOf("author_theme");
      int construct = header.fields().indexOf(RunLayout.CONSTRUCT_ID);
      if (study < 0 || theme < 0 || construct < 0) {
        throw new IOException(file + " line 1: expected columns study, author_theme, construct_id");
      }
      for (CsvRecords.CsvRecord r = records.next(); r != null; r = records.next()) {
        if (r.fields().size() != header.fields().size()) {
          throw new IOException(file + " line " + r.line() + ": " + r.fields().size() + " fields, the header has " + header.fields().size());
        }
        String id = r.fields().get(construct);
        int colon = id.indexOf(':');
        if (colon < 0) continue; // maps to no construct
        out.computeIfAbsent(List.of(r.fields().get(study), r.fields().get(theme)), k -> new ArrayList<>())
            .add(new Construct(id.substring(0, colon), id.substring(colon + 1)));
      }
    }
    return out;
  }
}
