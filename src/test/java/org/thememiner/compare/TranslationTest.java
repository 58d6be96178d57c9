package org.thememiner.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Reciprocal translation of MacLellan et al.'s study table (118 author themes of 34 studies), with the real sentence
 * embedding model, against the construct each theme names ({@code expected}, written before any mapping was scored).
 */
class TranslationTest {
  private static final Path TABLE = Path.of("jobs/example/maclellan-2015-author-themes.tsv");

  @Test
  void themesThatSayTheSameThingAreGroupedAcrossStudiesAndNeverWithinOne() throws Exception {
    List<AuthorThemeMapping.AuthorTheme> themes = AuthorThemeMapping.read(TABLE);
    Map<List<String>, String> expected = new HashMap<>();
    for (String line : Files.readAllLines(TABLE).subList(1, themes.size() + 1)) {
      String[] c = line.split("\t", -1);
      expected.put(List.of(c[0], c[1]), c[2].isEmpty() ? "(none)" : c[2]);
    }
    ConstructSet set = ConstructSets.load(Path.of("models/constructs/maclellan-2015.yaml"));
    AuthorThemeMapping mapping = new AuthorThemeMapping("all-minilm-l6-v2-q", AuthorThemeMapping.Prototypes.PARTS, 0);
    List<Translation.Group> groups = Translation.of(themes, List.of(set), mapping, 0.5, 0.3);

    assertEquals(groups, Translation.of(themes, List.of(set), mapping, 0.5, 0.3), "the same table gives the same groups");
    assertEquals(themes.size(), groups.stream().mapToInt(g -> g.themes().size()).sum(), "every theme in one group");
    long majority = 0;
    for (Translation.Group g : groups) {
      assertEquals(g.themes().size(), g.themes().stream().map(AuthorThemeMapping.AuthorTheme::study).distinct().count(),
          "two themes of one study never share a group: " + g);
      majority += g.themes().stream().collect(Collectors.groupingBy(t -> expected.get(List.of(t.study(), t.theme())),
          Collectors.counting())).values().stream().mapToLong(Long::longValue).max().orElseThrow();
    }
    double purity = majority / (double) themes.size();
    Translation.Group responsibility = groups.stream().filter(g -> g.label().equalsIgnoreCase("responsibility")).findFirst().orElseThrow();
    Translation.SetSummary summary = Translation.summarise(groups, set);
    System.out.printf("translation: %d groups, %d across studies, purity %.2f; coverage %.2f, precision %.2f, new %s%n",
        groups.size(), summary.groups(), purity, summary.coverage(), summary.precision(), summary.newConstructs());
    assertTrue(responsibility.studies() >= 5, "responsibility is a theme of many studies: " + responsibility);
    assertTrue(purity >= 0.9, "a group's themes name one construct: purity " + purity);
    assertEquals(1.0, summary.coverage(), "both of MacLellan's constructs are found in the studies' themes");
    Map<Integer, Translation.Group> byId = groups.stream().collect(Collectors.toMap(Translation.Group::id, Function.identity()));
    for (int id : summary.newConstructs()) {
      assertTrue(byId.get(id).constructs().get(0).similarity() < 0.3, "a candidate new construct is far from both");
    }
  }
}
