package org.thememiner.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * One of a primary study's own themes: a Results subheading its authors gave a theme or sub-theme, with the text and
 * participant quotes under it (a meta-synthesis's "second-order construct").
 *
 * @param paper   the paper's id
 * @param theme   the heading, its numbering ("3a)", "Theme 2:") left out
 * @param parent  the theme this one is a sub-theme of, or null for a theme of the first level
 * @param level   1 for a theme, 2 for a sub-theme, ...
 * @param section the heading as printed: the section's name in papers.jsonl and assignments.csv
 * @param page    the page the heading is on, or null where the format has no pages
 * @param text    the text under the heading (a parent's own text only, not its sub-themes')
 * @param quotes  the participant quotes in that text
 */
public record AuthorTheme(String paper, String theme, String parent, int level, String section, Integer page, String text,
    List<String> quotes) implements Serializable {

  public AuthorTheme {
    quotes = List.copyOf(quotes);
  }
}
