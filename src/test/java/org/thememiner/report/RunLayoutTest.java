package org.thememiner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The notebooks' helper spells the run folder's names as {@link RunLayout} does. */
class RunLayoutTest {
  private static final Pattern CONSTANT = Pattern.compile("(?m)^([A-Z_]+) = \"([^\"]*)\"$");

  @Test
  void runfoldersPyNamesTheFilesAsRunLayoutDoes() throws Exception {
    Matcher m = CONSTANT.matcher(Files.readString(Path.of("notebooks/runfolders.py")));
    Map<String, String> python = new LinkedHashMap<>();
    while (m.find()) python.put(m.group(1), m.group(2));
    assertTrue(python.size() >= 5, "runfolders.py's constants: " + python);
    for (Map.Entry<String, String> e : python.entrySet()) {
      assertEquals(RunLayout.class.getField(e.getKey()).get(null), e.getValue(), "runfolders.py " + e.getKey());
    }
  }
}
