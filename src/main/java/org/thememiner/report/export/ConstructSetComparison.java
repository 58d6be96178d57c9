package org.thememiner.report.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.thememiner.report.Json;

/**
 * What the exports need of one construct set's entry in comparison.json. The reader is lenient about optional
 * fields, since comparison.json is still growing: a missing number is null, a missing list empty.
 *
 * @param constructs per construct, in the set's order
 * @param themes     per theme: the construct its sentences map to in this set, or null (a candidate new theme)
 * @param matrix     theme x construct similarities
 */
record ConstructSetComparison(String setId, String name, String citation, boolean partial, List<ConstructResult> constructs,
    List<ThemeMapping> themes, Matrix matrix) {

  /**
   * @param bestThemeId the most similar theme, or null when no theme has any similarity
   * @param supported   whether some theme matches the construct (at or above the run's threshold); taken from
   *                    {@code unsupportedConstructs} when the construct does not say; null when neither does
   */
  record ConstructResult(String constructId, String name, Integer bestThemeId, Double similarity, Boolean supported) {}

  /** @param constructId the construct the theme maps to, or null below the threshold */
  record ThemeMapping(int themeId, String constructId) {}

  /** {@code values.get(i).get(j)}: similarity of theme {@code themeIds.get(i)} and construct {@code constructIds.get(j)}. */
  record Matrix(List<Integer> themeIds, List<String> constructIds, List<List<Double>> values) {}

  /**
   * The construct sets in the run's comparison.json; none when the run has no comparison.json. Accepts a list of
   * sets, an object holding them under {@code sets}, or a single set.
   */
  static List<ConstructSetComparison> readAll(Path file) throws IOException {
    if (!Files.exists(file)) return List.of();
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + ": not valid JSON: " + RunFolder.problem(e), e);
    }
    JsonNode sets;
    if (root != null && root.isArray()) sets = root;
    else if (root != null && root.path("sets").isArray()) sets = root.get("sets");
    else if (root != null && root.has("setId")) sets = Json.MAPPER.createArrayNode().add(root);
    else throw new IOException(file + ": expected a list of construct-set comparisons");
    List<ConstructSetComparison> result = new ArrayList<>();
    for (int i = 0; i < sets.size(); i++) result.add(parse(file, sets.get(i), i));
    return List.copyOf(result);
  }

  private static ConstructSetComparison parse(Path file, JsonNode set, int index) throws IOException {
    String setId = text(set, "setId", "id");
    if (setId == null) throw new IOException(file + ": construct set " + (index + 1) + " has no setId");
    List<String> unsupported = new ArrayList<>();
    set.path("unsupportedConstructs").forEach(v -> unsupported.add(v.isObject() ? v.path("constructId").asText(v.path("id").asText()) : v.asText()));
    List<ConstructResult> constructs = new ArrayList<>();
    for (JsonNode c : set.path("constructs")) {
      String id = text(c, "constructId", "id");
      if (id == null) throw new IOException(file + ": a construct of set " + setId + " has no constructId");
      String name = text(c, "name", "label");
      constructs.add(new ConstructResult(id, name == null ? id : name, integer(c, "bestThemeId", "bestTheme"),
          number(c, "similarity"), c.path("supported").isBoolean() ? Boolean.valueOf(c.get("supported").asBoolean())
              : set.has("unsupportedConstructs") ? Boolean.valueOf(!unsupported.contains(id)) : null));
    }
    List<ThemeMapping> themes = new ArrayList<>();
    for (JsonNode t : set.path("themes")) {
      Integer themeId = integer(t, "themeId", "id");
      if (themeId == null) throw new IOException(file + ": a theme of set " + setId + " has no themeId");
      themes.add(new ThemeMapping(themeId, text(t, "constructId", "bestConstruct")));
    }
    JsonNode m = set.path("matrix");
    List<Integer> themeIds = new ArrayList<>();
    m.path("themeIds").forEach(v -> themeIds.add(v.asInt()));
    List<String> constructIds = new ArrayList<>();
    m.path("constructIds").forEach(v -> constructIds.add(v.asText()));
    List<List<Double>> values = new ArrayList<>();
    for (JsonNode row : m.path("values")) {
      List<Double> r = new ArrayList<>();
      row.forEach(v -> r.add(v.isNumber() ? v.asDouble() : null));
      if (r.size() != constructIds.size()) throw new IOException(file + ": set " + setId + ": a matrix row has " + r.size()
          + " values for " + constructIds.size() + " constructs");
      values.add(r);
    }
    if (values.size() != themeIds.size()) throw new IOException(file + ": set " + setId + ": the matrix has " + values.size()
        + " rows for " + themeIds.size() + " themes");
    return new ConstructSetComparison(setId, firstNonNull(text(set, "name", "setName"), setId), text(set, "citation"),
        set.path("partial").asBoolean(false), List.copyOf(constructs), List.copyOf(themes),
        new Matrix(List.copyOf(themeIds), List.copyOf(constructIds), values.stream().map(Collections::unmodifiableList).toList()));
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }

  /** The first of the named fields that holds a non-empty value, as text (a nested object's {@code id} counts). */
  private static String text(JsonNode node, String... names) {
    for (String n : names) {
      JsonNode v = node.get(n);
      if (v == null || v.isNull()) continue;
      if (v.isObject()) v = v.has("constructId") ? v.get("constructId") : v.get("id");
      if (v != null && v.isValueNode() && !v.asText().isEmpty()) return v.asText();
    }
    return null;
  }

  private static Integer integer(JsonNode node, String... names) {
    for (String n : names) {
      JsonNode v = node.get(n);
      if (v == null || v.isNull()) continue;
      if (v.isObject()) v = v.has("themeId") ? v.get("themeId") : v.get("id");
      if (v != null && v.canConvertToInt()) return v.asInt();
    }
    return null;
  }

  private static Double number(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v != null && v.isNumber() ? v.asDouble() : null;
  }
}
