package org.thememiner.report.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {
  @Test
  void readsQuotedCommasQuotesAndLineBreaks() throws Exception {
    CsvRecords in = new CsvRecords(new StringReader("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",\nlast,\n"), "t.csv");
    assertEquals(new CsvRecords.CsvRecord(1, List.of("a", "b")), in.next());
    assertEquals(new CsvRecords.CsvRecord(2, List.of("x, y", "say \"hi\"")), in.next());
    assertEquals(new CsvRecords.CsvRecord(3, List.of("two\nlines", "")), in.next());
    assertEquals(new CsvRecords.CsvRecord(5, List.of("last", "")), in.next());
    assertNull(in.next());
  }

  @Test
  void anUnclosedQuoteNamesTheLineItStartsOn() throws Exception {
    CsvRecords in = new CsvRecords(new StringReader("a\n\"open\nstill open"), "t.csv");
    in.next();
    IOException e = assertThrows(IOException.class, in::next);
    assertEquals("t.csv line 2: quoted field not closed before the end of the file", e.getMessage());
  }
}
