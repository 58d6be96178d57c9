package org.thememiner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.TestData;
import org.thememiner.themes.KnownTopics;

/** Two jobs sharing one cache: however many batches hold a paper, a lookup gives one entry, the same every time. */
class CorpusCacheTest {
  @TempDir Path work;

  @Test
  void aPaperCachedByTwoJobsIsReadOnceFromTheFirstBatchByName() throws Exception {
    SparkSession spark = TestData.spark();
    String location = work.resolve("cache").toUri().toString();
    // Both jobs annotated the file with hash A (they raced); their entries differ here so that the test can tell
    // which one a lookup reads.
    cache(location).addSentences("k", withSha(List.of(sentence("a1", 0, "first job"), sentence("a1", 1, "first job")), "A"));
    cache(location).addSentences("k", withSha(List.of(sentence("a2", 0, "second job"), sentence("a2", 1, "second job"),
        sentence("a2", 2, "second job")), "A"));
    List<Path> batches = folders(work.resolve("cache/sentences/key=k"));
    assertEquals(2, batches.size(), "two batches, neither clobbered: " + batches);
    List<Row> first = spark.read().parquet(batches.get(0).toString()).select("paper_id", "sentence_no", "text").collectAsList();

    CorpusCache reader = cache(location);
    assertEquals(Map.of("A", new CorpusCache.SentenceCounts(first.size(), first.size())),
        reader.cachedSentences("k", Set.of("A")), "the counts of one entry");
    for (int i = 0; i < 3; i++) {
      assertEquals(sorted(first), sorted(reader.sentences("k", Set.of("A")).select("paper_id", "sentence_no", "text").collectAsList()),
          "the entry of the batch first by name, every time");
    }
  }

  private static CorpusCache cache(String location) {
    return new CorpusCache(TestData.spark(), location, new PrintStream(new ByteArrayOutputStream()));
  }

  private static Row sentence(String paper, int no, String text) {
    return KnownTopics.row(paper, no, 0, "results", text + " " + no, List.of("term"));
  }

  /** The sentences with their content hash: what the cache stores. */
  private static Dataset<Row> withSha(List<Row> sentences, String sha) {
    List<Row> rows = sentences.stream().map(r -> {
      Object[] values = java.util.Arrays.copyOf(toArray(r), r.size() + 1);
      values[r.size()] = sha;
      return RowFactory.create(values);
    }).toList();
    return TestData.spark().createDataFrame(rows, CorpusCache.SENTENCES);
  }

  private static Object[] toArray(Row r) {
    Object[] values = new Object[r.size()];
    for (int i = 0; i < r.size(); i++) values[i] = r.get(i);
    return values;
  }

  /** A table key's batches and checkpoints, by name. */
  private static List<Path> folders(Path key) throws Exception {
    try (Stream<Path> s = Files.list(key)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  private static List<String> sorted(List<Row> rows) {
    return rows.stream().map(Row::toString).sorted().toList();
  }
}
