package org.thememiner.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The codes of a REFI-QDA codebook ({@code .qdc}) or project ({@code .qdpx}), as NVivo, ATLAS.ti and MAXQDA export
 * them, read as a construct set: each codable code a construct (name, and its description or else its name), a
 * codable code under another codable one a construct with that parent, codes deeper still the sub-themes of their
 * ancestor at the second level. Codes that only group others (not codable) give their codes and nothing else. A
 * code's keywords are the words of its name, which the keyword similarity needs; add your own to the YAML that
 * {@code constructs import} writes.
 */
public final class QdaCodebook {
  private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build();
  /** Words too common to say what a code is about. */
  private static final Set<String> STOP = Set.of("and", "the", "for", "with", "from", "into", "about", "that", "this",
      "their", "them", "they", "its", "our", "not", "are", "was", "were", "has", "have", "who", "what", "how", "when");

  private QdaCodebook() {}

  /** Whether {@code file} is one this class reads, by its name. */
  public static boolean handles(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".qdc") || name.endsWith(".qdpx");
  }

  /**
   * The construct set of {@code file}'s codes, with id {@code id}. A file that is not a codebook or project, or a code
   * without a name, is an {@link InvalidConstructSetException} naming the file and the element.
   */
  public static ConstructSet read(Path file, String id) {
    Document doc = QdaXml.parse(file, InvalidConstructSetException::new);
    Element root = doc.getDocumentElement();
    boolean project = QdaXml.PROJECT_NS.equals(root.getNamespaceURI()) && "Project".equals(root.getLocalName());
    boolean codebook = QdaXml.CODEBOOK_NS.equals(root.getNamespaceURI()) && "CodeBook".equals(root.getLocalName());
    if (!project && !codebook) {
      throw new InvalidConstructSetException(file + ": the root element is " + root.getTagName()
          + ", not a REFI-QDA CodeBook (" + QdaXml.CODEBOOK_NS + ") or Project (" + QdaXml.PROJECT_NS + ")");
    }
    Element codes = project ? QdaXml.child(QdaXml.child(root, "CodeBook"), "Codes") : QdaXml.child(root, "Codes");
    if (codes == null) throw new InvalidConstructSetException(file + ": no Codes element" + (project ? " in its CodeBook" : ""));
    List<Draft> drafts = new ArrayList<>();
    collect(file, codes, "Codes", null, 0, drafts, new HashSet<>());
    List<Construct> constructs = drafts.stream().map(Draft::construct).toList();
    if (constructs.isEmpty()) throw new InvalidConstructSetException(file + ": no codable code to read as a construct");
    String name = root.hasAttribute("name") ? root.getAttribute("name") : file.getFileName().toString();
    return new ConstructSet(id, name, "Imported from " + file.getFileName() + " (REFI-QDA "
        + (project ? "project" : "codebook") + (root.hasAttribute("origin") ? ", made by " + root.getAttribute("origin") : "") + ")",
        null, null, false, null, constructs);
  }

  /** A construct being read: its sub-themes grow as deeper codes are found. */
  private record Draft(String id, String name, String description, String parent, List<String> subThemes) {
    Construct construct() {
      return new Construct(id, name, description, keywords(name), subThemes, List.of(), parent);
    }
  }

  /**
   * Adds the constructs of the codes under {@code parent}.
   *
   * @param above the construct the codes are under (their parent, or for deeper codes the one they are sub-themes
   *              of), or null at the top
   * @param depth how many codable codes are above these
   */
  private static void collect(Path file, Element parent, String where, Draft above, int depth, List<Draft> out,
      Set<String> ids) {
    int n = 0;
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (!(node instanceof Element code) || !"Code".equals(code.getLocalName())) continue;
      String path = where + "/Code[" + ++n + "]";
      String name = code.getAttribute("name").strip();
      if (name.isEmpty()) throw new InvalidConstructSetException(file + ": " + path + " has no name");
      boolean codable = "true".equals(code.getAttribute("isCodable")) || "1".equals(code.getAttribute("isCodable"));
      if (!codable) {
        collect(file, code, path, above, depth, out, ids);
      } else if (depth < 2) {
        Element d = QdaXml.child(code, "Description");
        String description = d == null || d.getTextContent().isBlank() ? name : d.getTextContent().strip();
        Draft draft = new Draft(uniqueId(name, ids), name, description, depth == 0 ? null : above.id(), new ArrayList<>());
        out.add(draft);
        collect(file, code, path, draft, depth + 1, out, ids);
      } else {
        // A construct set nests one level: deeper codes are sub-themes of their second-level code.
        if (!above.subThemes().contains(name)) above.subThemes().add(name);
        collect(file, code, path, above, depth, out, ids);
      }
    }
  }

  /** The id a set read from {@code file} gets when none is given: its file name, in kebab case. */
  public static String idOf(Path file) {
    return uniqueId(file.getFileName().toString().replaceFirst("\\.[^.]*$", ""), new HashSet<>());
  }

  /**
   * The set as construct-set YAML (docs/constructs.md), for {@code constructs import} to write: what a researcher
   * edits to add keywords, example phrases and better descriptions.
   */
  public static String toYaml(ConstructSet set) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("id", set.id());
    root.put("name", set.name());
    root.put("citation", set.citation());
    root.put("partial", set.partial());
    List<Map<String, Object>> constructs = new ArrayList<>();
    for (Construct c : set.constructs()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", c.id());
      m.put("name", c.name());
      m.put("description", c.description());
      m.put("keywords", c.keywords());
      if (!c.subThemes().isEmpty()) m.put("subThemes", c.subThemes());
      if (c.parent() != null) m.put("parent", c.parent());
      constructs.add(m);
    }
    root.put("constructs", constructs);
    try {
      return "# Read from a REFI-QDA file by thememiner constructs import: each codable code a construct. Keywords are"
          + "\n# the words of each code's name; add your own, and example phrases, before comparing.\n"
          + YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a construct set always serialises", e);
    }
  }

  /** A kebab-case id from a code's name, numbered when another code has the same. */
  private static String uniqueId(String name, Set<String> ids) {
    String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (base.isEmpty()) base = "code";
    String id = base;
    for (int i = 2; !ids.add(id); i++) id = base + "-" + i;
    return id;
  }

  private static List<String> keywords(String name) {
    Set<String> words = new LinkedHashSet<>();
    for (String w : name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() >= 3 && !STOP.contains(w)) words.add(w);
    }
    if (words.isEmpty()) words.add(name.toLowerCase(Locale.ROOT).strip());
    return List.copyOf(words);
  }
}
