package org.thememiner.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thememiner.compare.CompareFixtures.ANALYZER;
import static org.thememiner.compare.CompareFixtures.PROFILER;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thememiner.themes.Theme;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The evidence behind the default match threshold (docs/constructs.md): themes built from Tully et al.'s seven
 * Results sections must reach their own construct, themes built from sections of twelve unrelated PLOS articles
 * and Tully's themes set against the other shipped sets (the four peer-support syntheses, Gallacher's treatment
 * burden in stroke, Kesselheim's off-label marketing) must not reach any construct.
 */
class ThresholdCalibrationTest {
  /** Twelve articles of the shared PLOS corpus, drawn at random once (Python random.seed(1)) and fixed here. */
  private static final List<String> OFF_TOPIC = List.of(
      "journal.pcbi.1002484", "journal.pone.0067179", "journal.pone.0152459", "journal.pone.0121226",
      "journal.pone.0118342", "journal.pbio.1001315", "journal.pmed.0020124", "journal.pcbi.1001051",
      "journal.pone.0040259", "journal.pone.0012262", "journal.pone.0026358", "journal.pone.0087236");
  private static final double THRESHOLD = ComparisonSettings.DEFAULT.matchThreshold();

  private static List<Theme> tully;
  private static List<Theme> offTopic;
  private static List<ConstructComparison> comparisons;

  @BeforeAll
  static void buildThemes() throws Exception {
    Map<String, List<String>> groups = new LinkedHashMap<>(
        SentenceGroupThemes.readGroups(Path.of("src/test/resources/compare/tully-2010-results.tsv")));
    int tullyGroups = groups.size();
    Path jats = Path.of(System.getProperty("thememiner.shared"), "corpus", "jats");
    for (String article : OFF_TOPIC) groups.putAll(sections(jats.resolve(article + ".xml"), article));
    List<Theme> themes = SentenceGroupThemes.themes(groups, ANALYZER, 10, 5, 0);
    tully = themes.subList(0, tullyGroups);
    offTopic = themes.subList(tullyGroups, themes.size());
    ConstructComparator comparator = new ConstructComparator(PROFILER, WeightedSimilarity.standard(), ComparisonSettings.DEFAULT);
    comparisons = comparator.compare(ConstructSets.loadAll(CompareFixtures.CONSTRUCTS), themes);
  }

  @Test
  void tullySectionsReachTheirOwnConstruct() {
    ConstructComparison c = comparison("tully-2010");
    double lowest = 1;
    for (int i = 0; i < tully.size(); i++) {
      ConstructComparison.ThemeResult t = c.themes().get(i);
      assertEquals(c.constructs().get(i).constructId(), t.nearestConstructId(), t.label());
      lowest = Math.min(lowest, t.similarity());
    }
    System.out.printf("calibration: lowest own-construct similarity of a Tully section %.3f%n", lowest);
    assertTrue(lowest >= THRESHOLD, "lowest true match " + lowest);
  }

  @Test
  void unrelatedThemesStayBelowTheThreshold() {
    double offTopicMax = 0;
    double crossMax = 0;
    for (ConstructComparison c : comparisons) {
      for (ConstructComparison.ThemeResult t : c.themes()) {
        boolean isTully = t.themeId() < tully.size();
        if (!isTully) offTopicMax = Math.max(offTopicMax, t.similarity());
        else if (!c.setId().equals("tully-2010")) crossMax = Math.max(crossMax, t.similarity());
      }
    }
    System.out.printf("calibration: %d off-topic themes, highest similarity %.3f; Tully themes vs the other sets %.3f%n",
        offTopic.size(), offTopicMax, crossMax);
    assertTrue(offTopic.size() >= 40, "off-topic themes " + offTopic.size());
    assertTrue(offTopicMax < THRESHOLD, "off-topic " + offTopicMax);
    assertTrue(crossMax < THRESHOLD, "cross-domain " + crossMax);
  }

  private static ConstructComparison comparison(String setId) {
    return comparisons.stream().filter(c -> c.setId().equals(setId)).findFirst().orElseThrow();
  }

  /** The first four top-level body sections with at least five sentences, at most fifteen sentences each. */
  private static Map<String, List<String>> sections(Path xml, String article) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    Document doc = builder.parse(xml.toFile());
    Map<String, List<String>> out = new LinkedHashMap<>();
    NodeList bodies = doc.getElementsByTagName("body");
    if (bodies.getLength() == 0) return out;
    int taken = 0;
    for (Node n = bodies.item(0).getFirstChild(); n != null && taken < 4; n = n.getNextSibling()) {
      if (!(n instanceof Element sec) || !sec.getTagName().equals("sec")) continue;
      taken++;
      StringBuilder text = new StringBuilder();
      NodeList paragraphs = sec.getElementsByTagName("p");
      for (int i = 0; i < paragraphs.getLength(); i++) text.append(' ').append(paragraphs.item(i).getTextContent());
      List<String> sentences = new ArrayList<>();
      for (String s : text.toString().replaceAll("\\s+", " ").strip().split("(?<=[.!?])\\s+(?=[A-Z])")) {
        if (sentences.size() < 15) sentences.add(s);
      }
      if (sentences.size() >= 5) out.put(article + "#" + taken, sentences);
    }
    return out;
  }
}
