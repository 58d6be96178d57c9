package org.thememiner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.TestData;

/** Bad arguments stop the job before any work, with exit code 2 and one line naming the problem. */
class FailFastTest {
  @TempDir Path dir;

  private String runExpectingConfigError(ObjectNode flags) {
    PrintStream err = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      assertEquals(ExitCode.CONFIG, Main.execute(null, flags, false, false));
    } finally {
      System.setErr(err);
    }
    String message = buffer.toString(StandardCharsets.UTF_8).strip();
    assertEquals(1, message.lines().count(), "one line: " + message);
    return message;
  }

  private ObjectNode flags(String constructs) {
    ObjectNode f = JsonNodeFactory.instance.objectNode();
    f.putArray("input").add(TestData.pdf("tully-2010-heart-failure-programmes.pdf").toString());
    f.put("out", dir.resolve("out").toString());
    f.putArray("constructs").add(constructs);
    return f;
  }

  @Test
  void aMissingConstructFileIsNamed() {
    String m = runExpectingConfigError(flags(dir.resolve("nope.yaml").toString()));
    assertTrue(m.contains("nope.yaml"), m);
  }

  @Test
  void anInvalidConstructFileNamesTheFileAndTheField() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "id: bad\nname: Bad\ncitation: x\nconstructs:\n  - id: a\n    description: no name\n    keywords: [x]\n");
    String m = runExpectingConfigError(flags(bad.toString()));
    assertTrue(m.contains("bad.yaml") && m.contains("name"), m);
    assertTrue(Files.notExists(dir.resolve("out").resolve("papers.jsonl")), "no work was done");
  }

  @Test
  void aMissingInputIsNamed() {
    ObjectNode f = flags("models/constructs/tully-2010.yaml");
    f.putArray("input").add(dir.resolve("no-such-folder").toString());
    String m = runExpectingConfigError(f);
    assertTrue(m.contains("no-such-folder"), m);
  }

  @Test
  void codedExamplesWithAnUnknownConstructAreNamedBeforeAnyWork() throws Exception {
    Path examples = Files.writeString(dir.resolve("coded.tsv"), "construct_id\ttext\nmaintenance\tI walk.\nno-such\tText.\n");
    ObjectNode f = flags("models/constructs/tully-2010.yaml");
    f.putArray("codedExamples").add("tully-2010=" + examples);
    String m = runExpectingConfigError(f);
    assertTrue(m.contains("coded.tsv") && m.contains("line 3") && m.contains("no-such"), m);
    assertTrue(Files.notExists(dir.resolve("out").resolve("papers.jsonl")), "no work was done");
  }

  @Test
  void codedExamplesForASetTheJobDoesNotHaveAreNamed() throws Exception {
    Path examples = Files.writeString(dir.resolve("coded.tsv"), "construct_id\ttext\nmaintenance\tI walk.\n");
    ObjectNode f = flags("models/constructs/tully-2010.yaml");
    f.putArray("codedExamples").add("maclellan-2015=" + examples);
    String m = runExpectingConfigError(f);
    assertTrue(m.contains("maclellan-2015") && m.contains("--coded-examples"), m);
  }
}
