package org.thememiner.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.DocumentedCommands;
import org.thememiner.ProcessRun;

/** The README's {@code eval} command as written, through the launcher, without its optional part in brackets. */
class ReadmeEvalTest {
  private static final String HEADING = "### Checking the themes against an author's own themes";
  private static final String OPTIONAL = " [--coherence-corpus ../shared/corpus/jats]";

  @TempDir Path work;

  @Test
  void theReadmeEvalCommandScoresTullyAgainstItsAuthorsThemes() throws Exception {
    List<String> commands = DocumentedCommands.of(Path.of("README.md"), HEADING);
    assertEquals(1, commands.size(), commands.toString());
    assertTrue(commands.get(0).contains(OPTIONAL), commands.get(0));
    String command = commands.get(0).replace(OPTIONAL, "");
    Path log = work.resolve("eval.log");
    ProcessRun eval = ProcessRun.of(new ProcessBuilder("bash", "-c", command), log, Duration.ofMinutes(15));
    String out = eval.output();
    assertEquals(0, eval.exitCode(), out);
    // 77: Tully's Results sentences, its quotes' attributions ("(Centre A, R4).") joined to the quotes they close.
    assertTrue(out.contains("eval      77 gold sentences under 7 author themes; every method clusters into k = 7"), out);
    assertTrue(out.lines().anyMatch(l -> l.startsWith("examples-only-logistic-3 ")), out);
    assertTrue(Files.readString(Path.of("runs/eval/eval.json")).contains("\"examples-logistic-3\""), "eval.json in runs/eval");
  }
}
