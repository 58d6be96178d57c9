package org.thememiner.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MacLellan et al.'s study table (118 author themes of 34 studies) mapped onto the synthesis's two constructs, against
 * the construct each theme names by the constructs' definitions (the file's {@code expected} column, written before
 * any mapping was scored; docs/constructs.md says how it was judged).
 */
class AuthorThemeMappingTest {
  private static final Path TABLE = Path.of("jobs/example/maclellan-2015-author-themes.tsv");

  @TempDir Path dir;

  @Test
  void theAuthorThemesOfMacLellansTableMapOntoItsConstructsBetterThanTheCommonestConstruct() throws Exception {
    List<AuthorThemeMapping.AuthorTheme> themes = AuthorThemeMapping.read(TABLE);
    assertEquals(118, themes.size());
    assertEquals(34, themes.stream().map(AuthorThemeMapping.AuthorTheme::study).distinct().count(), "34 studies");
    List<String> expected = Files.readAllLines(TABLE).stream().skip(1).map(l -> l.split("\t", -1)[2])
        .map(e -> e.isEmpty() ? "(none)" : e).toList();
    ConstructSet set = ConstructSets.load(Path.of("models/constructs/maclellan-2015.yaml"));
    String commonest = expected.stream().collect(Collectors.groupingBy(e -> e, Collectors.counting())).entrySet().stream()
        .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    double baseline = Agreement.accuracy(expected, expected.stream().map(e -> commonest).toList());

    for (AuthorThemeMapping.Prototypes p : AuthorThemeMapping.Prototypes.values()) {
      List<String> mapped = new ArrayList<>();
      for (AuthorThemeMapping.Mapped m : new AuthorThemeMapping("all-minilm-l6-v2-q", p, -1).map(themes, set)) {
        mapped.add(m.constructId() == null ? "(none)" : m.constructId());
      }
      System.out.printf("author themes, prototypes %s: accuracy %.2f kappa %.2f (commonest construct %.2f)%n", p,
          Agreement.accuracy(expected, mapped), Agreement.cohensKappa(expected, mapped), baseline);
      if (p == AuthorThemeMapping.Prototypes.PARTS) {
        assertTrue(Agreement.accuracy(expected, mapped) > baseline, p + ": " + Agreement.accuracy(expected, mapped));
      }
    }
  }

  @Test
  void aTableWithoutTheAuthorThemeColumnIsNamed() throws Exception {
    Path bad = Files.writeString(dir.resolve("themes.tsv"), "study\ttheme\nAiken 2013\tUse of self\n");
    InvalidGoldCodingException e = assertThrows(InvalidGoldCodingException.class, () -> AuthorThemeMapping.read(bad));
    assertTrue(e.getMessage().contains("themes.tsv") && e.getMessage().contains("author_theme"), e.getMessage());
  }
}
