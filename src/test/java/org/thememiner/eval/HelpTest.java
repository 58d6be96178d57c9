package org.thememiner.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code jobs/thememiner --help} reads cleanly: no warning, and each command's summary a whole sentence. */
class HelpTest {
  @Test
  void theHelpListsEveryCommandWithAWholeSentenceAndNoWarning() {
    StringWriter usage = new StringWriter();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      CommandLine cl = LocalMain.commandLine();
      cl.setOut(new PrintWriter(usage));
      assertEquals(0, cl.execute("--help"));
    } finally {
      System.setErr(stderr);
    }
    String text = usage.toString();
    assertEquals("", err.toString(StandardCharsets.UTF_8), "nothing on stderr, no picocli warning");
    List<String> commands = text.substring(text.indexOf("Commands:"), text.indexOf("Exit codes:")).lines().skip(1)
        .filter(l -> !l.isBlank()).toList();
    assertEquals(List.of("run", "extract", "rerun", "map", "validate", "export", "constructs", "eval", "bench"),
        commands.stream().map(l -> l.strip().split("\\s+")[0]).toList(), text);
    for (String line : commands) assertTrue(line.strip().endsWith("."), "a whole sentence: " + line);
  }
}
