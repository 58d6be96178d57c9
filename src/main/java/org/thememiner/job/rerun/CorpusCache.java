package org.thememiner.job.rerun;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.thememiner.annotate.AnnotateStage;
import org.thememiner.annotate.AnnotatedSentence;
import org.thememiner.ingest.FileHashes;
import org.thememiner.ingest.Paper;
import org.thememiner.report.Json;

/**
 * Extracted papers and annotated sentences from earlier runs, in Parquet under a local path or any
 * Hadoop-compatible URI, keyed by content and by a key of the settings and tool versions that produced them.
 * A paper's entry is keyed by the file's bytes and name ({@link #paperItem}: an extractor may fall back to the
 * file name for a title); its sentences by the bytes alone, so a renamed file is re-extracted but not
 * re-annotated. A rerun extracts and annotates only what is new or changed; a settings change gives a new
 * key, so it invalidates exactly what it affects.
 *
 * <p>Each addition is written to the run's own temporary folder and renamed into place as one batch, so a run
 * killed mid-write leaves either the whole batch or nothing; a later run drops what a killed one left
 * ({@link #cleanUp}). While annotation and embedding run, their tasks commit what they finish as checkpoints
 * ({@link CacheCheckpoints}), read like batches, so a run killed part way keeps them; the stage's batch replaces
 * the run's own checkpoints when it ends. An entry in two batches (runs that raced, a task run twice, a killed
 * run's checkpoint beside a batch) is read from the first by name only. A batch that Spark cannot read when the
 * cache is looked up (a file truncated or damaged outside the job) is moved to {@code _damaged/}, with a line in
 * the log: its entries count as not cached, so the run makes them again.
 */
public final class CorpusCache {
  private static final String ITEM = "item";
  private static final StructType PAPERS = new StructType()
      .add(ITEM, DataTypes.StringType, false)
      .add("paper", DataTypes.StringType, false);
  /** What {@link #addEmbeddings} stores: a text's SHA-256 and its vector. */
  static final StructType EMBEDDINGS = new StructType().add("text_sha", DataTypes.StringType, false)
      .add("embedding", new org.apache.spark.ml.linalg.VectorUDT(), false);
  /** What {@link #addSentences} stores: {@link AnnotateStage#SCHEMA} plus {@code sha256}. */
  static final StructType SENTENCES = AnnotateStage.SCHEMA.add("sha256", DataTypes.StringType, false);

  /** Columns {@link #read} adds and drops again: the batch a row is in, the first by name of those holding its key. */
  private static final String BATCH = "_batch";
  private static final String FIRST_BATCH = "_first_batch";
  /** A column {@link #committingEmbeddings} adds and drops again: whether a sentence's vector goes into the cache. */
  private static final String FRESH = "_fresh";

  private final SparkSession spark;
  private final Path root;
  private final PrintStream log;
  /** This run's folder under {@code _tmp/}: {@link TempOwner#name} of this driver process. */
  private final Path tmp;

  /** @param log where a batch set aside is reported */
  public CorpusCache(SparkSession spark, String location, PrintStream log) {
    this.spark = spark;
    this.root = new Path(location);
    this.log = log;
    this.tmp = new Path(new Path(root, "_tmp"), TempOwner.current().name());
  }

  /** A short, stable key of everything that shapes a stage's output. */
  public static String key(Object... parts) {
    try {
      return FileHashes.sha256(Json.MAPPER.writeValueAsBytes(Arrays.asList(parts))).substring(0, 16);
    } catch (IOException e) {
      throw new IllegalStateException("settings must serialise to JSON", e);
    }
  }

  /** The cache item of a paper: its file's bytes (SHA-256) and name. */
  public static String paperItem(String sha256, String fileName) {
    return FileHashes.sha256((sha256 + "\n" + fileName).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Which of {@code items} ({@link #paperItem}) have papers cached under {@code key}. */
  public Set<String> cachedPapers(String key, Set<String> items) throws IOException {
    return hits(table("papers", key), PAPERS, ITEM, items);
  }

  /** How many sentences, and tokens in them, one content hash has in the cache. */
  public record SentenceCounts(long sentences, long tokens) {}

  /** Which of {@code shas} have sentences cached under {@code key}, with their counts. */
  public Map<String, SentenceCounts> cachedSentences(String key, Set<String> shas) throws IOException {
    Path table = table("sentences", key);
    if (shas.isEmpty()) return Map.of();
    return readable(table, Map.of(), batches -> {
      Map<String, SentenceCounts> out = new HashMap<>();
      for (Row r : read(batches, SENTENCES, "sha256", shas).groupBy("sha256").agg(count(lit(1)), sum(size(col("tokens"))))
          .collectAsList()) {
        out.put(r.getString(0), new SentenceCounts(r.getLong(1), r.getLong(2)));
      }
      return out;
    });
  }

  /** The cached papers of these items (their ids and sources are those of the run that cached them). */
  public JavaRDD<Paper> papers(String key, Set<String> items) throws IOException {
    return read(batches(table("papers", key)), PAPERS, ITEM, items).select("paper").as(Encoders.STRING()).javaRDD()
        .map(json -> Json.MAPPER.readValue(json, Paper.class));
  }

  /** The cached sentences with these hashes: {@link AnnotateStage#SCHEMA} columns plus {@code sha256}. */
  Dataset<Row> sentences(String key, Set<String> shas) throws IOException {
    return read(batches(table("sentences", key)), SENTENCES, "sha256", shas);
  }

  /**
   * The cached vectors ({@link #EMBEDDINGS}) of the texts in {@code textShas} (a {@code text_sha} column), one row per
   * text, persisted; null when the cache has none under {@code key}.
   */
  public Dataset<Row> embeddings(String key, Dataset<Row> textShas) throws IOException {
    return readable(table("embeddings", key), null, batches -> {
      // Two runs that raced may both have cached a text: one row each, or the join would double its sentences.
      Dataset<Row> found = read(batches, EMBEDDINGS, "text_sha", textShas).persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
      found.count(); // reads every batch now, so that a damaged one is found and set aside here
      return found;
    });
  }

  /**
   * Adds vectors ({@link #EMBEDDINGS}); the caller gives one row per text. They are those {@link #committingEmbeddings}
   * checkpointed, so this run's checkpoints under {@code key} are dropped once the batch is in place.
   */
  public void addEmbeddings(String key, Dataset<Row> vectors) throws IOException {
    addReplacingCheckpoints(table("embeddings", key), vectors);
  }

  /**
   * The sentences as they are, the vectors of those {@code fresh} selects (a {@code text_sha} column and an
   * {@code embedding} one) committed to the cache under {@code key} as each task ends ({@link CacheCheckpoints}).
   * A task commits once, when it ends: a kill costs at most the vectors of the tasks then running, one per core.
   */
  public Dataset<Row> committingEmbeddings(String key, Dataset<Row> sentences, org.apache.spark.sql.Column fresh) {
    Dataset<Row> marked = sentences.withColumn(FRESH, fresh);
    int textSha = marked.schema().fieldIndex("text_sha");
    int embedding = marked.schema().fieldIndex("embedding");
    int isFresh = marked.schema().fieldIndex(FRESH);
    CacheCheckpoints checkpoints = checkpoints(table("embeddings", key), EMBEDDINGS, Integer.MAX_VALUE);
    JavaRDD<Row> rows = marked.javaRDD().mapPartitions(partition -> {
      Set<Object> committed = new HashSet<>(); // a text twice in a batch would double its sentences when read
      return checkpoints.committing(partition, r -> r.getBoolean(isFresh) && committed.add(r.get(textSha))
          ? List.of(RowFactory.create(r.get(textSha), r.get(embedding))) : List.of());
    });
    return spark.createDataFrame(rows, marked.schema()).drop(FRESH);
  }

  /** Adds papers; the caller gives one per item. */
  public void addPapers(String key, JavaRDD<Paper> papers) throws IOException {
    JavaRDD<Row> rows = papers.map(p -> RowFactory.create(
        paperItem(p.sha256(), java.nio.file.Path.of(p.source()).getFileName().toString()),
        Json.MAPPER.writeValueAsString(p)));
    add(table("papers", key), spark.createDataFrame(rows, PAPERS));
  }

  /**
   * Adds sentences ({@link AnnotateStage#SCHEMA} plus {@code sha256}); the caller gives one paper per hash. They are
   * those of the annotation {@link #committingSentences} checkpointed, so this run's checkpoints under {@code key}
   * are dropped once the batch is in place: the next lookup opens one batch, not a folder per checkpoint.
   */
  public void addSentences(String key, Dataset<Row> sentencesWithSha) throws IOException {
    addReplacingCheckpoints(table("sentences", key), sentencesWithSha);
  }

  /** {@link #add}, then drops the checkpoints this run committed to {@code table}: the batch holds their entries. */
  private void addReplacingCheckpoints(Path table, Dataset<Row> rows) throws IOException {
    add(table, rows);
    FileSystem fs = table.getFileSystem(spark.sparkContext().hadoopConfiguration());
    for (FileStatus s : fs.listStatus(table)) {
      if (CacheCheckpoints.committedBy(tmp.getName(), s.getPath().getName())) fs.delete(s.getPath(), true);
    }
  }

  /** How this run's tasks commit to {@code table}. */
  private CacheCheckpoints checkpoints(Path table, StructType schema, int itemsPerCommit) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return new CacheCheckpoints(table.toString(), tmp.toString(), tmp.getName(), schema,
        jsc.broadcast(new SerializableConfiguration(jsc.hadoopConfiguration())), itemsPerCommit);
  }

  /**
   * The annotation outcomes as they are, their sentences committed to the cache under {@code key} while the tasks
   * run ({@link CacheCheckpoints}): those of the papers in {@code shaByFirstId} (one paper per content hash, as
   * {@link #addSentences} takes), with that hash.
   */
  public JavaRDD<AnnotateStage.Outcome> committingSentences(String key, JavaRDD<AnnotateStage.Outcome> outcomes,
      Map<String, String> shaByFirstId, int papersPerCommit) {
    CacheCheckpoints checkpoints = checkpoints(table("sentences", key), SENTENCES, papersPerCommit);
    Broadcast<Map<String, String>> shas = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(new HashMap<>(shaByFirstId));
    return outcomes.mapPartitions(outcome -> checkpoints.committing(outcome, o -> sentenceRows(o, shas.value())));
  }

  /** An outcome's sentences as cache rows, or none when it failed or its paper is not the one cached for its hash. */
  private static List<Row> sentenceRows(AnnotateStage.Outcome outcome, Map<String, String> shaByFirstId) {
    if (outcome.sentences() == null || outcome.sentences().isEmpty()) return List.of();
    String sha = shaByFirstId.get(outcome.sentences().get(0).paperId());
    if (sha == null) return List.of();
    List<Row> rows = new ArrayList<>();
    for (AnnotatedSentence s : outcome.sentences()) {
      Row sentence = AnnotateStage.toRow(s);
      Object[] values = new Object[sentence.size() + 1];
      for (int i = 0; i < sentence.size(); i++) values[i] = sentence.get(i);
      values[sentence.size()] = sha;
      rows.add(RowFactory.create(values));
    }
    return rows;
  }

  private Path table(String name, String key) {
    return new Path(new Path(root, name), "key=" + key);
  }

  private List<String> batches(Path table) throws IOException {
    FileSystem fs = table.getFileSystem(spark.sparkContext().hadoopConfiguration());
    List<String> out = new ArrayList<>();
    if (!fs.exists(table)) return out;
    for (FileStatus s : fs.listStatus(table)) {
      String name = s.getPath().getName();
      if (s.isDirectory() && (name.startsWith("batch-") || name.startsWith(CacheCheckpoints.PREFIX))) out.add(s.getPath().toString());
    }
    return out;
  }

  /** The rows of a table's {@code batches} ({@link #batches}) whose {@code column} is one of {@code keys}. */
  private Dataset<Row> read(List<String> batches, StructType schema, String column, Set<String> keys) {
    if (batches.isEmpty()) return spark.emptyDataFrame();
    return read(batches, schema, column, spark.createDataset(new ArrayList<>(keys), Encoders.STRING()).toDF(column));
  }

  /**
   * The rows of a table's {@code batches} whose {@code column} is in {@code wanted}'s, each key's from one batch:
   * the first by name of those that hold it, so the entry read is the same whichever way the writers raced.
   */
  private Dataset<Row> read(List<String> batches, StructType schema, String column, Dataset<Row> wanted) {
    // The schema is known: given, Spark does not run a job to read it from a file's footer.
    Dataset<Row> rows = spark.read().schema(schema).parquet(batches.toArray(new String[0]))
        .withColumn(BATCH, regexp_extract(col("_metadata.file_path"), "([^/]+)/[^/]+$", 1))
        .join(wanted, column);
    return rows.withColumn(FIRST_BATCH, min(BATCH).over(Window.partitionBy(column)))
        .filter(col(BATCH).equalTo(col(FIRST_BATCH))).drop(BATCH, FIRST_BATCH);
  }

  private Set<String> hits(Path table, StructType schema, String column, Set<String> keys) throws IOException {
    if (keys.isEmpty()) return Set.of();
    return readable(table, Set.of(),
        batches -> new HashSet<>(read(batches, schema, column, keys).select(column).as(Encoders.STRING()).collectAsList()));
  }

  /** A query over these batches of a table. */
  @FunctionalInterface
  private interface Lookup<T> {
    T run(List<String> batches) throws IOException;
  }

  /**
   * {@code lookup}, or {@code none} when {@code table} has no batch. A batch the lookup cannot read is moved to
   * {@code _damaged/} and the lookup runs again without it. The batch is found by its name in Spark's error,
   * which names the file it could not read.
   */
  private <T> T readable(Path table, T none, Lookup<T> lookup) throws IOException {
    while (true) {
      List<String> batches = batches(table);
      if (batches.isEmpty()) return none;
      try {
        return lookup.run(batches);
      } catch (Exception e) { // Spark's SparkException is checked in Scala, undeclared in Java
        if (!setAsideTheBatchNamedIn(e, table, batches)) {
          if (e instanceof IOException io) throw io;
          if (e instanceof RuntimeException r) throw r;
          throw new IOException("cannot read the cache in " + table + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /** Moves the batch that {@code e} (or a cause) names to {@code _damaged/}; false when it names none. */
  private boolean setAsideTheBatchNamedIn(Exception e, Path table, List<String> batches) throws IOException {
    for (String b : batches) {
      Path batch = new Path(b);
      Throwable why = null; // the innermost: Spark's outer errors wrap it in task and stage details
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t.getMessage() != null && t.getMessage().contains(batch.getName())) why = t;
      }
      if (why == null) continue;
      FileSystem fs = batch.getFileSystem(spark.sparkContext().hadoopConfiguration());
      // Checkpoints another run replaced by its batch since the listing: the next listing finds that batch.
      if (!fs.exists(batch)) return true;
      Path target = new Path(new Path(new Path(new Path(root, "_damaged"), table.getParent().getName()), table.getName()),
          batch.getName());
      fs.mkdirs(target.getParent());
      if (!fs.rename(batch, target)) throw new IOException("could not move the unreadable cache batch " + batch + " to " + target, e);
      Throwable rootCause = why;
      while (rootCause.getCause() != null) rootCause = rootCause.getCause();
      log.println("cache     " + batch + " cannot be read, so its entries are made again; moved to " + target + " ("
          + firstLine(why.getMessage()) + (rootCause == why ? "" : ": " + firstLine(rootCause.toString())) + ")");
      return true;
    }
    return false;
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("").trim();
  }

  /**
   * Writes {@code rows} as a new batch of {@code table}: at most one file per core. The rows come from a persisted
   * stage output, partitioned for extraction or annotation (a few partitions per core), and every file is one more
   * for each later lookup to open; a rerun's few new papers made one file each.
   */
  private void add(Path table, Dataset<Row> rows) throws IOException {
    FileSystem fs = table.getFileSystem(spark.sparkContext().hadoopConfiguration());
    String batch = "batch-" + UUID.randomUUID();
    Path written = new Path(tmp, batch);
    rows.coalesce(spark.sparkContext().defaultParallelism()).write().parquet(written.toString());
    fs.mkdirs(table);
    if (!fs.rename(written, new Path(table, batch))) throw new IOException("could not move cache batch " + written + " into " + table);
  }

  /**
   * Drops the partial batches of runs that were killed while writing: the {@code _tmp/} folders of processes that
   * have ended ({@link TempOwner#ended}). Another run's folder is left alone while that run lives, so that jobs
   * sharing a cache do not delete each other's batches as they are written.
   */
  public void cleanUp() throws IOException {
    Path all = tmp.getParent();
    FileSystem fs = all.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (!fs.exists(all)) return;
    long now = System.currentTimeMillis();
    for (FileStatus s : fs.listStatus(all)) {
      if (TempOwner.ended(s.getPath().getName(), now - s.getModificationTime())) fs.delete(s.getPath(), true);
    }
  }

  /** Column order of cached sentences, for unions with fresh ones. */
  static org.apache.spark.sql.Column[] sentenceColumns() {
    return Arrays.stream(AnnotateStage.SCHEMA.fieldNames()).map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new);
  }
}
