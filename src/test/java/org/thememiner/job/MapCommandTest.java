package org.thememiner.job;

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

/** The README's {@code thememiner map} command, run through the launcher as written (only the output folder differs). */
class MapCommandTest {
  static final String README_OUT = "--out runs/map-maclellan";

  @TempDir Path work;

  @Test
  void theReadmeCommandMapsMacLellansStudyTableOntoItsConstructs() throws Exception {
    List<String> commands = DocumentedCommands.of(Path.of("README.md"), "### Mapping a study table you already have");
    assertEquals(1, commands.size(), commands.toString());
    assertTrue(commands.get(0).startsWith("jobs/thememiner map ") && commands.get(0).endsWith(README_OUT), commands.get(0));
    Path out = work.resolve("map");
    Path log = work.resolve("map.log");
    ProcessRun map = ProcessRun.of(new ProcessBuilder("bash", "-c", commands.get(0).replace(README_OUT, "--out " + out)), log,
        Duration.ofMinutes(10));
    assertEquals(ExitCode.OK, map.exitCode(), map.output());

    List<String> csv = Files.readAllLines(out.resolve("author_themes.csv"));
    assertEquals("study,author_theme,construct_id,similarity", csv.get(0));
    assertEquals(119, csv.size(), "one row per author theme");
    assertTrue(csv.stream().skip(1).allMatch(l -> l.contains(",maclellan-2015:reframing-identity,")
        || l.contains(",maclellan-2015:therapeutic-use-of-self,")), "every theme mapped to one of the two constructs");
    assertTrue(csv.stream().anyMatch(l -> l.startsWith("Barg et al 2011 [18],belonging,maclellan-2015:reframing-identity,")),
        "a theme its construct names outright: " + csv);
    var translations = org.thememiner.report.Json.MAPPER.readTree(out.resolve("translations.json").toFile());
    int cited = 0;
    for (var g : translations.get("groups")) cited += g.get("themes").size();
    assertEquals(118, cited, "translations.json: every author theme in one group");
    assertTrue(translations.get("sets").get(0).get("groups").asInt() > 0, "groups across studies: " + translations.get("sets"));
  }
}
