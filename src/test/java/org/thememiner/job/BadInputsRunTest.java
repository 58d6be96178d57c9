package org.thememiner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.ProcessRun;
import org.thememiner.TestData;
import org.thememiner.report.Json;

/**
 * The job as the launcher runs it (a child JVM with the launcher's default heap, {@link ChildJvm}) on a folder where
 * a 50 MB single-line text, random bytes named .txt and a Spanish interview lie beside good papers (one of them
 * with a Spanish section): each bad file is named in errors.jsonl with its reason, the good papers get their themes
 * without the Spanish section, and the run ends with exit code 3.
 */
class BadInputsRunTest {
  @TempDir Path work;

  @Test
  void aHugeTextAndRandomBytesAreNamedAndTheGoodPapersGetTheirThemes() throws Exception {
    Path in = Files.createDirectories(work.resolve("in"));
    Files.copy(TestData.pdf("tully-2010-heart-failure-programmes.pdf"), in.resolve("tully-2010.pdf"));
    Files.copy(TestData.jats("journal.pone.0116586.xml"), in.resolve("journal.pone.0116586.xml"));
    Path huge = in.resolve("huge.txt");
    Random random = new Random(11);
    try (BufferedWriter w = Files.newBufferedWriter(huge, StandardCharsets.UTF_8)) {
      while (Files.size(huge) < 50L * 1024 * 1024) {
        for (int i = 0; i < 100_000; i++) w.write("word" + random.nextInt(5_000) + ' ');
        w.flush();
      }
    }
    byte[] noise = new byte[800_000];
    random.nextBytes(noise);
    Path noiseFile = Files.write(in.resolve("noise.txt"), noise);
    String spanish = "Los pacientes describieron la espera como la parte más difícil del tratamiento. Muchos de ellos "
        + "no sabían a quién llamar cuando se sentían mal, y algunos dijeron que las enfermeras no tenían tiempo para "
        + "explicar los medicamentos.\n\n";
    Path interview = Files.writeString(in.resolve("entrevista.txt"), spanish.repeat(3), StandardCharsets.UTF_8);
    String english = "Participants described waiting as the hardest part of the treatment. Many of them did not know "
        + "whom to call when they felt unwell, and some said that the nurses had no time to explain the medicines.\n\n";
    Files.writeString(in.resolve("notes.md"), "# Findings\n\n" + english.repeat(3) + "# Resumen\n\n" + spanish.repeat(3),
        StandardCharsets.UTF_8);

    Path out = work.resolve("out");
    // Three themes, no stability refits: keeps it short.
    Path spec = Files.writeString(work.resolve("job.yaml"), "input: [" + in + "]\nout: " + out
        + "\nthemes: {k: 3, stabilitySeeds: 0}\n");
    Path log = work.resolve("run.log");
    long start = System.nanoTime();
    ProcessRun run = ProcessRun.of(ChildJvm.thememiner("run", "--job", spec.toString(), "--master", "local[2]"), log,
        Duration.ofMinutes(10));
    String console = run.output();
    assertEquals(ExitCode.PARTIAL, run.exitCode(), console);
    System.out.printf("BadInputsRunTest: the run took %.0f s%n", (System.nanoTime() - start) / 1e9);

    Map<String, JsonNode> errors = Files.readAllLines(out.resolve("errors.jsonl")).stream().map(BadInputsRunTest::json)
        .collect(Collectors.toMap(e -> e.get("path").asText(), Function.identity()));
    assertEquals(3, errors.size(), "the three bad files and no other: " + errors.keySet());
    JsonNode hugeError = errors.get(huge.toString());
    assertEquals("extract", hugeError.get("stage").asText());
    assertEquals("huge", hugeError.get("paperId").asText());
    assertTrue(hugeError.get("reason").asText().matches("text is \\d{8} characters, over the limit of 2000000 "
        + "characters \\(extract.maxChars\\)"), hugeError.toString());
    JsonNode noiseError = errors.get(noiseFile.toString());
    assertEquals("extract", noiseError.get("stage").asText());
    assertTrue(noiseError.get("reason").asText().startsWith("not text: "), noiseError.toString());
    JsonNode languageError = errors.get(interview.toString());
    assertEquals("extract", languageError.get("stage").asText());
    assertEquals("not in English: the text reads as Spanish; thememiner's annotation and sentence embeddings read "
        + "English only", languageError.get("reason").asText());

    List<String> papers = Files.readAllLines(out.resolve("papers.jsonl")).stream()
        .map(l -> json(l).get("id").asText()).sorted().toList();
    assertEquals(List.of("journal-pone-0116586", "notes", "tully-2010"), papers);
    JsonNode themes = Json.MAPPER.readTree(out.resolve("themes.json").toFile());
    assertEquals(3, themes.size(), "themes of the good papers");
    List<String> assigned = Files.readAllLines(out.resolve("assignments.csv")).stream().skip(1)
        .map(l -> l.substring(0, l.indexOf(','))).distinct().sorted().toList();
    assertEquals(List.of("journal-pone-0116586", "notes", "tully-2010"), assigned, "the good papers' sentences are assigned");
    String report = Files.readString(out.resolve("report.html"));
    assertTrue(report.contains("huge.txt") && report.contains("noise.txt") && report.contains("entrevista.txt"),
        "the report lists the failures");
    assertTrue(report.contains("1 section in Spanish left out (thememiner reads English): Resumen"),
        "the report says what was left out of a paper");
    assertFalse(report.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t'), "no control characters in the report");
  }

  private static JsonNode json(String line) {
    try {
      return Json.MAPPER.readTree(line);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
