package org.thememiner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thememiner.report.Json;
import org.thememiner.report.RunLayout;
import org.thememiner.report.SchemasTest;

/** A whole run's themes.json, comparison.json and run.json hold for their published schemas (docs/schemas). */
class OutputSchemasTest {
  @Test
  void theRunsOutputsHoldForTheirSchemas() throws Exception {
    Path out = EndToEndRun.get().out();
    for (String[] file : List.of(new String[] {RunLayout.THEMES, "themes.schema.json"},
        new String[] {RunLayout.COMPARISON, "comparison.schema.json"}, new String[] {RunLayout.RUN_INFO, "run.schema.json"})) {
      assertEquals(List.of(), SchemasTest.errors(SchemasTest.schema(file[1]), Json.MAPPER.readTree(out.resolve(file[0]).toFile())),
          file[0]);
    }
  }
}
