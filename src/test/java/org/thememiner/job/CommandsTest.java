package org.thememiner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.DocumentedCommands;
import org.thememiner.ProcessRun;
import org.thememiner.job.spec.JobConfig;
import org.thememiner.job.spec.JobConfigLoader;
import org.thememiner.report.export.RunFixture;
import picocli.CommandLine;

/** {@code validate}, {@code export} and {@code --set}: the README's commands as written, and what they check. */
class CommandsTest {
  private static final String README_HEADING = "### Checking a run before it starts, and exporting one that finished";
  private static final String README_RUN = "--run runs/example";

  @TempDir Path work;

  /** A command run in this JVM: its exit code and what it printed on stdout and stderr. */
  private record Outcome(int code, String out) {}

  private static Outcome execute(String... args) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    PrintStream both = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    System.setOut(both);
    System.setErr(both);
    try {
      return new Outcome(Main.commandLine().execute(args), buffer.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
  }

  private static Outcome bash(String command, Path log) throws Exception {
    ProcessRun r = ProcessRun.of(new ProcessBuilder("bash", "-c", command), log, Duration.ofMinutes(10));
    return new Outcome(r.exitCode(), r.output());
  }

  @Test
  void theReadmeCommandsValidateAJobAndExportAFinishedRun() throws Exception {
    List<String> commands = DocumentedCommands.of(Path.of("README.md"), README_HEADING);
    assertEquals(2, commands.size(), commands.toString());
    Outcome valid = bash(commands.get(0), work.resolve("validate.log"));
    assertEquals(ExitCode.OK, valid.code(), valid.out());
    assertTrue(valid.out().contains("valid     job example: 5 inputs (1 jats, 4 pdf), 2 construct set(s)"), valid.out());

    assertTrue(commands.get(1).contains(README_RUN), commands.get(1));
    Path run = RunFixture.copyTo(work);
    Outcome exported = bash(commands.get(1).replace(README_RUN, "--run " + run), work.resolve("export.log"));
    assertEquals(ExitCode.OK, exported.code(), exported.out());
    assertTrue(Files.isRegularFile(run.resolve("export/project.qdpx")), exported.out());
    assertTrue(Files.isRegularFile(run.resolve("export/themes.csv")), exported.out());
  }

  @Test
  void theReadmeCommandImportsACodebookAsAConstructSet() throws Exception {
    List<String> commands = DocumentedCommands.of(Path.of("README.md"), "### A codebook from your QDA software");
    assertEquals(1, commands.size(), commands.toString());
    String documented = commands.get(0);
    assertTrue(documented.contains(" my-codebook.qdc ") && documented.endsWith("--out models/constructs/my-codebook.yaml"), documented);
    Path qdc = Files.copy(org.thememiner.report.export.QdpxExport.writeCodebook(RunFixture.copyTo(work)), work.resolve("my-codebook.qdc"));
    Path yaml = work.resolve("constructs/my-codebook.yaml");
    Outcome imported = bash(documented.replace(" my-codebook.qdc ", " " + qdc + " ")
        .replace("--out models/constructs/my-codebook.yaml", "--out " + yaml), work.resolve("import.log"));
    assertEquals(ExitCode.OK, imported.code(), imported.out());
    assertEquals("my-codebook", org.thememiner.compare.ConstructSets.load(yaml).id());
    assertTrue(org.thememiner.compare.ConstructSets.load(yaml).constructs().stream().anyMatch(c -> c.name().equals("Continuity of care")),
        Files.readString(yaml));

    Outcome misnamed = execute("constructs", "import", qdc.toString(), "--id", "my-codebook", "--out", work.resolve("other.yaml").toString());
    assertEquals(ExitCode.CONFIG, misnamed.code(), misnamed.out());
    assertTrue(misnamed.out().contains("my-codebook.yaml"), misnamed.out());
  }

  @Test
  void validateChangesNothingAndNamesWhatIsWrong() {
    Path out = work.resolve("never-made");
    Outcome ok = execute("validate", "--job", "jobs/example.yaml", "--out", out.toString());
    assertEquals(ExitCode.OK, ok.code(), ok.out());
    assertFalse(Files.exists(out), "validate makes no output folder");

    Outcome missing = execute("validate", "--job", "jobs/example.yaml", "--out", out.toString(),
        "--constructs", "models/constructs/no-such-set.yaml");
    assertEquals(ExitCode.CONFIG, missing.code(), missing.out());
    assertTrue(missing.out().contains("no-such-set.yaml"), missing.out());

    Outcome unknown = execute("validate", "--job", "jobs/example.yaml", "--out", out.toString(), "--set", "themes.kk=3");
    assertEquals(ExitCode.CONFIG, unknown.code(), unknown.out());
    assertTrue(unknown.out().contains("themes.kk"), unknown.out());

    Outcome malformed = execute("validate", "--job", "jobs/example.yaml", "--set", "themes.k");
    assertEquals(ExitCode.CONFIG, malformed.code(), malformed.out());
    assertTrue(malformed.out().contains("KEY=VALUE"), malformed.out());
  }

  @Test
  void setReachesAnySettingAndNamedFlagsWinOverIt() throws Exception {
    CommandLine cl = Main.commandLine();
    cl.parseArgs("run", "--job", "jobs/example.yaml", "--set", "themes.representation=embedding", "--set", "themes.k=5",
        "--themes", "7", "--set", "compare.matchThreshold=0.3", "--set", "extract.maxChars=1000", "--set", "input=[a, b]");
    Main.Run run = cl.getSubcommands().get("run").getCommand();
    JobConfig config = JobConfigLoader.load(Path.of("jobs/example.yaml"), run.runOverrides());
    assertEquals("embedding", config.themes().representation(), "--set beside a flag on the same block stays");
    assertEquals(7, config.themes().k(), "--themes wins over --set themes.k");
    assertEquals(0.3, config.compare().matchThreshold());
    assertEquals(1000, config.extract().maxChars());
    assertEquals(List.of("a", "b"), config.input(), "a list value is read as in a job spec");
  }

  @Test
  void exportNamesAFolderThatIsNoRunAndAnUnknownFormat() throws Exception {
    Outcome notRun = execute("export", "--run", work.toString(), "--format", "csv");
    assertEquals(ExitCode.CONFIG, notRun.code(), notRun.out());
    assertTrue(notRun.out().contains("is not a run folder"), notRun.out());
    Path run = RunFixture.copyTo(work);
    Outcome unknown = execute("export", "--run", run.toString(), "--format", "nvivo");
    assertEquals(ExitCode.CONFIG, unknown.code(), unknown.out());
    assertTrue(unknown.out().contains("--format must be one of [qdpx, qdc, csv]"), unknown.out());
    assertFalse(Files.exists(run.resolve("export")), "nothing written");
  }
}
