package org.thememiner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.themes.KnownTopics;
import org.thememiner.themes.ThemeDiscovery;
import org.thememiner.themes.ThemeModel;
import org.thememiner.themes.ThemeSettings;

/** {@code rerun.mode}: when a rerun reuses the saved theme model and when it fits again. */
class ModelChoiceTest {
  @TempDir static Path work;
  private static final ThemeSettings SETTINGS = ThemeSettings.DEFAULT.withK(3);
  private static Path saved;
  /**
   * The choice for a run of these sentences, all annotated in it, with no previous run: every sentence is assigned
   * ({@link CarriedAssignmentsTest} covers carrying rows over).
   */
  private static ModelChoice choose(ThememinerJob.Plan plan, ThemeSettings settings, Dataset<Row> sentences) throws IOException {
    try (SavedModelLoad model = SavedModelLoad.start(plan)) {
      return ModelChoice.of(plan, settings, RunSentences.annotatedNow(sentences), model, java.util.Optional::empty);
    }
  }

  @BeforeAll
  static void saveAModel() throws Exception {
    saved = work.resolve("model");
    new ThemeDiscovery(SETTINGS).fit(KnownTopics.sentences()).save(saved);
  }

  private static ThememinerJob.Plan plan(String mode, Path model) {
    return new ThememinerJob.Plan(null, model, mode, 0.25);
  }

  @Test
  void theSavedModelRecordsHowManySentencesItWasFittedOn() throws Exception {
    long eligible = ThemeDiscovery.eligible(KnownTopics.sentences(), SETTINGS).count();
    assertEquals(List.of(eligible), ThemeModel.load(saved).trainingSentences().stream().toList());
    assertEquals(135, eligible, "the three topics; the methods and the thin sentence are not theme sentences");
  }

  @Test
  void auto_reusesTheModelWhileTheCorpusHasGrownLittle_andFitsAgainPastTheGrowthLimit() throws Exception {
    ModelChoice same = choose(plan("auto", saved), SETTINGS, KnownTopics.sentences());
    assertTrue(same.reuse(), same.reason());
    assertTrue(same.reason().contains("135 theme sentences, +0%"), same.reason());

    ModelChoice grown20 = choose(plan("auto", saved), SETTINGS, grownBy(27));
    assertTrue(grown20.reuse(), "20% more is within the 25% limit: " + grown20.reason());

    ModelChoice grown30 = choose(plan("auto", saved), SETTINGS, grownBy(41));
    assertFalse(grown30.reuse(), "30% more is past the limit");
    assertTrue(grown30.reason().contains("176 theme sentences, +30%") && grown30.reason().contains("refitGrowth 25%"),
        grown30.reason());
  }

  @Test
  void auto_fitsAgainWhenTheThemesSettingsChanged_orTheModelIsMissingOrUnreadable() throws Exception {
    ModelChoice otherK = choose(plan("auto", saved), SETTINGS.withK(4), KnownTopics.sentences());
    assertFalse(otherK.reuse());
    assertTrue(otherK.reason().contains("settings"), otherK.reason());

    assertFalse(choose(plan("auto", work.resolve("none")), SETTINGS, KnownTopics.sentences()).reuse());

    Path broken = Files.createDirectories(work.resolve("broken").resolve("pipeline"));
    Files.writeString(broken.getParent().resolve("theme-model.json"), "{not json");
    ModelChoice unreadable = choose(plan("auto", broken.getParent()), SETTINGS, KnownTopics.sentences());
    assertFalse(unreadable.reuse());
    assertTrue(unreadable.reason().contains(broken.getParent() + " could not be read"), "names the folder: " + unreadable.reason());
  }

  @Test
  void auto_refusesAModelOfANewerFormatInsteadOfFittingOverIt() throws Exception {
    Path newer = work.resolve("newer");
    new ThemeDiscovery(SETTINGS).fit(KnownTopics.sentences()).save(newer);
    Path json = newer.resolve("theme-model.json");
    Files.writeString(json, Files.readString(json).replaceFirst("\"formatVersion\" : \\d+", "\"formatVersion\" : 99"));
    org.thememiner.themes.NewerModelFormatException e = org.junit.jupiter.api.Assertions.assertThrows(
        org.thememiner.themes.NewerModelFormatException.class, () -> choose(plan("auto", newer), SETTINGS, KnownTopics.sentences()));
    assertTrue(e.getMessage().contains(newer.toString()) && e.getMessage().contains("99"), e.getMessage());
    assertTrue(Files.readString(json).contains("\"formatVersion\" : 99"), "the newer model is left as it was");
  }

  @Test
  void assignAlwaysReuses_refitNever() throws Exception {
    assertTrue(choose(plan("assign", saved), SETTINGS, grownBy(100)).reuse());
    assertFalse(choose(plan("refit", saved), SETTINGS, KnownTopics.sentences()).reuse());
  }

  /** The known topics plus {@code n} more results sentences of the first topic, in a paper of their own. */
  private static Dataset<Row> grownBy(int n) {
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(KnownTopics.row("paper-new", i, i, "results", "new " + i, KnownTopics.TOPICS.get(0).subList(0, 4)));
    }
    return KnownTopics.sentences().unionByName(org.thememiner.TestData.spark().createDataFrame(rows, KnownTopics.sentences().schema()));
  }
}
