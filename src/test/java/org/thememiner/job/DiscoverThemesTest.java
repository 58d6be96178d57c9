package org.thememiner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoverThemesTest {
  @Test
  void aThemeOfMoreThanHalfTheSentencesIsNamedWithTheWayToSpreadThem() {
    // The JATS corpus under the default spectral clustering: 15,037 of 21,302 sentences in one theme.
    assertEquals("; one theme holds 71 % of them: spectral clustering set apart what is most distinct and left the rest "
        + "together; themes.algorithm kmeans spreads them",
        DiscoverThemes.dominantTheme(List.of(15_037L, 1_698L, 1_279L, 851L, 825L, 644L, 402L, 358L, 208L), "spectral"));
    assertEquals("", DiscoverThemes.dominantTheme(List.of(50L, 30L, 20L), "spectral"), "half is not more than half");
    assertEquals("", DiscoverThemes.dominantTheme(List.of(80L, 20L), "kmeans"), "k-means is the way out, not a hint");
    assertEquals("", DiscoverThemes.dominantTheme(List.of(), "spectral"));
  }
}
