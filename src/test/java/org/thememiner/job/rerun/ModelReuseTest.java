package org.thememiner.job.rerun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.themes.KnownTopics;
import org.thememiner.themes.ThemeDiscovery;
import org.thememiner.themes.ThemeModel;
import org.thememiner.themes.ThemeSettings;

/** {@code rerun.mode}: when a rerun reuses the saved theme model (with or without carried assignments) and when it fits again. */
class ModelReuseTest {
  @TempDir static Path work;
  private static final ThemeSettings SETTINGS = ThemeSettings.DEFAULT.withK(3);
  private static Path saved;
  /**
   * The choice for a run of these sentences, all annotated in it, with no previous run: every sentence is assigned
   * ({@link CarriedAssignmentsTest} covers carrying rows over).
   */
  private static ModelReuse choose(RunPlan plan, ThemeSettings settings, Dataset<Row> sentences) throws IOException {
    return choose(plan, settings, sentences, Optional.empty());
  }

  /** The choice for a run of these sentences that may carry {@code carried}. */
  private static ModelReuse choose(RunPlan plan, ThemeSettings settings, Dataset<Row> sentences,
      Optional<CarriedAssignments> carried) throws IOException {
    try (SavedModelLoad model = SavedModelLoad.start(plan)) {
      return ModelReuse.choose(plan, settings, RunSentences.annotatedNow(sentences), model, () -> carried, rows -> rows);
    }
  }

  @BeforeAll
  static void saveAModel() throws Exception {
    saved = work.resolve("model");
    new ThemeDiscovery(SETTINGS).fit(KnownTopics.sentences()).save(saved);
  }

  private static RunPlan plan(String mode, Path model) {
    return new RunPlan(null, model, mode, 0.25);
  }

  @Test
  void theSavedModelRecordsHowManySentencesItWasFittedOn() throws Exception {
    long eligible = ThemeDiscovery.eligible(KnownTopics.sentences(), SETTINGS).count();
    assertEquals(List.of(eligible), ThemeModel.load(saved).trainingSentences().stream().toList());
    assertEquals(135, eligible, "the three topics; the methods and the thin sentence are not theme sentences");
  }

  @Test
  void auto_reusesTheModelWhileTheCorpusHasGrownLittle_andFitsAgainPastTheGrowthLimit() throws Exception {
    ModelReuse same = choose(plan("auto", saved), SETTINGS, KnownTopics.sentences());
    assertInstanceOf(ModelReuse.ReuseSavedModel.class, same, same.reason());
    assertTrue(same.reason().contains("135 theme sentences, +0%"), same.reason());

    ModelReuse grown20 = choose(plan("auto", saved), SETTINGS, grownBy(27));
    assertInstanceOf(ModelReuse.ReuseSavedModel.class, grown20, "20% more is within the 25% limit: " + grown20.reason());

    ModelReuse grown30 = choose(plan("auto", saved), SETTINGS, grownBy(41));
    assertInstanceOf(ModelReuse.FitAnew.class, grown30, "30% more is past the limit");
    assertTrue(grown30.reason().contains("176 theme sentences, +30%") && grown30.reason().contains("refitGrowth 25%"),
        grown30.reason());
  }

  @Test
  void auto_fitsAgainWhenTheThemesSettingsChanged_orTheModelIsMissingOrUnreadable() throws Exception {
    ModelReuse otherK = choose(plan("auto", saved), SETTINGS.withK(4), KnownTopics.sentences());
    assertInstanceOf(ModelReuse.FitAnew.class, otherK);
    assertTrue(otherK.reason().contains("settings"), otherK.reason());

    assertInstanceOf(ModelReuse.FitAnew.class, choose(plan("auto", work.resolve("none")), SETTINGS, KnownTopics.sentences()));

    Path broken = Files.createDirectories(work.resolve("broken").resolve("pipeline"));
    Files.writeString(broken.getParent().resolve("theme-model.json"), "{not json");
    ModelReuse unreadable = choose(plan("auto", broken.getParent()), SETTINGS, KnownTopics.sentences());
    assertInstanceOf(ModelReuse.FitAnew.class, unreadable);
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
    assertInstanceOf(ModelReuse.ReuseSavedModel.class, choose(plan("assign", saved), SETTINGS, grownBy(100)));
    assertInstanceOf(ModelReuse.FitAnew.class, choose(plan("refit", saved), SETTINGS, KnownTopics.sentences()));
  }

  @Test
  void withoutASharedModelOrBeforeTheFirstFit_everyRunFitsAnew() throws Exception {
    assertEquals(new ModelReuse.FitAnew("rerun.mode refit"), choose(plan("assign", null), SETTINGS, KnownTopics.sentences()));
    assertEquals(new ModelReuse.FitAnew("no saved model yet"),
        choose(plan("assign", work.resolve("not-yet")), SETTINGS, KnownTopics.sentences()));
  }

  @Test
  void aReuseCarriesThePreviousRowsOfUnchangedPapers_andAssignsOnlyTheOthers() throws Exception {
    Set<String> unchanged = Set.of("paper-0", "paper-1");
    Dataset<Row> previousRows = RunSentences.onlyPapers(ThemeModel.load(saved).transform(KnownTopics.sentences()), unchanged);
    CarriedAssignments carried = new CarriedAssignments(previousRows, unchanged, work.resolve("previous"), false);

    ModelReuse reuse = choose(plan("assign", saved), SETTINGS, KnownTopics.sentences(), Optional.of(carried));
    ModelReuse.ReuseSavedModel withCarried = assertInstanceOf(ModelReuse.ReuseSavedModel.class, reuse);
    assertEquals(2, withCarried.carriedPapers());
    assertTrue(withCarried.reason().contains("2 unchanged papers' assignments taken from " + work.resolve("previous")),
        withCarried.reason());
    ModelReuse.Carried rows = withCarried.carried().orElseThrow();
    assertEquals(Set.of("paper-2", "paper-3", "paper-4"), Set.copyOf(rows.added().select("paper_id").distinct()
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList()), "only the other papers are assigned now");
    assertEquals(KnownTopics.sentences().count(), withCarried.everyColumn().count());
    assertEquals(KnownTopics.sentences().count(), withCarried.assigned().count());

    ModelReuse.ReuseSavedModel withoutCarried = assertInstanceOf(ModelReuse.ReuseSavedModel.class,
        choose(plan("assign", saved), SETTINGS, KnownTopics.sentences()));
    assertEquals(Optional.empty(), withoutCarried.carried());
    assertEquals(0, withoutCarried.carriedPapers());
    assertFalse(withoutCarried.reason().contains("taken from"), withoutCarried.reason());

    ModelReuse grown = choose(plan("auto", saved), SETTINGS, grownBy(41), Optional.of(carried));
    assertInstanceOf(ModelReuse.FitAnew.class, grown, "past the growth limit the carried rows do not matter");
    assertEquals(0, grown.carriedPapers());
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
