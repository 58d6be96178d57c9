package org.thememiner.job.rerun;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.thememiner.ingest.InputFile;
import org.thememiner.ingest.Paper;
import org.thememiner.job.spec.JobConfig;
import org.thememiner.report.Json;

/**
 * The lines of the previous run's papers.jsonl that this run would write again. Extraction depends only on a
 * file's bytes and name and on the code, so for a file with the same id, path and content hash as a paper of the
 * previous run, read by the same versions, that paper's line is what this run would write: a rerun copies it rather
 * than reading the paper from the cache, putting it in id order and writing it again. The run still has the paper in
 * its cache, should annotation need it.
 *
 * @param file the previous papers.jsonl, or null when nothing is carried
 * @param ids  the carried papers
 */
public record CarriedPapers(Path file, Set<String> ids) {
  static final CarriedPapers NONE = new CarriedPapers(null, Set.of());

  /**
   * @param candidates the run's files whose papers the cache holds: only those are carried
   * @param shaById    the content hash of each of the run's files, by id
   */
  public static CarriedPapers of(Optional<PreviousRun> previous, JobConfig config, Collection<InputFile> candidates,
      Map<String, String> shaById) throws IOException {
    if (previous.isEmpty() || !previous.get().papersInIdOrder() || !previous.get().madeLike(config, List.of("extract"))) {
      return NONE;
    }
    Map<String, PreviousRun.PaperFile> before = previous.get().papers();
    Set<String> ids = candidates.stream()
        .filter(f -> new PreviousRun.PaperFile(f.path(), shaById.get(f.id())).equals(before.get(f.id())))
        .map(InputFile::id).collect(Collectors.toUnmodifiableSet());
    return ids.isEmpty() ? NONE : new CarriedPapers(previous.get().papersFile(), ids);
  }

  /** What the merge gives for each paper it writes, in id order. */
  @FunctionalInterface
  public interface Written {
    void paper(Paper p) throws IOException;
  }

  /**
   * Writes the carried lines and {@code others} (in id order) as one papers.jsonl in id order.
   *
   * @throws IOException also when a carried line is no longer in the previous papers.jsonl (the file changed
   *                     during the run)
   */
  public void write(Iterator<Paper> others, Writer w, Written written) throws IOException {
    try (BufferedReader previous = file == null ? null : Files.newBufferedReader(file)) {
      Line carried = nextCarried(previous);
      Paper other = others.hasNext() ? others.next() : null;
      int copied = 0;
      while (carried != null || other != null) {
        if (other == null || (carried != null && carried.id().compareTo(other.id()) < 0)) {
          w.write(carried.text());
          written.paper(Json.MAPPER.readValue(carried.text(), Paper.class));
          copied++;
          carried = nextCarried(previous);
        } else {
          w.write(Json.MAPPER.writeValueAsString(other));
          written.paper(other);
          other = others.hasNext() ? others.next() : null;
        }
        w.write('\n');
      }
      if (copied != ids.size()) {
        throw new IOException(file + " changed during the run: " + (ids.size() - copied) + " of its papers are gone");
      }
    }
  }

  /** A carried paper's line and its id. */
  private record Line(String id, String text) {}

  /** The next line of {@code previous} that is a carried paper's, or null. */
  private Line nextCarried(BufferedReader previous) throws IOException {
    if (previous == null) return null;
    for (String line; (line = previous.readLine()) != null; ) {
      if (line.isBlank()) continue;
      String id = PreviousRun.head(line).get("id");
      if (ids.contains(id)) return new Line(id, line);
    }
    return null;
  }
}
