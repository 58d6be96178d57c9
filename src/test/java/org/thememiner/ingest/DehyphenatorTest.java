package org.thememiner.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DehyphenatorTest {

  private static String join(List<String> document, String first, String second) {
    StringBuilder text = new StringBuilder(first);
    new Dehyphenator(document).appendLine(text, second);
    return text.toString();
  }

  @Test
  void syllableBreaksAreJoinedAndCompoundsKept() {
    List<String> document = List.of("a therapeutic alliance", "low self-esteem was common");
    assertEquals("the therapeutic", join(document, "the therap-", "eutic"));
    assertEquals("their self-esteem", join(document, "their self-", "esteem"));
  }

  @Test
  void withoutEvidenceTheFirstPartDecides() {
    List<String> nothing = List.of();
    assertEquals("a well-being", join(nothing, "a well-", "being"));
    assertEquals("co-facilitated", join(nothing, "co-", "facilitated"));
    assertEquals("rehabilitation", join(nothing, "rehabil-", "itation"));
    assertEquals("by following", join(nothing, "by follow-", "ing"));
    assertEquals("Agyeman-Duah", join(nothing, "Agyeman-", "Duah"));
    assertEquals("1995-2000", join(nothing, "1995-", "2000"));
  }

  @Test
  void aHyphenatedFormElsewhereKeepsTheHyphen() {
    assertEquals("low-molecular-weight", join(List.of("low-molecular-weight heparin"), "low-molecular-", "weight"));
  }
}
