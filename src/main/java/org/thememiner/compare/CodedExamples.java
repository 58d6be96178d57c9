package org.thememiner.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sentences a researcher has coded with constructs of one set, to code the rest of the corpus from
 * ({@link ExampleCoder}). A TSV with header {@code construct_id<TAB>text}; other columns are ignored.
 *
 * @param examples in file order
 */
public record CodedExamples(String setId, List<Example> examples) {
  public static final String CONSTRUCT_COLUMN = "construct_id";
  public static final String TEXT_COLUMN = "text";

  /** One coded sentence. */
  public record Example(String constructId, String text) {}

  public CodedExamples {
    examples = List.copyOf(examples);
  }

  /** Every row checked against the set: an unknown construct, an empty text or fewer than two constructs is an error. */
  public static CodedExamples load(Path tsv, ConstructSet set) {
    List<String> lines = CodingTsv.lines(tsv);
    List<String> header = CodingTsv.header(lines);
    int constructColumn = CodingTsv.column(tsv, header, CONSTRUCT_COLUMN);
    int textColumn = CodingTsv.column(tsv, header, TEXT_COLUMN);
    Set<String> known = set.constructs().stream().map(Construct::id).collect(Collectors.toSet());
    List<Example> examples = new ArrayList<>();
    for (CodingTsv.Line row : CodingTsv.rows(tsv, lines)) {
      String[] cells = row.cells();
      String where = row.where();
      String construct = cells[constructColumn].strip();
      if (!known.contains(construct)) {
        throw new InvalidGoldCodingException(where + ", column " + CONSTRUCT_COLUMN + ": '" + construct + "' is not a construct of " + set.id());
      }
      String text = cells[textColumn].strip();
      if (text.isEmpty()) throw new InvalidGoldCodingException(where + ", column " + TEXT_COLUMN + ": the text is empty");
      examples.add(new Example(construct, text));
    }
    if (examples.isEmpty()) throw new InvalidGoldCodingException(tsv + ": no coded example under the header");
    long constructs = examples.stream().map(Example::constructId).distinct().count();
    if (constructs < 2) {
      throw new InvalidGoldCodingException(tsv + ": examples of " + constructs + " construct; a coder needs examples of at least two");
    }
    return new CodedExamples(set.id(), examples);
  }
}
