package org.thememiner.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConstructSetsTest {
  private static final String VALID = """
      id: demo
      name: Demo set
      citation: "Doe (2020). A synthesis."
      doi: 10.1000/demo
      constructs:
        - id: first-construct
          name: First
          description: The first construct.
          keywords: [alpha, beta]
        - id: second
          name: Second
          description: The second construct.
          keywords: [gamma]
          subThemes: [one facet]
          examplePhrases: [a phrase]
          parent: first-construct
      """;

  @TempDir Path dir;

  private Path write(String name, String yaml) throws IOException {
    return Files.writeString(dir.resolve(name), yaml);
  }

  private String error(String name, String yaml) throws IOException {
    Path file = write(name, yaml);
    return assertThrows(InvalidConstructSetException.class, () -> ConstructSets.load(file)).getMessage();
  }

  @Test
  void loadsAValidSet() throws IOException {
    ConstructSet set = ConstructSets.load(write("demo.yaml", VALID));
    assertEquals("demo", set.id());
    assertEquals("10.1000/demo", set.doi());
    assertNull(set.licence());
    assertFalse(set.partial());
    assertEquals(List.of("first-construct", "second"), set.constructs().stream().map(Construct::id).toList());
    Construct second = set.constructs().get(1);
    assertEquals(List.of("gamma"), second.keywords());
    assertEquals(List.of("one facet"), second.subThemes());
    assertEquals(List.of("a phrase"), second.examplePhrases());
    assertEquals("first-construct", second.parent());
    assertEquals(List.of(), set.constructs().get(0).subThemes());
  }

  @Test
  void missingFileIsNamed() {
    Path file = dir.resolve("absent.yaml");
    String message = assertThrows(InvalidConstructSetException.class, () -> ConstructSets.load(file)).getMessage();
    assertEquals(file + ": no such file", message);
  }

  @Test
  void invalidYamlNamesFileAndLine() throws IOException {
    String message = error("demo.yaml", "id: demo\nname: [unclosed\n");
    assertTrue(message.startsWith(dir.resolve("demo.yaml") + ": invalid YAML: "), message);
    assertTrue(message.contains("(line "), message);
  }

  @Test
  void duplicateYamlKeyIsInvalid() throws IOException {
    String message = error("demo.yaml", VALID.replace("name: Demo set", "name: Demo set\nname: Again"));
    assertTrue(message.contains("invalid YAML") && message.contains("name"), message);
  }

  @Test
  void emptyFile() throws IOException {
    assertEquals(dir.resolve("demo.yaml") + ": the file is empty", error("demo.yaml", ""));
  }

  @Test
  void missingConstructFieldNamesItsPath() throws IOException {
    String yaml = VALID.replace("    name: Second\n", "");
    assertEquals(dir.resolve("demo.yaml") + ": constructs[1].name is missing", error("demo.yaml", yaml));
  }

  @Test
  void missingSetField() throws IOException {
    String yaml = VALID.replace("citation: \"Doe (2020). A synthesis.\"\n", "");
    assertEquals(dir.resolve("demo.yaml") + ": citation is missing", error("demo.yaml", yaml));
  }

  @Test
  void emptyKeywords() throws IOException {
    String yaml = VALID.replace("keywords: [gamma]", "keywords: []");
    assertEquals(dir.resolve("demo.yaml") + ": constructs[1].keywords must be a non-empty list", error("demo.yaml", yaml));
  }

  @Test
  void duplicateConstructIds() throws IOException {
    String yaml = VALID.replace("- id: second", "- id: first-construct").replace("parent: first-construct", "");
    assertEquals(dir.resolve("demo.yaml") + ": constructs[1].id 'first-construct' duplicates constructs[0].id",
        error("demo.yaml", yaml));
  }

  @Test
  void unknownFieldsAreRejected() throws IOException {
    String construct = error("demo.yaml", VALID.replace("keywords: [gamma]", "keywords: [gamma]\n    keyword: [typo]"));
    assertTrue(construct.startsWith(dir.resolve("demo.yaml") + ": constructs[1].keyword is not a known field"), construct);
    String set = error("demo.yaml", VALID.replace("doi:", "DOI:"));
    assertTrue(set.startsWith(dir.resolve("demo.yaml") + ": DOI is not a known field"), set);
  }

  @Test
  void badIdSyntax() throws IOException {
    String yaml = VALID.replace("- id: second", "- id: Second_Construct");
    assertTrue(error("demo.yaml", yaml).startsWith(
        dir.resolve("demo.yaml") + ": constructs[1].id 'Second_Construct' is not a kebab-case id"));
  }

  @Test
  void setIdMustEqualFileName() throws IOException {
    assertEquals(dir.resolve("other.yaml") + ": id 'demo' must equal the file name 'other'", error("other.yaml", VALID));
  }

  @Test
  void parentMustBeATopLevelConstructOfTheSet() throws IOException {
    assertEquals(dir.resolve("demo.yaml") + ": constructs[1].parent 'nowhere' is not a construct id of this set",
        error("demo.yaml", VALID.replace("parent: first-construct", "parent: nowhere")));
    assertEquals(dir.resolve("demo.yaml") + ": constructs[1].parent 'second' is the construct itself",
        error("demo.yaml", VALID.replace("parent: first-construct", "parent: second")));
  }

  @Test
  void partialSetMustSayWhatIsMissing() throws IOException {
    String yaml = VALID.replace("doi: 10.1000/demo", "doi: 10.1000/demo\npartial: true");
    assertTrue(error("demo.yaml", yaml).startsWith(dir.resolve("demo.yaml") + ": notes is required when partial is true"));
  }

  @Test
  void wrongTypes() throws IOException {
    assertEquals(dir.resolve("demo.yaml") + ": partial must be true or false",
        error("demo.yaml", VALID.replace("doi: 10.1000/demo", "doi: 10.1000/demo\npartial: sometimes")));
    assertEquals(dir.resolve("demo.yaml") + ": constructs[0].keywords must be a list of text",
        error("demo.yaml", VALID.replace("keywords: [alpha, beta]", "keywords: alpha")));
    assertEquals(dir.resolve("demo.yaml") + ": constructs[0] must be a mapping of fields",
        error("demo.yaml", VALID.replace("  - id: first-construct\n    name: First\n    description: The first construct.\n    keywords: [alpha, beta]\n", "  - just text\n")));
  }
}
