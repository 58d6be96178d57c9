package org.thememiner.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.thememiner.report.export.CsvExport;
import org.thememiner.report.export.QdpxExport;

/** The export stage: the exports the job asks for ({@code export}), read from the finished run folder. */
record ExportRun() implements Stage<Path, List<String>> {
  @Override
  public String name() {
    return "export";
  }

  /** @return what was written, for the console */
  @Override
  public Done<List<String>> run(StageContext context, Path outDir) throws IOException {
    List<String> asked = context.config().export();
    List<String> written = new ArrayList<>();
    if (asked.contains("qdpx")) {
      QdpxExport.Result r = QdpxExport.write(outDir);
      written.add(String.format("%s (%d coded sentences%s)", outDir.relativize(r.project()), r.codedSentences(),
          r.unlocatedSentences() == 0 ? "" : ", " + r.unlocatedSentences() + " not located: see " + outDir.relativize(r.unlocatedReport())));
    }
    if (asked.contains("csv")) written.add(CsvExport.write(outDir).size() + " CSV tables");
    return Done.of(written, String.join("; ", written));
  }
}
