package org.thememiner.report.export;

import static org.thememiner.report.RunLayout.PAPER_ID;
import static org.thememiner.report.RunLayout.SECTION;
import static org.thememiner.report.RunLayout.SENTENCE_NO;
import static org.thememiner.report.RunLayout.TEXT;
import static org.thememiner.report.RunLayout.THEME_ID;

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

/**
 * One row of assignments.csv: a clustered sentence and its theme.
 *
 * @param sentenceNo 0-based position of the sentence in its paper, across sections
 * @param text       the sentence, whitespace collapsed to single spaces
 * @param line       the line of assignments.csv the row starts on, for messages
 */
record Assignment(String paperId, String section, int sentenceNo, int themeId, String text, long line) {
  private static final List<String> COLUMNS = List.of(PAPER_ID, SECTION, SENTENCE_NO, THEME_ID, TEXT);

  /** Every row of the file, grouped by paper (in file order) and ordered by sentence number within a paper. */
  static Map<String, List<Assignment>> readByPaper(Path file) throws IOException {
    Map<String, List<Assignment>> byPaper = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      CsvRecords records = new CsvRecords(in, file.toString());
      CsvRecords.CsvRecord header = records.next();
      if (header == null) throw new IOException(file + ": empty; expected a header line");
      Map<String, Integer> column = columns(file, header);
      for (CsvRecords.CsvRecord r = records.next(); r != null; r = records.next()) {
        if (r.fields().size() == 1 && r.fields().get(0).isEmpty()) continue;
        if (r.fields().size() != header.fields().size()) {
          throw new IOException(file + " line " + r.line() + ": " + r.fields().size() + " fields, the header has " + header.fields().size());
        }
        Assignment a = new Assignment(
            r.fields().get(column.get(PAPER_ID)),
            r.fields().get(column.get(SECTION)),
            integer(file, r, SENTENCE_NO, r.fields().get(column.get(SENTENCE_NO))),
            integer(file, r, THEME_ID, r.fields().get(column.get(THEME_ID))),
            r.fields().get(column.get(TEXT)),
            r.line());
        byPaper.computeIfAbsent(a.paperId(), id -> new ArrayList<>()).add(a);
      }
    }
    for (List<Assignment> rows : byPaper.values()) rows.sort((x, y) -> Integer.compare(x.sentenceNo(), y.sentenceNo()));
    return byPaper;
  }

  private static Map<String, Integer> columns(Path file, CsvRecords.CsvRecord header) throws IOException {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < header.fields().size(); i++) index.put(header.fields().get(i).strip(), i);
    for (String c : COLUMNS) {
      if (!index.containsKey(c)) throw new IOException(file + " line 1: no column " + c + " (header: " + String.join(",", header.fields()) + ")");
    }
    return index;
  }

  private static int integer(Path file, CsvRecords.CsvRecord r, String column, String value) throws IOException {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IOException(file + " line " + r.line() + ": " + column + " is not an integer: \"" + value + "\"");
    }
  }
}
