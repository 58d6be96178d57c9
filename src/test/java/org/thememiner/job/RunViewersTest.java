package org.thememiner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a methodologist opens after a run, opened for real: report.html in Debian's headless Chromium, and the
 * notebooks executed headless against the run's exports. The Debian packages are installed when missing.
 */
class RunViewersTest {
  private static final Path ARTEFACTS = Path.of("target", "test-artefacts");

  private record Outcome(int exitCode, String output) {}

  private static Outcome exec(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
    Path log = Files.createTempFile("thememiner-exec", ".log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    return new Outcome(p.exitValue(), output);
  }

  private static void ensureDebianPackage(String command, String... packages) throws Exception {
    if (exec(List.of("sh", "-c", "command -v " + command), 10).exitCode() == 0) return;
    List<String> install = new ArrayList<>(List.of("sh", "-c",
        "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "
            + String.join(" ", packages)));
    Outcome o = exec(install, 900);
    assertEquals(0, o.exitCode(), "installing " + String.join(" ", packages) + ":\n" + o.output());
  }

  @Test
  void theReportRendersInChromiumWithoutConsoleErrors() throws Exception {
    Path out = EndToEndRun.get().out();
    ensureDebianPackage("chromium", "chromium");
    Files.createDirectories(ARTEFACTS);
    Path screenshot = ARTEFACTS.resolve("report.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);
    Path profile = Files.createTempDirectory("thememiner-chromium");
    // The flags keep Chromium off the network (this machine has none) and out of the user's profile.
    List<String> chromium = List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--window-size=1280,2400");
    String url = out.resolve("report.html").toUri().toString();

    List<String> shoot = new ArrayList<>(chromium);
    shoot.addAll(List.of("--screenshot=" + screenshot, url));
    Outcome shot = exec(shoot, 120);
    assertEquals(0, shot.exitCode(), shot.output());
    assertTrue(Files.size(screenshot) > 10_000, "a screenshot of a non-empty page was kept at " + screenshot);
    List<String> console = shot.output().lines().filter(l -> l.contains(":CONSOLE")).toList();
    assertEquals(List.of(), console, "the page writes nothing to the console");

    List<String> dump = new ArrayList<>(chromium);
    dump.addAll(List.of("--dump-dom", url));
    Outcome dom = exec(dump, 120);
    assertEquals(0, dom.exitCode(), dom.output());
    assertTrue(dom.output().contains("class=\"theme\""), "theme cards are in the rendered page");
    assertTrue(dom.output().contains("<svg"), "charts are in the rendered page");
    assertTrue(dom.output().contains("role=\"img\"") && dom.output().contains("<desc id="), "every chart has a text alternative");
    assertTrue(dom.output().contains("<h3>Themes by publication year</h3>"), "themes by year");
    assertTrue(dom.output().contains("tabindex=\"0\" aria-sort=\"none\""),
        "sortable headings can be reached with Tab and say they are not sorted");

    // A keyboard walk: the first sortable heading focused and sorted with Enter, then reversed with Space; then the
    // first filter box keeps the one paper it names.
    Path walk = out.resolve("report-keyboard-walk.html");
    Files.writeString(walk, Files.readString(out.resolve("report.html")).replace("</body>", """
        <script>
        var th = document.querySelector("table.sortable thead th");
        th.focus();
        var states = [document.activeElement === th ? "focused" : "not focused"];
        th.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true}));
        states.push(th.getAttribute("aria-sort"));
        th.dispatchEvent(new KeyboardEvent("keydown", {key: " ", bubbles: true}));
        states.push(th.getAttribute("aria-sort"));
        var box = document.querySelector("input.filter");
        box.value = "tully";
        box.dispatchEvent(new Event("input"));
        states.push("shown " + Array.from(box.nextElementSibling.querySelector("tbody").rows).filter(function (r) { return !r.hidden; }).length);
        document.body.setAttribute("data-walk", states.join(","));
        </script></body>"""));
    List<String> walkDump = new ArrayList<>(chromium);
    walkDump.addAll(List.of("--dump-dom", walk.toUri().toString()));
    Outcome walked = exec(walkDump, 120);
    assertTrue(walked.output().contains("data-walk=\"focused,ascending,descending,shown 1\""), walked.output().lines()
        .filter(l -> l.contains("data-walk")).findFirst().orElse("no data-walk in the page"));
  }

  @Test
  void theNotebooksRunHeadlessAgainstTheRun() throws Exception {
    Path out = EndToEndRun.get().out();
    Outcome o = exec(List.of("bash", ".ci/notebooks", out.toString()), 1200);
    assertEquals(0, o.exitCode(), o.output());
  }
}
