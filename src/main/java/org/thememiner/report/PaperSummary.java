package org.thememiner.report;

import org.thememiner.ingest.Paper;

/** What the report shows of a paper; small enough to keep for every paper on the driver. */
public record PaperSummary(String id, String title, Integer year, String format, String doi, int sections,
    int warnings) {

  public static PaperSummary of(Paper p) {
    return new PaperSummary(p.id(), p.title(), p.year(), p.format(), p.doi(), p.sections().size(), p.warnings().size());
  }
}
