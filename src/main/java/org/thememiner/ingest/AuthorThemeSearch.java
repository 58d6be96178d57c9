package org.thememiner.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * What looking for a paper's author themes found: the themes in reading order, and a note saying what was found
 * or, when nothing was, why not (not a qualitative study, no Results subheadings, ...). Not finding any is an
 * answer, not an error.
 */
public record AuthorThemeSearch(String paper, List<AuthorTheme> themes, String note) implements Serializable {

  public AuthorThemeSearch {
    themes = List.copyOf(themes);
  }

  public boolean found() {
    return !themes.isEmpty();
  }
}
