package org.thememiner.compare;

import java.io.Serializable;
import java.util.List;

/**
 * The constructs of one published synthesis: what candidate themes are compared against.
 *
 * @param id       kebab-case id, equal to the file name without {@code .yaml}
 * @param doi      DOI without the {@code https://doi.org/} prefix, or null when the source has none
 * @param licence  the source's licence, or null when not open access
 * @param partial  true when the set holds only some of the synthesis' constructs; {@code notes} then says which
 *                 are missing, and precision against the set is a lower bound
 * @param notes    provenance and modelling decisions, or null
 */
public record ConstructSet(
    String id,
    String name,
    String citation,
    String doi,
    String licence,
    boolean partial,
    String notes,
    List<Construct> constructs) implements Serializable {

  public ConstructSet {
    constructs = List.copyOf(constructs);
  }
}
