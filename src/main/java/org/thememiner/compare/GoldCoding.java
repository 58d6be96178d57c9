package org.thememiner.compare;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A human paper-level coding against one construct set: which constructs each paper has (format:
 * docs/constructs.md). Any extra columns, such as a synthesis' table of included studies, are context and ignored.
 *
 * @param constructsByPaper for each of our paper ids, in file order, the construct ids the coder assigned
 * @param rowsWithoutPaper  rows whose study is not in our corpus (empty {@code paper_id})
 */
public record GoldCoding(String setId, Map<String, Set<String>> constructsByPaper, int rowsWithoutPaper) {
  public static final String PAPER_COLUMN = "paper_id";
  public static final String CONSTRUCTS_COLUMN = "constructs";

  public GoldCoding {
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    constructsByPaper.forEach((paper, constructs) -> copy.put(paper, Collections.unmodifiableSet(new LinkedHashSet<>(constructs))));
    constructsByPaper = Collections.unmodifiableMap(copy);
  }

  public static GoldCoding load(Path tsv, ConstructSet set) {
    List<String> lines = CodingTsv.lines(tsv);
    List<String> header = CodingTsv.header(lines);
    int paperColumn = CodingTsv.column(tsv, header, PAPER_COLUMN);
    int constructsColumn = CodingTsv.column(tsv, header, CONSTRUCTS_COLUMN);
    Set<String> known = set.constructs().stream().map(Construct::id).collect(Collectors.toSet());
    Map<String, Set<String>> byPaper = new LinkedHashMap<>();
    int withoutPaper = 0;
    for (CodingTsv.Line row : CodingTsv.rows(tsv, lines)) {
      String[] cells = row.cells();
      String where = row.where();
      String paper = cells[paperColumn].strip();
      if (paper.isEmpty()) {
        withoutPaper++;
        continue;
      }
      Set<String> constructs = new LinkedHashSet<>();
      for (String id : cells[constructsColumn].split(";")) {
        String c = id.strip();
        if (c.isEmpty()) continue;
        if (!known.contains(c)) {
          throw new InvalidGoldCodingException(where + ", column " + CONSTRUCTS_COLUMN + ": '" + c + "' is not a construct of " + set.id());
        }
        constructs.add(c);
      }
      if (byPaper.putIfAbsent(paper, constructs) != null) {
        throw new InvalidGoldCodingException(where + ", column " + PAPER_COLUMN + ": paper '" + paper + "' is coded twice");
      }
    }
    return new GoldCoding(set.id(), byPaper, withoutPaper);
  }
}
