package org.thememiner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.thememiner.compare.ExampleCoder;
import org.thememiner.ingest.SectionPart;
import org.thememiner.report.export.Exports;
import org.thememiner.themes.SentenceEncoder;
import org.thememiner.themes.ThemeParts;
import org.thememiner.themes.ThemeSettings;

/**
 * The published JSON Schemas (docs/schemas) hold for what the project ships and writes: the defaults and every job
 * spec in jobs/, and their enumerations are the names the code accepts. The run's outputs are checked against them
 * in {@code job.OutputSchemasTest}.
 */
public class SchemasTest {
  static final Path DIR = Path.of("docs/schemas");
  private static final String PREFIX = "https://thememiner.org/schemas/";
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      b -> b.schemas(id -> id.startsWith(PREFIX) ? read(DIR.resolve(id.substring(PREFIX.length()))) : null));

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The schema of this file name in docs/schemas. */
  public static Schema schema(String name) {
    return REGISTRY.getSchema(SchemaLocation.of(PREFIX + name));
  }

  /** What {@code schema} finds wrong in {@code json}, one line per error; empty when it holds. */
  public static List<String> errors(Schema schema, JsonNode json) {
    List<String> out = new ArrayList<>();
    for (Error e : schema.validate(json)) out.add(e.getInstanceLocation() + ": " + e.getMessage());
    return out;
  }

  @Test
  void theDefaultsAndEveryShippedJobSpecHoldForTheJobSpecSchema() throws Exception {
    Schema spec = schema("job-spec.schema.json");
    YAMLMapper yaml = new YAMLMapper();
    JsonNode defaults = yaml.readTree(SchemasTest.class.getResourceAsStream("/org/thememiner/job/spec/defaults.yaml"));
    assertEquals(List.of(), errors(spec, defaults), "defaults.yaml");
    try (Stream<Path> specs = Files.list(Path.of("jobs"))) {
      for (Path p : specs.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        assertEquals(List.of(), errors(spec, yaml.readTree(p.toFile())), p.toString());
      }
    }
    JsonNode unknown = yaml.readTree("themes: {kk: 3}\nexport: [nvivo]\n");
    assertEquals(2, errors(spec, unknown).size(), errors(spec, unknown).toString());
  }

  @Test
  void theJobSpecSchemaNamesWhatTheCodeAccepts() throws Exception {
    JsonNode props = new YAMLMapper().readTree(DIR.resolve("job-spec.schema.json").toFile()).get("properties");
    Map<List<String>, List<String>> expected = Map.of(
        List.of("themes", "representation"), ThemeParts.REPRESENTATIONS,
        List.of("themes", "algorithm"), ThemeParts.CLUSTERINGS,
        List.of("themes", "keywords"), ThemeParts.KEYWORD_ORDERS,
        List.of("themes", "embeddingModel"), SentenceEncoder.MODELS,
        List.of("themes", "centre"), ThemeSettings.CENTRES,
        List.of("themes", "context"), ThemeSettings.CONTEXTS,
        List.of("compare", "exampleCoder"), ExampleCoder.METHODS,
        List.of("rerun", "mode"), org.thememiner.job.spec.RerunSettings.MODES);
    expected.forEach((path, names) -> assertEquals(sorted(names),
        sorted(strings((ArrayNode) props.get(path.get(0)).get("properties").get(path.get(1)).get("enum"))), String.join(".", path)));
    assertEquals(sorted(Exports.FORMATS), sorted(strings((ArrayNode) props.get("export").get("items").get("enum"))), "export");
    assertEquals(sorted(Stream.of(SectionPart.values()).map(SectionPart::label).toList()),
        sorted(strings((ArrayNode) props.get("themes").get("properties").get("excludeParts").get("items").get("enum"))), "excludeParts");
  }

  static List<String> strings(ArrayNode a) {
    List<String> out = new ArrayList<>();
    a.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> sorted(List<String> names) {
    return names.stream().sorted().toList();
  }
}
