package org.thememiner.job.rerun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.TestData;
import org.thememiner.annotate.AnnotateStage;
import org.thememiner.themes.KnownTopics;

class RunSentencesTest {
  @TempDir
  Path work;

  /**
   * Papers a1 and a2 are files with the same bytes (hash A), cached once under a1; b1 is cached (hash B); c1 was
   * annotated in this run.
   */
  @Test
  void readsTheCachedSentencesOfThePapersKeptOnlyEachUnderItsOwnId() throws Exception {
    SparkSession spark = TestData.spark();
    CorpusCache cache = new CorpusCache(spark, work.resolve("cache").toUri().toString(), System.out);
    Dataset<Row> cachedRows = spark.createDataFrame(List.of(sentence("a1", 0), sentence("a1", 1), sentence("b1", 0)),
        AnnotateStage.SCHEMA);
    Dataset<Row> shas = spark.createDataFrame(List.of(RowFactory.create("a1", "A"), RowFactory.create("b1", "B")),
        new StructType().add("paper_id", DataTypes.StringType).add("sha256", DataTypes.StringType));
    cache.addSentences("k", cachedRows.join(shas, "paper_id"));
    Dataset<Row> fresh = spark.createDataFrame(List.of(sentence("c1", 0)), AnnotateStage.SCHEMA);
    RunSentences sentences = new RunSentences(fresh, cache, "k", Map.of("A", List.of("a1", "a2"), "B", List.of("b1")));

    assertEquals(Set.of("a1/0", "a1/1", "a2/0", "a2/1", "b1/0", "c1/0"), keys(sentences.all()));
    assertEquals(Set.of("a2/0", "a2/1", "c1/0"), keys(sentences.except(Set.of("a1", "b1"))));
    assertEquals(Set.of("b1/0"), keys(sentences.except(Set.of("a1", "a2", "c1"))));
    assertEquals(Set.of("c1/0"), keys(sentences.except(Set.of("a1", "a2", "b1"))));
    assertEquals(List.of(AnnotateStage.SCHEMA.fieldNames()), List.of(sentences.all().columns()));
  }

  @Test
  void withoutACacheAllIsWhatWasAnnotatedNow() throws Exception {
    Dataset<Row> fresh = TestData.spark().createDataFrame(List.of(sentence("c1", 0), sentence("d1", 0)), AnnotateStage.SCHEMA);
    RunSentences sentences = RunSentences.annotatedNow(fresh);
    assertEquals(Set.of("c1/0", "d1/0"), keys(sentences.all()));
    assertEquals(Set.of("d1/0"), keys(sentences.except(Set.of("c1"))));
    assertTrue(keys(sentences.except(Set.of("c1", "d1"))).isEmpty());
  }

  private static Row sentence(String paper, int no) {
    return KnownTopics.row(paper, no, no, "results", paper + " sentence " + no, List.of("term"));
  }

  private static Set<String> keys(Dataset<Row> sentences) {
    Set<String> out = new TreeSet<>();
    for (Row r : sentences.select("paper_id", "sentence_no").collectAsList()) out.add(r.getString(0) + "/" + r.getInt(1));
    return out;
  }
}
