package org.thememiner.compare;

import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sentences a researcher has coded with constructs of one set, to code the rest of the corpus from
 * ({@link ExampleCoder}): a TSV with header {@code construct_id<TAB>text} (other columns are ignored), or the coded
 * selections of a REFI-QDA project.
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

  /** A TSV, or the coded selections of a {@code .qdpx} project by its name ({@link #fromProject}). */
  public static CodedExamples load(Path file, ConstructSet set) {
    return QdaCodebook.handles(file) ? fromProject(QdaCodings.read(file), set) : fromTsv(file, set);
  }

  /**
   * The sentences of a project's selections coded with a construct of {@code set} ({@link QdaCodings#constructOf}),
   * each an example: a selection is often a passage, and the coder codes sentences. Sentences are split at the JDK's
   * sentence boundaries; a sentence coded twice with one construct is one example.
   */
  public static CodedExamples fromProject(QdaCodings project, ConstructSet set) {
    Set<Example> examples = new LinkedHashSet<>();
    BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    for (QdaCodings.CodedSource source : project.sources()) {
      for (QdaCodings.CodedSpan span : source.spans()) {
        Optional<String> construct = QdaCodings.constructOf(span.code(), set);
        if (construct.isEmpty()) continue;
        String text = span.text(source.text());
        sentences.setText(text);
        for (int start = sentences.first(), end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
          String sentence = CollapsedText.collapse(text.substring(start, end));
          if (!sentence.isEmpty()) examples.add(new Example(construct.get(), sentence));
        }
      }
    }
    return checked(project.file(), set, List.copyOf(examples));
  }

  /** Every row checked against the set: an unknown construct, an empty text or fewer than two constructs is an error. */
  private static CodedExamples fromTsv(Path tsv, ConstructSet set) {
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
    return checked(tsv, set, examples);
  }

  private static CodedExamples checked(Path file, ConstructSet set, List<Example> examples) {
    if (examples.isEmpty()) throw new InvalidGoldCodingException(file + ": no coded text with a construct of " + set.id());
    long constructs = examples.stream().map(Example::constructId).distinct().count();
    if (constructs < 2) {
      throw new InvalidGoldCodingException(file + ": examples of " + constructs + " construct; a coder needs examples of at least two");
    }
    return new CodedExamples(set.id(), examples);
  }
}
