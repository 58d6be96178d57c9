package org.thememiner.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** What the coding TSVs ({@link GoldCoding}, {@link CodedExamples}) share: reading the lines and finding a column. */
final class CodingTsv {
  private CodingTsv() {}

  /** The file's lines, the first of them a header. */
  static List<String> lines(Path tsv) {
    List<String> lines;
    try {
      lines = Files.readAllLines(tsv);
    } catch (NoSuchFileException e) {
      throw new InvalidGoldCodingException(tsv + ": no such file");
    } catch (IOException e) {
      throw new InvalidGoldCodingException(tsv + ": cannot read: " + e.getMessage(), e);
    }
    if (lines.isEmpty() || lines.get(0).isBlank()) throw new InvalidGoldCodingException(tsv + ": the file is empty");
    return lines;
  }

  static List<String> header(List<String> lines) {
    return Arrays.asList(lines.get(0).split("\t", -1));
  }

  /** A row under the header: where it is ("FILE: line N") and its cells. */
  record Line(String where, String[] cells) {}

  /** The non-blank rows under the header, each with as many cells as the header. */
  static List<Line> rows(Path tsv, List<String> lines) {
    int columns = header(lines).size();
    List<Line> rows = new java.util.ArrayList<>();
    for (int n = 1; n < lines.size(); n++) {
      if (lines.get(n).isBlank()) continue;
      String[] cells = lines.get(n).split("\t", -1);
      String where = tsv + ": line " + (n + 1);
      if (cells.length != columns) throw new InvalidGoldCodingException(where + " has " + cells.length + " columns, the header " + columns);
      rows.add(new Line(where, cells));
    }
    return rows;
  }

  static int column(Path tsv, List<String> header, String name) {
    int i = header.indexOf(name);
    if (i < 0) throw new InvalidGoldCodingException(tsv + ": header has no column " + name);
    return i;
  }
}
