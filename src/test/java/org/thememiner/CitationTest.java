package org.thememiner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** CITATION.cff is valid Citation File Format 1.2.0 and says what pom.xml and LICENSE say. */
class CitationTest {
  @Test
  void theCitationFileHasTheRequiredKeysAndThePomsVersionAndLicence() throws Exception {
    JsonNode cff = new ObjectMapper(new YAMLFactory()).readTree(Path.of("CITATION.cff").toFile());
    for (String key : List.of("cff-version", "message", "title", "authors")) assertTrue(cff.hasNonNull(key), "CFF requires " + key);
    assertEquals("1.2.0", cff.get("cff-version").asText());
    assertFalse(cff.get("authors").isEmpty(), "at least one author");
    cff.get("authors").forEach(a -> assertTrue(a.hasNonNull("name") || a.hasNonNull("family-names"), "a CFF person or entity: " + a));

    String pom = Files.readString(Path.of("pom.xml"));
    assertEquals(first(pom, "<artifactId>thememiner</artifactId>\\s*<version>([^<]+)</version>"), cff.get("version").asText());
    assertEquals(first(pom, "<license>\\s*<name>([^<]+)</name>"), cff.get("license").asText());
    assertEquals("GPL-3.0-or-later", cff.get("license").asText(), "CoreNLP, in the application jars, is GPL-3.0-or-later");
    List<String> licence = Files.readAllLines(Path.of("LICENSE")).stream().map(String::strip).filter(l -> !l.isEmpty()).limit(2).toList();
    assertEquals(List.of("GNU GENERAL PUBLIC LICENSE", "Version 3, 29 June 2007"), licence);
  }

  private static String first(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), regex);
    return m.group(1);
  }
}
