package org.thememiner.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A human coding against one construct set: which constructs each paper has, from a TSV (format:
 * docs/constructs.md; any extra columns, such as a synthesis' table of included studies, are context and ignored),
 * or from the coded selections of a REFI-QDA project ({@code .qdpx}), which also code text: each paper's coded spans.
 *
 * @param constructsByPaper for each of our paper ids, in file order, the construct ids the coder assigned; from a
 *                          project, the codes of each source's selections, the union over its spans
 * @param rowsWithoutPaper  rows whose study is not in our corpus (empty {@code paper_id})
 * @param texts             from a project, each coded source's text with its spans coded with the set's constructs;
 *                          empty for a TSV
 * @param otherCodes        from a project, the codes of selections that name no construct of the set (left out)
 */
public record GoldCoding(String setId, Map<String, Set<String>> constructsByPaper, int rowsWithoutPaper,
    List<CodedText> texts, Set<String> otherCodes) {
  public static final String PAPER_COLUMN = "paper_id";
  public static final String CONSTRUCTS_COLUMN = "constructs";

  /** A paper's text as the coder saw it, and its spans, each with the construct it was coded with. */
  public record CodedText(String paperId, String text, List<Span> spans) {
    public CodedText {
      spans = List.copyOf(spans);
    }
  }

  /** Characters [start, end) of a {@link CodedText}'s text, coded with {@code constructId}. */
  public record Span(int start, int end, String constructId) {}

  public GoldCoding {
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    constructsByPaper.forEach((paper, constructs) -> copy.put(paper, Collections.unmodifiableSet(new LinkedHashSet<>(constructs))));
    constructsByPaper = Collections.unmodifiableMap(copy);
    texts = List.copyOf(texts);
    otherCodes = Collections.unmodifiableSet(new LinkedHashSet<>(otherCodes));
  }

  /** Whether this coding codes sentences as well as papers. */
  public boolean codesText() {
    return !texts.isEmpty();
  }

  /** A TSV, or a {@code .qdpx} project by its name ({@link #fromProject}). */
  public static GoldCoding load(Path file, ConstructSet set) {
    return QdaCodebook.handles(file) ? fromProject(QdaCodings.read(file), set) : fromTsv(file, set);
  }

  /**
   * A project's coded selections as a coding against {@code set}: a code is a construct when it has the construct's
   * id or name ({@link QdaCodings#constructOf}); the codes of each source make its paper's constructs. A project none
   * of whose selections is coded with a construct of the set is an error.
   */
  public static GoldCoding fromProject(QdaCodings project, ConstructSet set) {
    Map<String, Set<String>> byPaper = new LinkedHashMap<>();
    Map<String, CodedText> texts = new LinkedHashMap<>();
    Set<String> other = new LinkedHashSet<>();
    for (QdaCodings.CodedSource source : project.sources()) {
      List<Span> spans = new ArrayList<>();
      for (QdaCodings.CodedSpan s : source.spans()) {
        Optional<String> construct = QdaCodings.constructOf(s.code(), set);
        if (construct.isEmpty()) {
          other.add(s.code());
          continue;
        }
        spans.add(new Span(s.start(), s.end(), construct.get()));
        byPaper.computeIfAbsent(source.paperId(), p -> new LinkedHashSet<>()).add(construct.get());
      }
      if (spans.isEmpty()) continue;
      if (texts.putIfAbsent(source.paperId(), new CodedText(source.paperId(), source.text(), spans)) != null) {
        throw new InvalidGoldCodingException(project.file() + ": two sources are paper " + source.paperId() + " (one is \""
            + source.name() + "\"); give each paper one source");
      }
    }
    if (byPaper.isEmpty()) {
      throw new InvalidGoldCodingException(project.file() + ": no coded selection has a code that is a construct of " + set.id()
          + " by id or name" + (other.isEmpty() ? " (the project has no coded text)" : "; its codes: " + String.join(", ", other)));
    }
    return new GoldCoding(set.id(), byPaper, 0, List.copyOf(texts.values()), other);
  }

  private static GoldCoding fromTsv(Path tsv, ConstructSet set) {
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
    return new GoldCoding(set.id(), byPaper, withoutPaper, List.of(), Set.of());
  }
}
