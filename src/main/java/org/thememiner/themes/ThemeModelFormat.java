package org.thememiner.themes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The one reader and writer of {@code theme-model.json}, the metadata beside a saved model's Spark pipeline. The
 * file carries {@code formatVersion}; a file without it is version 1 (every model saved before the field), which
 * is upgraded here to the current {@link ThemeModel.Metadata}, so the records hold no defaults for old files.
 */
final class ThemeModelFormat {
  /** 2: {@code formatVersion} written; 3: {@code themes.keywords} in the settings; 4: {@code themes.restarts}. */
  static final int CURRENT = 4;
  static final String FILE = "theme-model.json";
  private static final String VERSION = "formatVersion";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ThemeModelFormat() {}

  static void write(Path dir, ThemeModel.Metadata metadata) throws IOException {
    ObjectNode json = JSON.createObjectNode().put(VERSION, CURRENT);
    json.setAll((ObjectNode) JSON.valueToTree(metadata));
    JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(FILE).toFile(), json);
  }

  /**
   * @throws NewerModelFormatException the file was written by a newer thememiner (its version is above ours)
   * @throws IOException the file cannot be read
   */
  static ThemeModel.Metadata read(Path dir) throws IOException {
    ObjectNode json = (ObjectNode) JSON.readTree(dir.resolve(FILE).toFile());
    int version = json.path(VERSION).asInt(1);
    if (version > CURRENT) {
      throw new NewerModelFormatException("the theme model in " + dir + " has format version " + version
          + ", newer than this thememiner reads (up to " + CURRENT + "): use a newer thememiner, or fit it again"
          + " (rerun.mode refit replaces it)");
    }
    json.remove(VERSION);
    if (version == 1) upgradeFromVersion1(json);
    if (version <= 2) upgradeFromVersion2(json);
    if (version <= 3) upgradeFromVersion3(json);
    return JSON.treeToValue(json, ThemeModel.Metadata.class);
  }

  /**
   * Fills in what a version 1 file leaves out or null, as things were before each field existed: sentences stood
   * alone, the first embedding model, no centring, no stability measured, and the default trimmed k-means share
   * (no clustering of those models reads it). A missing {@code trainingSentences} stays unknown.
   */
  private static void upgradeFromVersion1(ObjectNode json) {
    ObjectNode settings = (ObjectNode) json.get("settings");
    if (!settings.hasNonNull("context")) settings.put("context", "sentence");
    if (!settings.hasNonNull("embeddingModel")) settings.put("embeddingModel", SentenceEncoder.MODELS.get(0));
    if (!settings.hasNonNull("centre")) settings.put("centre", "none");
    if (!settings.hasNonNull("outlierShare")) settings.put("outlierShare", ThemeSettings.DEFAULT.outlierShare());
    if (!json.hasNonNull("stabilities")) json.putArray("stabilities");
  }

  /** Before {@code themes.restarts}, k-means was fitted once. */
  private static void upgradeFromVersion3(ObjectNode json) {
    ObjectNode settings = (ObjectNode) json.get("settings");
    if (!settings.hasNonNull("restarts")) settings.put("restarts", 1);
  }

  /** Before {@code themes.keywords}, keywords were ordered by c-TF-IDF weight and co-occurrence. */
  private static void upgradeFromVersion2(ObjectNode json) {
    ObjectNode settings = (ObjectNode) json.get("settings");
    if (!settings.hasNonNull("keywords")) settings.put("keywords", "cooccurrence");
  }
}
