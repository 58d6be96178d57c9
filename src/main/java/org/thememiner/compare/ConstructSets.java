package org.thememiner.compare;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads and validates construct-set YAML files (schema: {@code docs/constructs.md}). Validation is strict: a typo
 * in a field name or a dangling parent would otherwise silently change what themes are compared against.
 */
public final class ConstructSets {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Set<String> SET_FIELDS =
      Set.of("id", "name", "citation", "doi", "licence", "partial", "notes", "constructs");
  private static final Set<String> CONSTRUCT_FIELDS =
      Set.of("id", "name", "description", "keywords", "subThemes", "examplePhrases", "parent");
  private static final YAMLMapper YAML = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private ConstructSets() {}

  /** A construct-set YAML file, or a REFI-QDA codebook or project read as one ({@link QdaCodebook}). */
  public static ConstructSet load(Path file) {
    if (QdaCodebook.handles(file)) return QdaCodebook.read(file, QdaCodebook.idOf(file));
    JsonNode root;
    try {
      root = YAML.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new InvalidConstructSetException(file + ": no such file");
    } catch (JacksonException e) {
      throw new InvalidConstructSetException(file + ": invalid YAML: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
    } catch (IOException e) {
      throw new InvalidConstructSetException(file + ": cannot read: " + e.getMessage(), e);
    }
    return new Reader(file).set(root);
  }

  /** Every {@code *.yaml} file in {@code dir}, ordered by file name. */
  public static List<ConstructSet> loadAll(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().map(ConstructSets::load).toList();
    } catch (IOException e) {
      throw new InvalidConstructSetException(dir + ": cannot list construct sets: " + e.getMessage(), e);
    }
  }

  /** Walks the YAML tree of one file, naming each field by its path when something is wrong. */
  private record Reader(Path file) {

    ConstructSet set(JsonNode root) {
      if (root == null || root.isMissingNode() || root.isNull()) throw error("", "the file is empty");
      ObjectNode node = object(root, "");
      checkFields(node, "", SET_FIELDS);
      String id = idAt(node, "id", "");
      String expected = file.getFileName().toString().replaceFirst("\\.yaml$", "");
      if (!id.equals(expected)) throw error("id", "'" + id + "' must equal the file name '" + expected + "'");
      boolean partial = node.has("partial") && bool(node.get("partial"), "partial");
      String notes = optionalText(node, "notes", "");
      if (partial && notes == null) throw error("notes", "is required when partial is true: say which constructs are missing");
      JsonNode list = node.get("constructs");
      if (list == null || list.isNull()) throw error("constructs", "is missing");
      if (!list.isArray() || list.isEmpty()) throw error("constructs", "must be a non-empty list");
      List<Construct> constructs = new ArrayList<>();
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < list.size(); i++) {
        Construct c = construct(list.get(i), "constructs[" + i + "].");
        Integer previous = index.putIfAbsent(c.id(), i);
        if (previous != null) {
          throw error("constructs[" + i + "].id", "'" + c.id() + "' duplicates constructs[" + previous + "].id");
        }
        constructs.add(c);
      }
      checkParents(constructs, index);
      return new ConstructSet(id, requiredText(node, "name", ""), requiredText(node, "citation", ""),
          optionalText(node, "doi", ""), optionalText(node, "licence", ""), partial, notes, constructs);
    }

    private Construct construct(JsonNode raw, String path) {
      ObjectNode node = object(raw, path);
      checkFields(node, path, CONSTRUCT_FIELDS);
      String id = idAt(node, "id", path);
      List<String> keywords = texts(node, "keywords", path);
      if (keywords.isEmpty()) throw error(path + "keywords", "must be a non-empty list");
      String parent = node.has("parent") && !node.get("parent").isNull() ? idAt(node, "parent", path) : null;
      return new Construct(id, requiredText(node, "name", path), requiredText(node, "description", path), keywords,
          texts(node, "subThemes", path), texts(node, "examplePhrases", path), parent);
    }

    /** Parents name another construct of the set that has no parent itself: one level of nesting. */
    private void checkParents(List<Construct> constructs, Map<String, Integer> index) {
      for (int i = 0; i < constructs.size(); i++) {
        String parent = constructs.get(i).parent();
        if (parent == null) continue;
        String field = "constructs[" + i + "].parent";
        Integer p = index.get(parent);
        if (p == null) throw error(field, "'" + parent + "' is not a construct id of this set");
        if (p == i) throw error(field, "'" + parent + "' is the construct itself");
        if (constructs.get(p).parent() != null) throw error(field, "'" + parent + "' has a parent itself: one level of nesting only");
      }
    }

    private void checkFields(ObjectNode node, String path, Set<String> allowed) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!allowed.contains(name)) throw error(path + name, "is not a known field (known: " + String.join(", ", sorted(allowed)) + ")");
      }
    }

    private String idAt(ObjectNode node, String field, String path) {
      String id = requiredText(node, field, path);
      if (!ID.matcher(id).matches()) throw error(path + field, "'" + id + "' is not a kebab-case id ([a-z0-9] words joined by '-')");
      return id;
    }

    private String requiredText(ObjectNode node, String field, String path) {
      String text = optionalText(node, field, path);
      if (text == null) throw error(path + field, "is missing");
      return text;
    }

    private String optionalText(ObjectNode node, String field, String path) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) return null;
      if (!value.isTextual()) throw error(path + field, "must be text");
      String text = value.asText().strip();
      if (text.isEmpty()) throw error(path + field, "is empty");
      return text;
    }

    private List<String> texts(ObjectNode node, String field, String path) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) return List.of();
      if (!value.isArray()) throw error(path + field, "must be a list of text");
      List<String> out = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < value.size(); i++) {
        JsonNode item = value.get(i);
        String where = path + field + "[" + i + "]";
        if (!item.isTextual() || item.asText().isBlank()) throw error(where, "must be non-empty text");
        String text = item.asText().strip();
        if (!seen.add(text)) throw error(where, "'" + text + "' is listed twice");
        out.add(text);
      }
      return out;
    }

    private boolean bool(JsonNode value, String field) {
      if (!value.isBoolean()) throw error(field, "must be true or false");
      return value.booleanValue();
    }

    private ObjectNode object(JsonNode node, String path) {
      if (!node.isObject()) throw error(path.isEmpty() ? "" : path.substring(0, path.length() - 1), "must be a mapping of fields");
      return (ObjectNode) node;
    }

    private InvalidConstructSetException error(String field, String problem) {
      return new InvalidConstructSetException(file + ": " + (field.isEmpty() ? "" : field + " ") + problem);
    }

    private static List<String> sorted(Set<String> names) {
      return names.stream().sorted().toList();
    }
  }
}
