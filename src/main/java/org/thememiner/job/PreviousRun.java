package org.thememiner.job;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.thememiner.report.Json;
import org.thememiner.themes.Theme;

/**
 * The run that last wrote an output folder, read before this run replaces them: its folder, its run.json, its themes
 * and its papers.
 */
record PreviousRun(Path folder, JsonNode run, List<Theme> themes, Set<String> papers) {

  String startedAt() {
    return run.path("startedAt").asText(null);
  }

  /** Empty when the folder holds no complete earlier run, or one this version cannot read. */
  static Optional<PreviousRun> load(Path outDir) {
    Path run = outDir.resolve("run.json");
    Path themes = outDir.resolve("themes.json");
    Path papers = outDir.resolve("papers.jsonl");
    if (!Files.isRegularFile(run) || !Files.isRegularFile(themes) || !Files.isRegularFile(papers)) return Optional.empty();
    try {
      JsonNode info = Json.MAPPER.readTree(run.toFile());
      List<Theme> previous = Json.MAPPER.readValue(themes.toFile(), new TypeReference<List<Theme>>() {});
      Set<String> ids = new HashSet<>();
      try (BufferedReader r = Files.newBufferedReader(papers)) {
        for (String line; (line = r.readLine()) != null; ) {
          if (!line.isBlank()) ids.add(id(line));
        }
      }
      return Optional.of(new PreviousRun(outDir, info, previous, ids));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A papers.jsonl line's paper id, read without parsing the paper's text that follows it. */
  private static String id(String line) throws IOException {
    try (JsonParser p = Json.MAPPER.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a paper: " + line.substring(0, Math.min(80, line.length())));
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("id")) return p.getText();
        p.skipChildren();
      }
    }
    throw new IOException("a paper without an id in papers.jsonl");
  }
}
