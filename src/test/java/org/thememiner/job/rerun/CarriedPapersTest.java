package org.thememiner.job.rerun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.ingest.Paper;
import org.thememiner.report.Json;

/** papers.jsonl from carried lines and the run's other papers: one file in id order. */
class CarriedPapersTest {
  @TempDir Path work;

  private static Paper paper(String id) {
    return new Paper(id, "/in/" + id + ".xml", "sha-" + id, "jats", "Title " + id, List.of(), 2020, null, null,
        List.of(), List.of(), List.of(), List.of());
  }

  private Path previous(String... ids) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (String id : ids) lines.append(Json.MAPPER.writeValueAsString(paper(id))).append('\n');
    return Files.writeString(work.resolve("papers.jsonl"), lines);
  }

  @Test
  void carriedLinesAreCopiedAsTheyAre_betweenTheOtherPapersInIdOrder() throws IOException {
    Path file = previous("a", "b", "c", "e");
    List<String> before = Files.readAllLines(file);
    StringWriter out = new StringWriter();
    List<String> written = new ArrayList<>();
    new CarriedPapers(file, Set.of("a", "c", "e")).write(List.of(paper("b2"), paper("d"), paper("f")).iterator(), out,
        p -> written.add(p.id()));
    List<String> lines = out.toString().lines().toList();
    assertEquals(List.of("a", "b2", "c", "d", "e", "f"), written);
    assertEquals(before.get(0), lines.get(0));
    assertEquals(before.get(2), lines.get(2));
    assertEquals(before.get(3), lines.get(4));
    assertEquals(Json.MAPPER.writeValueAsString(paper("d")), lines.get(3));
  }

  @Test
  void aCarriedLineThatIsGoneIsAnError() throws IOException {
    Path file = previous("a", "c");
    IOException e = assertThrows(IOException.class, () -> new CarriedPapers(file, Set.of("a", "e"))
        .write(List.of(paper("b")).iterator(), new StringWriter(), p -> {}));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void withoutAPreviousRunItWritesTheOthers() throws IOException {
    StringWriter out = new StringWriter();
    CarriedPapers.NONE.write(List.of(paper("a"), paper("b")).iterator(), out, p -> {});
    assertEquals(2, out.toString().lines().count());
  }
}
