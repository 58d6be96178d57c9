package org.thememiner.report.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExportTest {
  @TempDir Path tmp;

  @Test
  void writesTheFourTablesWithTheirHeaders() throws Exception {
    Path run = RunFixture.copyTo(tmp);
    List<Path> files = CsvExport.write(run);

    Path export = run.resolve("export");
    assertEquals(List.of(export.resolve("themes.csv"), export.resolve("theme_papers.csv"), export.resolve("comparison.csv"),
        export.resolve("constructs.csv")), files);
    assertEquals(List.of("id", "label", "size", "papers", "keywords"), header(files.get(0)));
    assertEquals(List.of("theme_id", "paper_id", "share"), header(files.get(1)));
    assertEquals(List.of("set_id", "theme_id", "construct_id", "similarity"), header(files.get(2)));
    assertEquals(List.of("set_id", "construct_id", "name", "best_theme", "similarity", "supported"), header(files.get(3)));
  }

  @Test
  void quotesFieldsAsRfc4180Requires() throws Exception {
    Path run = RunFixture.copyTo(tmp);
    CsvExport.write(run);

    String themes = Files.readString(run.resolve("export/themes.csv"));
    assertTrue(themes.startsWith("id,label,size,papers,keywords\r\n"
        + "0,\"continuity, \"\"trust\"\", nurse\",4,1,continuity; trust; nurse\r\n"), themes);
    assertTrue(themes.endsWith("\r\n") && !themes.replace("\r\n", "").contains("\n"), "every line ends with CRLF");
    List<CsvRecords.CsvRecord> constructs = QdpxExportTest.readCsv(run.resolve("export/constructs.csv"));
    assertEquals(List.of("demo-synthesis", "self-efficacy", "Self-efficacy, \"confidence\"", "", "0.0", "false"), constructs.get(3).fields());
  }

  /** A name or id a spreadsheet would run as a formula is text in the export; the run's own files keep it exactly. */
  @Test
  void cellsASpreadsheetWouldRunAsAFormulaAreNeutralised() throws Exception {
    Path run = RunFixture.copyTo(tmp);
    Path comparison = run.resolve("comparison.json");
    String formula = "=HYPERLINK(\\\"http://example.org\\\",\\\"care\\\")";
    Files.writeString(comparison, Files.readString(comparison).replace("\"Continuity of care\"", "\"" + formula + "\"")
        .replace("\"demo-synthesis\"", "\"@demo\""));
    CsvExport.write(run);

    List<CsvRecords.CsvRecord> constructs = QdpxExportTest.readCsv(run.resolve("export/constructs.csv"));
    assertEquals(List.of("'@demo", "continuity", "'=HYPERLINK(\"http://example.org\",\"care\")", "0", "0.62", "true"),
        constructs.get(1).fields());
    assertEquals("'@demo", QdpxExportTest.readCsv(run.resolve("export/comparison.csv")).get(1).fields().get(0));
  }

  @Test
  void tablesHoldTheRunsNumbers() throws Exception {
    Path run = RunFixture.copyTo(tmp);
    CsvExport.write(run);

    List<CsvRecords.CsvRecord> themePapers = QdpxExportTest.readCsv(run.resolve("export/theme_papers.csv"));
    assertEquals(List.of("0", "alpha-2019", "0.5714285714285714"), themePapers.get(1).fields());
    assertEquals(5, themePapers.size(), "header and one row per theme and paper");
    List<CsvRecords.CsvRecord> comparison = QdpxExportTest.readCsv(run.resolve("export/comparison.csv"));
    assertEquals(1 + 3 * 3, comparison.size(), "header and one row per matrix cell");
    assertEquals(List.of("demo-synthesis", "2", "treatment-burden", "0.41"), comparison.get(8).fields());
    List<CsvRecords.CsvRecord> constructs = QdpxExportTest.readCsv(run.resolve("export/constructs.csv"));
    assertEquals(List.of("demo-synthesis", "continuity", "Continuity of care", "0", "0.62", "true"), constructs.get(1).fields());
  }

  @Test
  void aRunWithoutComparisonGetsHeaderOnlyComparisonTables() throws Exception {
    Path run = RunFixture.copyTo(tmp);
    Files.delete(run.resolve("comparison.json"));
    List<Path> files = CsvExport.write(run);

    assertEquals(4, QdpxExportTest.readCsv(files.get(0)).size());
    assertEquals("set_id,theme_id,construct_id,similarity\r\n", Files.readString(files.get(2)));
    assertEquals("set_id,construct_id,name,best_theme,similarity,supported\r\n", Files.readString(files.get(3)));
  }

  @Test
  void aMalformedThemesFileIsNamed() throws Exception {
    Path run = RunFixture.copyTo(tmp);
    Files.writeString(run.resolve("themes.json"), "{\"id\": 0}");

    IOException e = assertThrows(IOException.class, () -> CsvExport.write(run));
    assertEquals(run.resolve("themes.json") + ": expected a JSON list of themes", e.getMessage());
  }

  /** The notebooks' checked-in copy of the fixture's export must be what CsvExport writes today. */
  @Test
  void theFixturesCheckedInExportIsCurrent() throws Exception {
    Path run = RunFixture.copyTo(tmp);
    for (Path written : CsvExport.write(run)) {
      Path checkedIn = RunFixture.source().resolve("export").resolve(written.getFileName());
      assertEquals(Files.readString(written), Files.readString(checkedIn), checkedIn + " is out of date; copy it from a fresh export");
    }
  }

  private static List<String> header(Path csv) throws IOException {
    return QdpxExportTest.readCsv(csv).get(0).fields();
  }
}
