package org.thememiner.job.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a job spec the way Spark ML reads params: every setting has a default (in {@code defaults.yaml}, the
 * one place they are written down), the job spec overrides some, flags override the spec. Unknown settings
 * are errors, so a typo never silently falls back to a default.
 */
public final class JobConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private JobConfigLoader() {}

  /**
   * @param spec      the job spec, or null for defaults only
   * @param overrides settings from flags, as a tree in the spec's shape (e.g. {@code {"seed": 7}})
   */
  public static JobConfig load(Path spec, ObjectNode overrides) throws ConfigException {
    ObjectNode tree = defaults();
    String where = "defaults";
    if (spec != null) {
      where = spec.toString();
      if (!Files.isRegularFile(spec)) throw new ConfigException(spec + ": job spec not found");
      JsonNode user;
      try {
        user = YAML.readTree(spec.toFile());
      } catch (IOException e) {
        throw new ConfigException(spec + ": not valid YAML: " + firstLine(e));
      }
      if (user != null && !user.isNull() && !user.isMissingNode()) {
        if (!user.isObject()) throw new ConfigException(spec + ": a job spec is a mapping of settings");
        checkKnown(tree, user, "", spec.toString());
        merge(tree, (ObjectNode) user);
      }
    }
    merge(tree, overrides);
    if (tree.path("themes").has("seed")) {
      throw new ConfigException(where + ": set the seed at the top level (seed: N), not under themes");
    }
    ((ObjectNode) tree.get("themes")).set("seed", tree.get("seed"));
    try {
      JobConfig config = YAML.treeToValue(tree, JobConfig.class);
      if (config.out() == null || config.out().isBlank()) {
        throw new ConfigException(where + ": no output folder: give --out DIR or out: in the job spec");
      }
      if (config.input().isEmpty()) throw new ConfigException(where + ": no input: give --input PATH or input: in the job spec");
      return config;
    } catch (JsonMappingException e) {
      throw new ConfigException(where + ": invalid setting " + path(e) + ": " + reason(e));
    } catch (JsonProcessingException e) {
      throw new ConfigException(where + ": " + firstLine(e));
    }
  }

  private static ObjectNode defaults() {
    try (InputStream in = JobConfigLoader.class.getResourceAsStream("defaults.yaml")) {
      return (ObjectNode) YAML.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("defaults.yaml is missing from the application jar", e);
    }
  }

  /** Rejects keys the defaults do not have: the defaults list every setting there is. */
  private static void checkKnown(JsonNode known, JsonNode user, String prefix, String file) throws ConfigException {
    for (Iterator<Map.Entry<String, JsonNode>> it = user.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = prefix + e.getKey();
      if (!known.has(e.getKey())) throw new ConfigException(file + ": unknown setting '" + key + "'");
      // An empty mapping in the defaults (curation.rename) is keyed by the user's data, not by setting names.
      if (known.get(e.getKey()).isObject() && !known.get(e.getKey()).isEmpty() && e.getValue().isObject()) {
        checkKnown(known.get(e.getKey()), e.getValue(), key + ".", file);
      }
    }
  }

  /** Objects merge key by key; lists and scalars replace. */
  static void merge(ObjectNode base, ObjectNode over) {
    over.fields().forEachRemaining(e -> {
      JsonNode current = base.get(e.getKey());
      if (current instanceof ObjectNode c && e.getValue() instanceof ObjectNode o) {
        merge(c, o);
      } else {
        base.set(e.getKey(), e.getValue());
      }
    });
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  private static String reason(JsonMappingException e) {
    Throwable root = e;
    while (root.getCause() != null) root = root.getCause();
    return root == e ? e.getOriginalMessage() : root.getMessage();
  }

  private static String firstLine(Exception e) {
    String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    return m == null ? e.toString() : m.lines().findFirst().orElse(m);
  }
}
