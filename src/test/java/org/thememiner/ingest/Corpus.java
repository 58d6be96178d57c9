package org.thememiner.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The shared test corpus (../shared/corpus, or the thememiner.shared system property set by Surefire). */
final class Corpus {

  private Corpus() {}

  static Path root() {
    return Path.of(System.getProperty("thememiner.shared", "../shared")).resolve("corpus");
  }

  static Path pdf(String name) {
    return root().resolve("pdf").resolve(name);
  }

  static Path jats(String name) {
    return root().resolve("jats").resolve(name);
  }

  static InputFile input(Path path) {
    try {
      return new InputFile(path.toString(), InputScanner.slug(path), InputScanner.formatOf(path).orElseThrow(),
          Files.size(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Paper read(Path path) throws ExtractionException {
    return PaperReader.read(input(path), ExtractOptions.DEFAULT);
  }

  /** Lower case, numbering and punctuation removed, spaces evened out: for comparing headings. */
  static String normaliseHeading(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceFirst("^\\s*\\d+(\\.\\d+)*\\.?\\s*", "")
        .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  static String bodyText(Paper paper) {
    StringBuilder all = new StringBuilder();
    for (Section s : paper.sections()) all.append(s.heading()).append("\n").append(s.text()).append("\n\n");
    return all.toString();
  }
}
