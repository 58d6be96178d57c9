package org.thememiner.job.rerun;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.thememiner.job.spec.JobConfig;
import org.thememiner.report.Json;
import org.thememiner.report.RunLayout;
import org.thememiner.report.Versions;
import org.thememiner.themes.Theme;

/**
 * The run that last wrote an output folder, read before this run replaces them: its folder, its run.json, its themes
 * and, for each paper of its papers.jsonl, the file it was read from.
 *
 * @param papers      each paper of papers.jsonl by id
 * @param papersInIdOrder whether papers.jsonl lists its papers by ascending id, as a run writes it
 */
public record PreviousRun(Path folder, JsonNode run, List<Theme> themes, Map<String, PaperFile> papers, boolean papersInIdOrder) {
  /** Where a paper came from: its file's path and content hash, as its papers.jsonl line says. */
  record PaperFile(String source, String sha256) {}

  public String startedAt() {
    return run.path("startedAt").asText(null);
  }

  Path papersFile() {
    return folder.resolve(RunLayout.PAPERS);
  }

  /**
   * Whether the run was made by the same code as this one (thememiner and every library at the same version) and
   * with the same settings in each of {@code parts} of the job spec.
   */
  boolean madeLike(JobConfig config, List<String> parts) throws IOException {
    if (!Json.MAPPER.valueToTree(Versions.current()).equals(run.path("versions"))) return false;
    // Through text, as run.json was written: a tree made from objects keeps a long as a long, one read back does not.
    JsonNode settings = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(config));
    return parts.stream().allMatch(part -> settings.path(part).equals(run.path("settings").path(part)));
  }

  /** Empty when the folder holds no complete earlier run, or one this version cannot read. */
  public static Optional<PreviousRun> load(Path outDir) {
    Path run = outDir.resolve(RunLayout.RUN_INFO);
    Path themes = outDir.resolve(RunLayout.THEMES);
    Path papers = outDir.resolve(RunLayout.PAPERS);
    if (!Files.isRegularFile(run) || !Files.isRegularFile(themes) || !Files.isRegularFile(papers)) return Optional.empty();
    try {
      JsonNode info = Json.MAPPER.readTree(run.toFile());
      List<Theme> previous = Json.MAPPER.readValue(themes.toFile(), new TypeReference<List<Theme>>() {});
      Map<String, PaperFile> files = new HashMap<>();
      boolean inIdOrder = true;
      String last = null;
      try (BufferedReader r = Files.newBufferedReader(papers)) {
        for (String line; (line = r.readLine()) != null; ) {
          if (line.isBlank()) continue;
          Map<String, String> head = head(line);
          String id = head.get("id");
          if (id == null) throw new IOException("a paper without an id in papers.jsonl");
          inIdOrder &= last == null || last.compareTo(id) < 0;
          last = id;
          files.put(id, new PaperFile(head.get("source"), head.get("sha256")));
        }
      }
      return Optional.of(new PreviousRun(outDir, info, previous, files, inIdOrder));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static final Set<String> HEAD = Set.of("id", "source", "sha256");

  /**
   * A papers.jsonl line's id, source and sha256 (those it has), read without parsing the paper's text that
   * follows them.
   */
  static Map<String, String> head(String line) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (JsonParser p = Json.MAPPER.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a paper: " + line.substring(0, Math.min(80, line.length())));
      while (out.size() < HEAD.size() && p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (HEAD.contains(field)) out.put(field, p.getValueAsString());
        else p.skipChildren();
      }
    }
    return out;
  }
}
