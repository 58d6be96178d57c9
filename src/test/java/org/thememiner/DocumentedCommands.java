package org.thememiner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The commands a document shows a user, as tests run them: a documented command is tested as written. */
public final class DocumentedCommands {
  private DocumentedCommands() {}

  /** The commands of the first sh block after {@code heading}: continued lines joined, comments left out. */
  public static List<String> of(Path markdown, String heading) throws IOException {
    String text = Files.readString(markdown);
    int at = text.indexOf(heading);
    if (at < 0) throw new IllegalStateException("no heading '" + heading + "' in " + markdown);
    int from = text.indexOf("```sh\n", at) + "```sh\n".length();
    return text.substring(from, text.indexOf("```", from)).replaceAll("\\\\\n\\s*", "").lines()
        .map(l -> l.replaceFirst("\\s+#.*$", "").strip()).filter(l -> !l.isEmpty()).toList();
  }
}
