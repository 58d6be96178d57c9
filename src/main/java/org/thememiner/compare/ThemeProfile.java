package org.thememiner.compare;

import java.util.List;
import java.util.Set;
import org.thememiner.themes.Theme;

/**
 * A theme in the compare stage's term space.
 *
 * @param keywords the theme's keywords with their c-TF-IDF weights
 * @param evidence the content terms of each distinct example sentence and quote
 */
public record ThemeProfile(Theme theme, TermVector keywords, List<Set<String>> evidence) {

  public ThemeProfile {
    evidence = evidence.stream().map(Set::copyOf).toList();
  }

  public int id() {
    return theme.id();
  }
}
