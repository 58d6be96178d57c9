package org.thememiner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.thememiner.ProcessRun;
import org.thememiner.report.Drift;
import org.thememiner.report.Json;
import org.thememiner.report.RunLayout;
import org.thememiner.themes.Theme;

/**
 * What a methodologist opens after a run, opened for real: report.html in Debian's headless Chromium, and the
 * notebooks executed headless against the run's exports. The Debian packages are installed when missing.
 */
class RunViewersTest {
  private static final Path ARTEFACTS = Path.of("target", "test-artefacts");

  private static ProcessRun exec(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
    Path log = Files.createTempFile("thememiner-exec", ".log");
    try {
      return ProcessRun.of(new ProcessBuilder(command), log, Duration.ofSeconds(timeoutSeconds));
    } finally {
      Files.delete(log);
    }
  }

  /** Installs the packages unless the shell command {@code present} succeeds already. */
  private static void ensureDebianPackage(String present, String... packages) throws Exception {
    if (exec(List.of("sh", "-c", present), 60).exitCode() == 0) return;
    List<String> install = new ArrayList<>(List.of("sh", "-c",
        "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "
            + String.join(" ", packages)));
    ProcessRun o = exec(install, 900);
    assertEquals(0, o.exitCode(), "installing " + String.join(" ", packages) + ":\n" + o.output());
  }

  @Test
  void theReportRendersInChromiumWithoutConsoleErrors() throws Exception {
    Path out = EndToEndRun.get().out();
    ensureDebianPackage("command -v chromium", "chromium");
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
    ProcessRun shot = exec(shoot, 120);
    assertEquals(0, shot.exitCode(), shot.output());
    assertTrue(Files.size(screenshot) > 10_000, "a screenshot of a non-empty page was kept at " + screenshot);
    List<String> console = shot.output().lines().filter(l -> l.contains(":CONSOLE")).toList();
    assertEquals(List.of(), console, "the page writes nothing to the console");

    List<String> dump = new ArrayList<>(chromium);
    dump.addAll(List.of("--dump-dom", url));
    ProcessRun dom = exec(dump, 120);
    assertEquals(0, dom.exitCode(), dom.output());
    assertTrue(dom.output().contains("class=\"theme\""), "theme cards are in the rendered page");
    assertTrue(dom.output().contains("<svg"), "charts are in the rendered page");
    assertTrue(dom.output().contains("role=\"img\"") && dom.output().contains("<desc id="), "every chart has a text alternative");
    assertTrue(dom.output().contains("<h3>Themes by publication year</h3>"), "themes by year");
    assertTrue(dom.output().contains("tabindex=\"0\" aria-sort=\"none\""),
        "sortable headings can be reached with Tab and say they are not sorted");

    // A keyboard walk: the first sortable heading focused and sorted with Enter, then reversed with Space; then the
    // first filter box of papers keeps the one paper it names, and that of the theme x construct heatmap one theme.
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
        var shown = function (box, text) {
          box.value = text;
          box.dispatchEvent(new Event("input"));
          return Array.from(box.nextElementSibling.querySelector("tbody").rows).filter(function (r) { return !r.hidden; }).length;
        };
        states.push("shown " + shown(document.querySelector('input.filter[aria-label$="by paper"]'), "tully"));
        states.push("themes shown " + shown(document.querySelector('input.filter[aria-label$="by theme"]'), "T1 "));
        document.body.setAttribute("data-walk", states.join(","));
        </script></body>"""));
    List<String> walkDump = new ArrayList<>(chromium);
    walkDump.addAll(List.of("--dump-dom", walk.toUri().toString()));
    ProcessRun walked = exec(walkDump, 120);
    assertTrue(walked.output().contains("data-walk=\"focused,ascending,descending,shown 1,themes shown 1\""), walked.output().lines()
        .filter(l -> l.contains("data-walk")).findFirst().orElse("no data-walk in the page"));
  }

  @Test
  void theDriftNotebookMatchesThemesAsTheReportDoes() throws Exception {
    Path before = EndToEndRun.get().out();
    ensureDebianPackage("/usr/bin/python3 -c 'import pandas, scipy'", "python3-pandas", "python3-scipy");
    // A later run as it might come out: one theme gone, one grown, a paper removed and one added.
    Path now = Files.createDirectories(Files.createTempDirectory("thememiner-drift").resolve("now"));
    for (Path dir : List.of(before, before.resolve(RunLayout.EXPORT))) {
      Path into = Files.createDirectories(now.resolve(before.relativize(dir)));
      try (var files = Files.list(dir)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) Files.copy(f, into.resolve(f.getFileName()));
      }
    }
    ArrayNode themes = (ArrayNode) Json.MAPPER.readTree(before.resolve(RunLayout.THEMES).toFile());
    themes.remove(0);
    ((ObjectNode) themes.get(0)).put("size", themes.get(0).get("size").asLong() * 3);
    Files.writeString(now.resolve(RunLayout.THEMES), Json.MAPPER.writeValueAsString(themes));
    List<String> papers = new ArrayList<>(Files.readAllLines(before.resolve(RunLayout.PAPERS)));
    papers.remove(0);
    papers.add("{\"id\":\"a-new-paper\"}");
    Files.write(now.resolve(RunLayout.PAPERS), papers);

    JsonNode previousRun = Json.MAPPER.readTree(before.resolve(RunLayout.RUN_INFO).toFile());
    Drift report = Drift.between(previousRun.get("startedAt").asText(), themesOf(before), idsOf(before), themesOf(now), idsOf(now));
    ProcessRun python = exec(List.of("/usr/bin/python3", "-c", "import json, sys; sys.path.insert(0, 'notebooks');"
        + " import runfolders as rf; print(json.dumps(rf.drift(sys.argv[1], sys.argv[2])))", now.toString(), before.toString()), 120);
    assertEquals(0, python.exitCode(), python.output());
    JsonNode notebook = Json.MAPPER.readTree(python.output().lines().reduce((a, b) -> b).orElseThrow());
    JsonNode expected = Json.MAPPER.valueToTree(report);
    for (String field : List.of("previousRun", "newThemes", "vanishedThemes", "papersAdded", "papersRemoved")) {
      assertEquals(expected.get(field), notebook.get(field), field);
    }
    assertEquals(expected.get("matched").size(), notebook.get("matched").size(), notebook.toString());
    for (int i = 0; i < expected.get("matched").size(); i++) {
      JsonNode e = expected.get("matched").get(i);
      JsonNode n = notebook.get("matched").get(i);
      for (String field : List.of("previousId", "currentId", "change")) assertEquals(e.get(field), n.get(field), field + " of " + n);
      assertEquals(e.get("similarity").asDouble(), n.get("similarity").asDouble(), 1e-9);
    }
    assertTrue(notebook.get("matched").toString().contains("\"grew\""), "the grown theme is seen as grown: " + notebook);
    ProcessRun notebooks = exec(List.of("bash", ".ci/notebooks", now.toString(), before.toString()), 1200);
    assertEquals(0, notebooks.exitCode(), "the drift notebook runs on the two runs: " + notebooks.output());
  }

  private static List<Theme> themesOf(Path run) throws IOException {
    return Json.MAPPER.readValue(run.resolve(RunLayout.THEMES).toFile(), new TypeReference<List<Theme>>() {});
  }

  private static Set<String> idsOf(Path run) throws IOException {
    Set<String> ids = new HashSet<>();
    for (String line : Files.readAllLines(run.resolve(RunLayout.PAPERS))) ids.add(Json.MAPPER.readTree(line).get("id").asText());
    return ids;
  }

  @Test
  void theNotebooksRunHeadlessAgainstTheRun() throws Exception {
    Path out = EndToEndRun.get().out();
    ProcessRun o = exec(List.of("bash", ".ci/notebooks", out.toString()), 1200);
    assertEquals(0, o.exitCode(), o.output());
  }
}
