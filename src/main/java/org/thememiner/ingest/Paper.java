package org.thememiner.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * One input document after extraction: the unit every later stage works on. PDF, JATS XML and
 * plain text all produce this same model, so one corpus can mix them.
 *
 * @param id         stable id, derived from the file name (see {@link InputScanner})
 * @param source     the path or URI the paper was read from
 * @param sha256     hex SHA-256 of the file's bytes; the cache key of later stages
 * @param format     {@code pdf}, {@code jats} or {@code text}
 * @param sections   body sections in reading order; no page furniture, no reference list
 * @param captions   figure and table captions, kept out of the body
 * @param references reference-list entries, kept out of the body
 * @param warnings   what the extractor noticed but could work around
 */
public record Paper(
    String id,
    String source,
    String sha256,
    String format,
    String title,
    List<String> authors,
    Integer year,
    String doi,
    String journal,
    List<Section> sections,
    List<String> captions,
    List<String> references,
    List<String> warnings) implements Serializable {

  public Paper {
    authors = List.copyOf(authors);
    sections = List.copyOf(sections);
    captions = List.copyOf(captions);
    references = List.copyOf(references);
    warnings = List.copyOf(warnings);
  }

  /** Characters of body text: what annotation works through (CoreNLP's cost follows it). */
  public long textLength() {
    return sections.stream().mapToLong(s -> s.text().length()).sum();
  }
}
