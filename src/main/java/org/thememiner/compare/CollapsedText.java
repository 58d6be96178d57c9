package org.thememiner.compare;

/**
 * Text with each run of white space collapsed to one space and the ends trimmed, and for each of its characters the
 * index in the original it came from: how sentences are found in a longer text whose line breaks and spacing differ.
 */
public record CollapsedText(String text, int[] origin) {
  /** The characters [start, end) of {@code s}, collapsed. */
  public static CollapsedText of(String s, int start, int end) {
    StringBuilder out = new StringBuilder(end - start);
    int[] origin = new int[end - start];
    boolean pendingSpace = false;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        pendingSpace = !out.isEmpty();
        continue;
      }
      if (pendingSpace) {
        origin[out.length()] = i - 1;
        out.append(' ');
        pendingSpace = false;
      }
      origin[out.length()] = i;
      out.append(c);
    }
    return new CollapsedText(out.toString(), origin);
  }

  /** {@code s} collapsed: the form assignments.csv keeps sentences in. */
  public static String collapse(String s) {
    return of(s, 0, s.length()).text();
  }

  public int originalIndex(int collapsedIndex) {
    return origin[collapsedIndex];
  }

  private static boolean isSpace(char c) {
    return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
