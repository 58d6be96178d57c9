package org.thememiner.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** theme-model.json's format version: models saved before it (version 1) still load; a newer one is refused. */
class ThemeModelFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** What a version 1 model fitted with: the defaults of then, TF-IDF and k-means, sentences alone, one start. */
  private static final ThemeSettings SETTINGS = ThemeSettings.DEFAULT.withAlgorithm("tfidf", "kmeans").withK(4)
      .withContext("sentence").withRestarts(1);

  private static Dataset<Row> sentences;
  private static ThemeModel fitted;

  @BeforeAll
  static void fit() {
    sentences = KnownTopics.sentences();
    fitted = new ThemeDiscovery(SETTINGS).fit(sentences);
  }

  @Test
  void aVersion1ModelLoadsAndAssignsAsBefore(@TempDir Path dir) throws Exception {
    fitted.save(dir);
    JsonNode saved = JSON.readTree(dir.resolve("theme-model.json").toFile());
    assertEquals(4, saved.get("formatVersion").asInt(), "a model is saved with the current format version");
    // theme-model.json as the first saved models wrote it: no formatVersion, only the settings of the time (no
    // context, embeddingModel, centre, outlierShare, keywords), no stabilities, selectionStability or trainingSentences.
    Files.writeString(dir.resolve("theme-model.json"), """
        {
          "settings" : {
            "k" : 4, "kMin" : 4, "kMax" : 12, "representation" : "tfidf", "algorithm" : "kmeans", "seed" : 42,
            "minTerms" : 3, "minDocFreq" : 2, "vocabSize" : 20000, "vectorSize" : 100, "minScore" : 0.05,
            "excludeParts" : [ "methods", "references", "acknowledgements" ], "examples" : 5, "stabilitySeeds" : 0
          },
          "clusterToTheme" : %s,
          "clusterSizes" : %s,
          "silhouettes" : [ ]
        }
        """.formatted(saved.get("clusterToTheme"), saved.get("clusterSizes")));

    ThemeModel old = ThemeModel.load(dir);
    assertEquals(SETTINGS, old.settings(),
        "context sentence, the first embedding model, centre none, the default share, co-occurrence keyword order, one start");
    assertEquals(List.of(), old.stabilities());
    assertEquals(Optional.empty(), old.selectionStability());
    assertEquals(Optional.empty(), old.trainingSentences(), "unknown, so a rerun refits rather than guess the growth");
    assertEquals(assignments(fitted), assignments(old));
  }

  /** A setting added in a later version reads as things were before it: keywords by co-occurrence, one k-means start. */
  @ParameterizedTest
  @CsvSource({"2, keywords, cooccurrence", "3, restarts, 1"})
  void aModelOfAnEarlierVersionGetsTheSettingOfItsTime(int version, String setting, String then, @TempDir Path dir)
      throws Exception {
    fitted.save(dir);
    ObjectNode saved = (ObjectNode) JSON.readTree(dir.resolve("theme-model.json").toFile());
    ((ObjectNode) saved.get("settings")).remove(setting);
    JSON.writeValue(dir.resolve("theme-model.json").toFile(), saved.put("formatVersion", version));
    assertEquals(then, JSON.valueToTree(ThemeModel.load(dir).settings()).get(setting).asText());
  }

  @Test
  void aModelOfANewerFormatIsRefusedNamingTheFolderAndTheVersions(@TempDir Path dir) throws Exception {
    fitted.save(dir);
    ObjectNode saved = (ObjectNode) JSON.readTree(dir.resolve("theme-model.json").toFile());
    JSON.writeValue(dir.resolve("theme-model.json").toFile(), saved.put("formatVersion", 5));
    IOException e = assertThrows(NewerModelFormatException.class, () -> ThemeModel.load(dir));
    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("format version 5") && e.getMessage().contains("up to 4"), e.getMessage());
  }

  private static List<Row> assignments(ThemeModel model) {
    return model.transform(sentences).select("paper_id", "sentence_no", ThemeModel.THEME_ID, ThemeModel.THEME_SCORE,
        ThemeModel.THEME_STATUS).orderBy("paper_id", "sentence_no").collectAsList();
  }
}
