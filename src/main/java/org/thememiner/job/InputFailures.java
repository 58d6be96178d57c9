package org.thememiner.job;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.thememiner.ingest.InputFailure;
import org.thememiner.report.AtomicFiles;
import org.thememiner.report.Json;
import org.thememiner.report.RunLayout;

/** The inputs that failed so far in a run, in the order the stages found them: errors.jsonl. */
final class InputFailures {
  private final List<InputFailure> failures = new ArrayList<>();

  void addAll(List<InputFailure> more) {
    failures.addAll(more);
  }

  boolean isEmpty() {
    return failures.isEmpty();
  }

  List<InputFailure> list() {
    return List.copyOf(failures);
  }

  /** errors.jsonl in {@code outDir}: one failure a line. */
  void write(Path outDir) throws IOException {
    AtomicFiles.write(outDir.resolve(RunLayout.ERRORS), (Writer w) -> {
      for (InputFailure f : failures) {
        w.write(Json.MAPPER.writeValueAsString(f));
        w.write('\n');
      }
    });
  }

  /** The papers that failed (a file that could not be read has no paper id). */
  Set<String> paperIds() {
    return failures.stream().map(InputFailure::paperId).filter(Objects::nonNull).collect(Collectors.toSet());
  }
}
