package org.thememiner.report;

/** Minimal HTML building: every piece of text from an input passes through {@link #esc}. */
final class Html {
  private Html() {}

  static String esc(Object value) {
    if (value == null) return "";
    String s = value.toString();
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** A background colour from white (0) to deep blue (1) for heatmap cells. */
  static String heat(double value) {
    double v = Math.max(0, Math.min(1, value));
    int r = (int) Math.round(255 - v * (255 - 33));
    int g = (int) Math.round(255 - v * (255 - 102));
    int b = (int) Math.round(255 - v * (255 - 172));
    return String.format("#%02x%02x%02x", r, g, b);
  }

  /** Text colour that stays readable on {@link #heat}. */
  static String ink(double value) {
    return value > 0.55 ? "#fff" : "#111";
  }
}
