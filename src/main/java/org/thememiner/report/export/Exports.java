package org.thememiner.report.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The exports of a finished run folder by name, for the job's {@code export} setting and the {@code export}
 * command alike: they need only the folder.
 */
public final class Exports {
  /** Every export by name: qdpx (REFI-QDA project), qdc (REFI-QDA codebook), csv (tables for spreadsheets). */
  public static final List<String> FORMATS = List.of("qdpx", "qdc", "csv");

  private Exports() {}

  /** Writes each format asked for, in {@link #FORMATS} order; one line per format saying what was written. */
  public static List<String> write(Path runDir, Collection<String> formats) throws IOException {
    List<String> written = new ArrayList<>();
    if (formats.contains("qdpx")) {
      QdpxExport.Result r = QdpxExport.write(runDir);
      written.add(String.format("%s (%d coded sentences%s)", runDir.relativize(r.project()), r.codedSentences(),
          r.unlocatedSentences() == 0 ? "" : ", " + r.unlocatedSentences() + " not located: see " + runDir.relativize(r.unlocatedReport())));
    }
    if (formats.contains("qdc")) written.add(runDir.relativize(QdpxExport.writeCodebook(runDir)) + " (the codes alone)");
    if (formats.contains("csv")) written.add(CsvExport.write(runDir).size() + " CSV tables");
    return written;
  }
}
