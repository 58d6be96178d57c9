package org.thememiner.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coded examples are checked against their construct set before any work; each error names the file and line. */
class CodedExamplesTest {
  private static final ConstructSet TULLY = ConstructSets.load(Path.of("models/constructs/tully-2010.yaml"));
  @TempDir Path dir;

  private Path tsv(String content) throws Exception {
    return Files.writeString(dir.resolve("examples.tsv"), content);
  }

  private String error(String content) throws Exception {
    Path file = tsv(content);
    String m = assertThrows(InvalidGoldCodingException.class, () -> CodedExamples.load(file, TULLY)).getMessage();
    assertTrue(m.contains(file.toString()), m);
    return m;
  }

  @Test
  void readsTheExamplesInFileOrderIgnoringOtherColumns() throws Exception {
    CodedExamples e = CodedExamples.load(tsv("""
        note\tconstruct_id\ttext
        a\tmaintenance\tAfter the course I stopped walking.
        b\timprovements\tThe gym was far too small for all of us.

        c\tmaintenance\tI keep up my exercises at home.
        """), TULLY);
    assertEquals("tully-2010", e.setId());
    assertEquals(3, e.examples().size());
    assertEquals(new CodedExamples.Example("improvements", "The gym was far too small for all of us."), e.examples().get(1));
  }

  @Test
  void anUnknownConstructIsNamedWithItsLine() throws Exception {
    String m = error("construct_id\ttext\nmaintenance\tI walk.\nmotivation\tI could not be bothered.\n");
    assertTrue(m.contains("line 3") && m.contains("'motivation'") && m.contains("tully-2010"), m);
  }

  @Test
  void anEmptyFileAMissingColumnAnEmptyTextAndASingleConstructAreErrors() throws Exception {
    assertTrue(error("").contains("empty"));
    assertTrue(error("construct_id\ttext\n").contains("no coded example"));
    assertTrue(error("construct_id\tsentence\nmaintenance\tI walk.\n").contains("no column text"));
    assertTrue(error("construct_id\ttext\nmaintenance\t \nimprovements\tMore room.\n").contains("line 2"));
    assertTrue(error("construct_id\ttext\nmaintenance\tI walk.\nmaintenance\tI swim.\n").contains("at least two"));
  }
}
