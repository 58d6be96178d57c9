package org.thememiner.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.thememiner.ingest.Paper;

/**
 * What the report shows of a paper; small enough to keep for every paper on the driver.
 *
 * @param warnings what extraction worked around or left out (sections not in English, page furniture)
 * @param source   the path or URI the paper was read from
 */
public record PaperSummary(String id, String title, Integer year, String format, String doi, int sections,
    List<String> warnings, String source) {

  public PaperSummary {
    warnings = List.copyOf(warnings);
  }

  public static PaperSummary of(Paper p) {
    return new PaperSummary(p.id(), p.title(), p.year(), p.format(), p.doi(), p.sections().size(), p.warnings(),
        p.source());
  }

  /**
   * A link a browser opens to the file the paper was read from, at {@code page} of a PDF when given; empty for a
   * file a browser cannot reach (hdfs://, s3a://).
   */
  public Optional<String> fileLink(Integer page) {
    if (source == null || source.isBlank()) return Optional.empty();
    URI uri;
    try {
      uri = source.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") && !source.matches("^[A-Za-z]:\\\\.*") ? new URI(source)
          : Path.of(source).toAbsolutePath().toUri();
    } catch (URISyntaxException | java.nio.file.InvalidPathException e) {
      return Optional.empty();
    }
    if (!"file".equals(uri.getScheme())) return Optional.empty();
    return Optional.of(uri + (page != null && "pdf".equals(format) ? "#page=" + page : ""));
  }
}
