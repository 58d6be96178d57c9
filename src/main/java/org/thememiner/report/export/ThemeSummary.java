package org.thememiner.report.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thememiner.report.Json;

/**
 * What the exports need of a candidate theme in themes.json (see {@link org.thememiner.themes.Theme}).
 *
 * @param papers     ids of the papers the theme occurs in, most sentences first
 * @param paperShare per paper, the share of its assigned sentences in this theme
 */
record ThemeSummary(int id, String label, List<String> keywords, long size, List<String> papers, Map<String, Double> paperShare) {

  static List<ThemeSummary> readAll(Path file) throws IOException {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + ": not valid JSON: " + RunFolder.problem(e), e);
    }
    if (root == null || !root.isArray()) throw new IOException(file + ": expected a JSON list of themes");
    List<ThemeSummary> themes = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode t = root.get(i);
      if (!t.path("id").canConvertToInt()) throw new IOException(file + ": theme " + (i + 1) + " has no integer id");
      List<String> keywords = new ArrayList<>();
      t.path("keywords").forEach(k -> keywords.add(k.asText()));
      List<String> papers = new ArrayList<>();
      t.path("papers").forEach(p -> papers.add(p.asText()));
      Map<String, Double> share = new LinkedHashMap<>();
      t.path("paperShare").fields().forEachRemaining(e -> share.put(e.getKey(), e.getValue().asDouble()));
      themes.add(new ThemeSummary(t.get("id").asInt(), t.path("label").asText(""), List.copyOf(keywords),
          t.path("size").asLong(0), List.copyOf(papers), Map.copyOf(share)));
    }
    return List.copyOf(themes);
  }
}
