package org.thememiner.compare;

import java.io.Serializable;
import java.util.List;

/**
 * One manually synthesised construct (a theme of a published synthesis), as shipped in a construct set.
 *
 * @param id             kebab-case id, unique within its set
 * @param description    what the construct covers, in the project's own words
 * @param keywords       vocabulary a researcher expects sentences of this construct to use
 * @param subThemes      facets the synthesis discusses under this construct (may be empty)
 * @param examplePhrases short phrases typical of the construct, in the project's own words (may be empty)
 * @param parent         id of the overarching construct in the same set, or null
 */
public record Construct(
    String id,
    String name,
    String description,
    List<String> keywords,
    List<String> subThemes,
    List<String> examplePhrases,
    String parent) implements Serializable {

  public Construct {
    keywords = List.copyOf(keywords);
    subThemes = List.copyOf(subThemes);
    examplePhrases = List.copyOf(examplePhrases);
  }
}
