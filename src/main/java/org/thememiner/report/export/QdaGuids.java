package org.thememiner.report.export;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * Name-based (version 3) GUIDs: the same run folder exported twice gives the same GUIDs, so a re-export can be
 * recognised as the same project and nothing depends on when the export ran.
 */
final class QdaGuids {
  private QdaGuids() {}

  /** The GUID named by these parts, upper case as in the REFI-QDA examples. */
  static String of(String... parts) {
    String name = String.join("\u0000", parts);
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString().toUpperCase(Locale.ROOT);
  }
}
