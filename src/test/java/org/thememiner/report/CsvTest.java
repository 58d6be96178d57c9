package org.thememiner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void quotesOnlyWhatRfc4180Requires() throws Exception {
    StringWriter w = new StringWriter();
    Csv.row(w, Arrays.asList("plain", "a,b", "say \"hi\"", "two\nlines", null, 7));
    assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,7\r\n", w.toString());
  }

  /** OWASP's list of what starts a formula; numbers, negative ones too, stay numbers. */
  @Test
  void spreadsheetRowsNeutraliseFormulasWhereRowsKeepTheExactText() throws Exception {
    List<Object> cells = Arrays.asList("=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx",
        -0.5, "a=b", "", null);
    StringWriter spreadsheet = new StringWriter();
    Csv.spreadsheetRow(spreadsheet, cells);
    assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1,'-2+3,'@SUM(A1),'\tx,\"'\rx\",-0.5,a=b,,\r\n",
        spreadsheet.toString());
    StringWriter exact = new StringWriter();
    Csv.row(exact, cells);
    assertEquals("\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",+1,-2+3,@SUM(A1),\tx,\"\rx\",-0.5,a=b,,\r\n", exact.toString());
  }
}
