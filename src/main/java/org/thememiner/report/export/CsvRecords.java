package org.thememiner.report.export;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time: quoted fields may hold commas, doubled quotes and line breaks; records end
 * with CRLF or LF. The counterpart of {@link org.thememiner.report.Csv}.
 */
final class CsvRecords {
  /** One record and the (1-based) line of the file it starts on. */
  record CsvRecord(long line, List<String> fields) {}

  private final Reader in;
  private final String fileName;
  private long line = 1;
  private int pushedBack = -2;

  CsvRecords(Reader in, String fileName) {
    this.in = in;
    this.fileName = fileName;
  }

  /** The next record, or null at the end of the input. */
  CsvRecord next() throws IOException {
    int c = read();
    if (c == -1) return null;
    long start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean afterQuotedField = false;
    while (true) {
      if (quoted) {
        if (c == -1) throw new IOException(fileName + " line " + start + ": quoted field not closed before the end of the file");
        if (c == '"') {
          int d = read();
          if (d == '"') {
            field.append('"');
          } else {
            quoted = false;
            afterQuotedField = true;
            c = d;
            continue;
          }
        } else {
          if (c == '\n') line++;
          field.append((char) c);
        }
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        afterQuotedField = false;
      } else if (c == '\r' || c == '\n' || c == -1) {
        if (c == '\r') {
          int d = read();
          if (d != '\n') unread(d);
        }
        if (c != -1) line++;
        fields.add(field.toString());
        return new CsvRecord(start, fields);
      } else if (afterQuotedField) {
        throw new IOException(fileName + " line " + line + ": unexpected character after a closing quote");
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else {
        field.append((char) c);
      }
      c = read();
    }
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    return in.read();
  }

  private void unread(int c) {
    pushedBack = c;
  }
}
