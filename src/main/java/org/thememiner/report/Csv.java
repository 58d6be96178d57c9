package org.thememiner.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV: CRLF line ends; a field with a comma, quote or line break is quoted, quotes doubled. {@link #row}
 * writes every value exactly, for the run's machine-readable outputs ({@code assignments.csv}); {@link #spreadsheetRow}
 * is for tables people open in a spreadsheet.
 */
public final class Csv {
  /** What a spreadsheet takes a cell's text to start a formula with (OWASP, CSV injection). */
  private static final String FORMULA_START = "=+-@\t\r";

  private Csv() {}

  public static void row(Writer out, List<?> fields) throws IOException {
    write(out, fields, false);
  }

  /**
   * A row in which text a spreadsheet would run as a formula (starting with {@code = + - @}, tab or carriage return)
   * starts with a single quote, which the spreadsheet shows as text, as OWASP recommends. Numbers are left as they
   * are: a negative number is not a formula.
   */
  public static void spreadsheetRow(Writer out, List<?> fields) throws IOException {
    write(out, fields, true);
  }

  private static void write(Writer out, List<?> fields, boolean spreadsheet) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) out.write(',');
      out.write(field(fields.get(i), spreadsheet));
    }
    out.write("\r\n");
  }

  private static String field(Object value, boolean spreadsheet) {
    if (value == null) return "";
    String s = value.toString();
    if (spreadsheet && value instanceof CharSequence && !s.isEmpty() && FORMULA_START.indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
