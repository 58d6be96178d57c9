package org.thememiner.report.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.thememiner.compare.CollapsedText;
import org.thememiner.ingest.Paper;
import org.thememiner.ingest.Section;

/**
 * The plain text a paper becomes in a QDA project: each section's heading on a line of its own, then its text,
 * blocks separated by a blank line, line breaks as LF. Control characters other than tab and line feed become
 * spaces, one for one; white space is collapsed when sentences are matched, so this does not affect matching.
 */
final class SourceDocument {
  /** A section's body text inside {@link #text()}: [start, end) in UTF-16 units. */
  private record Body(String heading, int start, int end) {}

  private final String text;
  private final List<Body> bodies;

  private SourceDocument(String text, List<Body> bodies) {
    this.text = text;
    this.bodies = List.copyOf(bodies);
  }

  static SourceDocument of(Paper paper) {
    StringBuilder out = new StringBuilder();
    List<Body> bodies = new ArrayList<>();
    for (Section section : paper.sections()) {
      if (section.text() == null || section.text().isBlank()) continue;
      if (!out.isEmpty()) out.append("\n\n");
      String heading = section.heading() == null ? "" : section.heading();
      if (!heading.isBlank()) out.append(clean(heading.strip().replaceAll("\\s+", " "))).append("\n\n");
      int start = out.length();
      out.append(clean(section.text().replace("\r\n", "\n").replace('\r', '\n')));
      bodies.add(new Body(heading, start, out.length()));
    }
    if (!out.isEmpty()) out.append('\n');
    return new SourceDocument(out.toString(), bodies);
  }

  /** The document's text, as written to the source file. */
  String text() {
    return text;
  }

  /** Finds sections' text by heading in reading order; see {@link Sections#find}. */
  Sections sections() {
    return new Sections();
  }

  /** Finds sentences in reading order; see {@link Locator#locate}. */
  Locator locator() {
    return new Locator();
  }

  /**
   * Finds the sentences of one paper, which must be asked for in sentence order: each is searched for after the
   * previous one found, in the sections with its heading, comparing with white space collapsed. Searching only
   * forward is what makes a repeated sentence land on the right occurrence.
   */
  final class Locator {
    private final CollapsedText[] normalised = new CollapsedText[bodies.size()];
    private int body;
    private int from;
    private int lastChar;
    private int lastCodePoint;

    private Locator() {}

    /**
     * The sentence's span in code points ([start, end), end exclusive), or empty when it is not found after the
     * previous sentence in a section with this heading.
     */
    Optional<CodePointSpan> locate(String sectionHeading, String sentence) {
      String wanted = CollapsedText.collapse(sentence);
      if (wanted.isEmpty()) return Optional.empty();
      for (int b = body; b < bodies.size(); b++) {
        if (!bodies.get(b).heading().equals(sectionHeading)) continue;
        CollapsedText n = normalised(b);
        int at = n.text().indexOf(wanted, b == body ? from : 0);
        if (at < 0) continue;
        body = b;
        from = at + wanted.length();
        int startChar = n.originalIndex(at);
        int endChar = n.originalIndex(from - 1) + 1;
        int start = codePointIndex(startChar);
        int end = codePointIndex(endChar);
        return Optional.of(new CodePointSpan(start, end));
      }
      return Optional.empty();
    }

    private CollapsedText normalised(int b) {
      if (normalised[b] == null) normalised[b] = CollapsedText.of(text, bodies.get(b).start(), bodies.get(b).end());
      return normalised[b];
    }

    /** Code points before {@code charIndex}; counts on from the last answer, since answers mostly move forward. */
    private int codePointIndex(int charIndex) {
      int cp = charIndex >= lastChar
          ? lastCodePoint + text.codePointCount(lastChar, charIndex)
          : text.codePointCount(0, charIndex);
      lastChar = charIndex;
      lastCodePoint = cp;
      return cp;
    }
  }

  /** Finds sections, which must be asked for in reading order. */
  final class Sections {
    private int next;

    private Sections() {}

    /**
     * The text under the next heading of this name after the previous section found, in code points ([start, end)),
     * or empty when there is none or it has no text.
     */
    Optional<CodePointSpan> find(String heading) {
      for (int b = next; b < bodies.size(); b++) {
        Body body = bodies.get(b);
        if (!body.heading().equals(heading)) continue;
        next = b + 1;
        return Optional.of(new CodePointSpan(text.codePointCount(0, body.start()), text.codePointCount(0, body.end())));
      }
      return Optional.empty();
    }
  }

  /** Control characters other than tab and line feed become spaces: QDA software may refuse them in a text source. */
  private static String clean(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(c < ' ' && c != '\t' && c != '\n' ? ' ' : c);
    }
    return out.toString();
  }
}
