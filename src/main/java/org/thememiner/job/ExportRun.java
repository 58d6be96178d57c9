package org.thememiner.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.thememiner.report.export.Exports;

/** The export stage: the exports the job asks for ({@code export}), read from the finished run folder. */
record ExportRun() implements Stage<Path, List<String>> {
  @Override
  public String name() {
    return "export";
  }

  /** @return what was written, for the console */
  @Override
  public Done<List<String>> run(StageContext context, Path outDir) throws IOException {
    List<String> written = Exports.write(outDir, context.config().export());
    return Done.of(written, String.join("; ", written));
  }
}
