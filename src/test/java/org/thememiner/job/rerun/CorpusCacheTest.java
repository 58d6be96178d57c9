package org.thememiner.job.rerun;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.TestData;
import org.thememiner.themes.KnownTopics;

/**
 * Two jobs sharing one cache, and the checkpoints a task commits while annotating: however many batches hold a
 * paper, a lookup gives one entry, the same every time.
 */
class CorpusCacheTest {
  @TempDir Path work;

  @Test
  void aPaperCachedByTwoJobsIsReadOnceFromTheFirstBatchByName() throws Exception {
    SparkSession spark = TestData.spark();
    Path location = work.resolve("cache");
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

  @Test
  void aTasksCheckpointIsReadLikeABatchAndWhatItSharesWithOneOnce() throws Exception {
    SparkSession spark = TestData.spark();
    Path cacheFolder = work.resolve("cache");
    CorpusCache cache = cache(cacheFolder);
    cache.addSentences("k", withSha(List.of(sentence("a1", 0, "batch")), "A"));

    // A task that annotated A again (a retry) and B, committing after each paper, in a run that was then killed.
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    String killedRun = "run-elsewhere-1";
    CacheCheckpoints checkpoints = new CacheCheckpoints(cacheFolder.resolve("sentences/key=k").toUri().toString(),
        cacheFolder.resolve("_tmp").resolve(killedRun).toUri().toString(), killedRun, CorpusCache.SENTENCES,
        jsc.broadcast(new SerializableConfiguration(jsc.hadoopConfiguration())), 1);
    List<Row> retried = withSha(List.of(sentence("a1", 0, "checkpoint"), sentence("a1", 1, "checkpoint")), "A").collectAsList();
    Dataset<Row> bRows = withSha(List.of(sentence("b1", 0, "checkpoint"), sentence("b1", 1, "checkpoint")), "B");
    List<Row> b = bRows.collectAsList();
    Iterator<List<Row>> passed = checkpoints.committing(List.of(retried, List.<Row>of(), b).iterator(), Function.identity());
    List<List<Row>> out = new ArrayList<>();
    passed.forEachRemaining(out::add);
    assertEquals(List.of(retried, List.of(), b), out, "the papers pass as they are");
    List<Path> folders = folders(cacheFolder.resolve("sentences/key=k"));
    assertEquals(3, folders.size(), "the batch and a checkpoint per paper with sentences: " + folders);
    assertTrue(folders.get(1).getFileName().toString().startsWith("checkpoint-" + killedRun + "-"), folders.toString());

    assertEquals(Map.of("A", new CorpusCache.SentenceCounts(1, 1), "B", new CorpusCache.SentenceCounts(2, 2)),
        cache.cachedSentences("k", Set.of("A", "B")), "A from the batch only, B from its checkpoint");
    Dataset<Row> read = cache.sentences("k", Set.of("B")).select(CorpusCache.sentenceColumns());
    Dataset<Row> written = bRows.select(CorpusCache.sentenceColumns());
    assertEquals(2, read.count());
    assertEquals(0, read.exceptAll(written).count() + written.exceptAll(read).count(),
        "a checkpoint's rows read back as they were written, every column");
  }

  @Test
  void anEmbeddingTaskCommitsTheVectorsItMadeEachTextOnce() throws Exception {
    CorpusCache cache = cache(work.resolve("cache"));
    SparkSession spark = TestData.spark();
    StructType schema = new StructType().add("text_sha", DataTypes.StringType).add("embedding", new VectorUDT())
        .add("from_cache", DataTypes.BooleanType);
    Dataset<Row> sentences = spark.createDataFrame(List.of(
        RowFactory.create("x", Vectors.dense(1, 2), false), RowFactory.create("x", Vectors.dense(1, 2), false),
        RowFactory.create("y", Vectors.dense(0, 0.5), false), RowFactory.create("z", Vectors.dense(5, 5), true)), schema)
        .coalesce(1);

    List<Row> passed = cache.committingEmbeddings("m", sentences, not(col("from_cache"))).collectAsList();
    assertEquals(sorted(sentences.collectAsList()), sorted(passed), "the sentences pass as they are");
    assertEquals(1, folders(work.resolve("cache/embeddings/key=m")).size(), "one commit, at the end of the task");
    Dataset<Row> found = cache.embeddings("m", spark.createDataset(List.of("x", "y", "z"), Encoders.STRING()).toDF("text_sha"));
    assertEquals(List.of("[x,[1.0,2.0]]", "[y,[0.0,0.5]]"), sorted(found.collectAsList()),
        "each text made here once, with its vector; none taken from the cache");
  }

  private static CorpusCache cache(Path folder) {
    return new CorpusCache(TestData.spark(), folder.toUri().toString(), new PrintStream(new ByteArrayOutputStream()));
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
