package org.thememiner.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.TestData;
import org.thememiner.annotate.AnnotateStage;
import org.thememiner.annotate.AnnotatorSettings;
import org.thememiner.ingest.ExtractOptions;
import org.thememiner.ingest.InputScanner;
import org.thememiner.ingest.Paper;
import org.thememiner.ingest.PaperReader;

/** Themes in the sentence-embedding space, on the real sentences of Tully 2010's focus-group paper. */
class EmbeddingThemesTest {
  private static Dataset<Row> sentences;

  @BeforeAll
  static void annotate() throws Exception {
    Paper tully = PaperReader.read(InputScanner.scan(
        List.of(TestData.pdf("tully-2010-heart-failure-programmes.pdf").toString())).get(0), ExtractOptions.DEFAULT);
    var jsc = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(TestData.spark().sparkContext());
    sentences = AnnotateStage.toFrame(TestData.spark(), new AnnotateStage(AnnotatorSettings.DEFAULT)
            .transform(jsc.parallelize(List.of(tully))).filter(o -> o.sentences() != null).flatMap(o -> o.sentences().iterator()))
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  private static Map<Integer, Integer> themes(Dataset<Row> assigned) {
    Map<Integer, Integer> out = new HashMap<>();
    for (Row r : assigned.filter("theme_id IS NOT NULL").select("sentence_no", ThemeModel.THEME_ID).collectAsList()) {
      out.put(r.getInt(0), r.getInt(1));
    }
    return out;
  }

  @Test
  void vectorsEmbeddedOnceBeforeFittingGiveTheThemesOfVectorsEmbeddedInThePipeline(@TempDir Path dir) throws Exception {
    for (String representation : List.of("embedding", "combined")) {
      ThemeSettings s = ThemeSettings.DEFAULT.withK(5).withAlgorithm(representation, "kmeans");
      Map<Integer, Integer> inPipeline = themes(new ThemeDiscovery(s).fit(sentences).transform(sentences));
      assertTrue(inPipeline.size() > 100, representation + ": " + inPipeline.size() + " sentences placed");
      assertEquals(5, new java.util.HashSet<>(inPipeline.values()).size(), representation + ": five themes");

      Dataset<Row> embedded = ThemeDiscovery.withEmbeddings(sentences, s).persist(StorageLevel.MEMORY_AND_DISK());
      ThemeModel model = new ThemeDiscovery(s).fit(embedded);
      Dataset<Row> assigned = model.transform(embedded);
      assertEquals(inPipeline, themes(assigned), representation + ": same themes either way");
      assertTrue(List.of(assigned.columns()).contains(ThemeDiscovery.EMBEDDING), "the vectors are kept for the coder");

      // The saved pipeline holds the embedding stage and its model: a rerun's load assigns new text the same way.
      Path saved = dir.resolve(representation);
      model.save(saved);
      ThemeModel loaded = ThemeModel.load(saved);
      assertEquals(s.embeddingModel(), loaded.settings().embeddingModel());
      assertEquals(inPipeline, themes(loaded.transform(sentences)), representation + ": the loaded model embeds as the fitted one");
      // A rerun whose new sentences the themes do not place (all in an excluded part) assigns none and fails not.
      Dataset<Row> methods = loaded.transform(sentences.filter("part = 'methods'"));
      assertEquals(0, methods.filter("theme_status <> 'excluded-part'").count(), representation);
      embedded.unpersist();
    }
  }

  @Test
  void sentencesTheThemesDoNotPlaceAreNotEmbedded() {
    ThemeSettings s = ThemeSettings.DEFAULT.withAlgorithm("embedding", "kmeans");
    Dataset<Row> embedded = ThemeDiscovery.withEmbeddings(sentences, s);
    long methods = embedded.filter("part = 'methods'").count();
    assertTrue(methods > 0, "Tully has a methods section");
    assertEquals(0, embedded.filter("part = 'methods'").filter(
        org.apache.spark.sql.functions.udf((org.apache.spark.sql.api.java.UDF1<org.apache.spark.ml.linalg.Vector, Boolean>)
            v -> v.numNonzeros() > 0, org.apache.spark.sql.types.DataTypes.BooleanType).apply(org.apache.spark.sql.functions.col(ThemeDiscovery.EMBEDDING))).count(),
        "an excluded part is not embedded");
  }

  @Test
  void trimmedKMeansLeavesTheLeastFittingShareOutAndSavesItsCut(@TempDir Path dir) throws Exception {
    ThemeSettings s = ThemeSettings.DEFAULT.withK(5).withAlgorithm("embedding", "trimmed-kmeans");
    Dataset<Row> embedded = ThemeDiscovery.withEmbeddings(sentences, s).persist(StorageLevel.MEMORY_AND_DISK());
    ThemeModel model = new ThemeDiscovery(s).fit(embedded);
    Dataset<Row> assigned = model.transform(embedded).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> outliers = assigned.filter("theme_status = 'outlier'");
    Dataset<Row> members = assigned.filter("theme_status = 'assigned'");
    double share = (double) outliers.count() / (outliers.count() + members.count());
    assertTrue(share > 0.05 && share < 0.15, "about outlierShare " + s.outlierShare() + " of the placed sentences left out: " + share);
    double highestOutlier = outliers.agg(org.apache.spark.sql.functions.max(ThemeModel.THEME_SCORE)).first().getDouble(0);
    double lowestMember = members.agg(org.apache.spark.sql.functions.min(ThemeModel.THEME_SCORE)).first().getDouble(0);
    assertTrue(highestOutlier < lowestMember, "one cut: " + highestOutlier + " < " + lowestMember);

    model.save(dir);
    assertEquals(themes(assigned), themes(ThemeModel.load(dir).transform(embedded)), "the loaded model has the same centres and cut");
    assertEquals(themes(assigned), themes(new ThemeDiscovery(s).fit(embedded).transform(embedded)), "same seed, same themes");
    long forced = ThemeDiscovery.withEmbeddings(sentences, s).transform(d -> new ThemeDiscovery(s.withAlgorithm("embedding", "kmeans"))
        .fit(d).transform(d)).filter("theme_status = 'outlier'").count();
    assertTrue(forced < outliers.count(), "k-means with minScore alone leaves fewer out: " + forced);
    assigned.unpersist();
    embedded.unpersist();
  }

  @Test
  void spectralClusteringChoosesKAndItsSavedCentresAssignAsTheFittedOnes(@TempDir Path dir) throws Exception {
    // Automatic k: the selection fits run side by side on driver threads, each solving its own graph.
    ThemeSettings s = ThemeSettings.DEFAULT.withAlgorithm("combined", "spectral");
    Dataset<Row> embedded = ThemeDiscovery.withEmbeddings(sentences, s).persist(StorageLevel.MEMORY_AND_DISK());
    ThemeModel model = new ThemeDiscovery(s).fit(embedded);
    int k = model.k();
    assertTrue(k >= s.kMin() && k <= s.kMax(), "k in range: " + k);
    Map<Integer, Integer> assigned = themes(model.transform(embedded));
    assertTrue(assigned.size() > 100, assigned.size() + " sentences placed");
    assertEquals(k, new java.util.HashSet<>(assigned.values()).size(), "every theme has sentences");
    assertEquals(assigned, themes(new ThemeDiscovery(s).fit(embedded).transform(embedded)), "same seed, same themes");
    model.save(dir);
    assertEquals(assigned, themes(ThemeModel.load(dir).transform(embedded)), "the loaded model has the same centres");
    embedded.unpersist();
  }
}
