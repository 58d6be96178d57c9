package org.thememiner.report.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.thememiner.report.Json;
import org.thememiner.report.RunLayout;

/**
 * A finished run's output folder, as the exports read it: where each file is ({@link RunLayout}) and which run it is.
 *
 * @param dir        the run folder
 * @param name       the run's name from run.json
 * @param startedAt  when the run started (ISO-8601), from run.json; together with the name it identifies the run
 * @param finishedAt when the run finished (ISO-8601), from run.json, or null
 */
record RunFolder(Path dir, String name, String startedAt, String finishedAt) {
  /** Reads run.json; fails, naming the file, when the folder is not a finished run. */
  static RunFolder open(Path runDir) throws IOException {
    if (!Files.isDirectory(runDir)) throw new IOException(runDir + ": not a folder (expected a thememiner run folder)");
    Path runInfo = runDir.resolve(RunLayout.RUN_INFO);
    if (!Files.isRegularFile(runInfo)) throw new IOException(runInfo + ": missing; " + runDir + " is not a thememiner run folder");
    JsonNode info;
    try {
      info = Json.MAPPER.readTree(runInfo.toFile());
    } catch (IOException e) {
      throw new IOException(runInfo + ": not valid JSON: " + problem(e), e);
    }
    String name = info.path("name").asText("");
    String startedAt = info.path("startedAt").asText("");
    if (startedAt.isEmpty()) throw new IOException(runInfo + ": has no startedAt");
    String finishedAt = info.path("finishedAt").isTextual() ? info.path("finishedAt").asText() : null;
    return new RunFolder(runDir, name, startedAt, finishedAt);
  }

  /** The file of this name in the run folder, which must exist. */
  Path required(String fileName) throws IOException {
    Path file = dir.resolve(fileName);
    if (!Files.isRegularFile(file)) throw new IOException(file + ": missing; the run did not finish or is incomplete");
    return file;
  }

  /** The first line of what went wrong reading a file, without the parser's excerpt of the input. */
  static String problem(Exception e) {
    String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    if (m == null) m = e.getClass().getSimpleName();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  Path file(String fileName) {
    return dir.resolve(fileName);
  }

  Path exportDir() {
    return dir.resolve(RunLayout.EXPORT);
  }

  /** What name-based GUIDs of this run are derived from: the same run folder always gives the same GUIDs. */
  String identity() {
    return "thememiner-run:" + name + "@" + startedAt;
  }
}
