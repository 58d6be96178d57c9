package org.thememiner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void quotesOnlyWhatRfc4180Requires() throws Exception {
    StringWriter w = new StringWriter();
    Csv.row(w, Arrays.asList("plain", "a,b", "say \"hi\"", "two\nlines", null, 7));
    assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,7\r\n", w.toString());
  }
}
