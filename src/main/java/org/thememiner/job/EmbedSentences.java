package org.thememiner.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.thememiner.job.rerun.CorpusCache;
import org.thememiner.themes.SentenceEncoder;
import org.thememiner.themes.ThemeDiscovery;
import org.thememiner.themes.ThemeSettings;

/**
 * The embed stage: the sentences with their embeddings ({@link ThemeDiscovery#withEmbeddings}), persisted: from the
 * cache where an earlier run embedded the same text with the same model, the others by the model now, and those
 * added to the cache.
 */
record EmbedSentences(ThemeSettings settings) implements Stage<Dataset<Row>, Dataset<Row>> {
  private static final String TEXT_SHA = "text_sha";
  private static final UserDefinedFunction NON_ZERO = functions.udf((UDF1<Vector, Boolean>) v -> v.numNonzeros() > 0,
      DataTypes.BooleanType);

  /** The sentences with their embeddings: as they are when they have them already, else by this stage. */
  static Dataset<Row> embedded(StageContext context, Dataset<Row> sentences) throws IOException, RunStoppedException {
    if (Arrays.asList(sentences.columns()).contains(ThemeDiscovery.EMBEDDING)) return sentences;
    return context.run(new EmbedSentences(context.config().themes()), sentences);
  }

  @Override
  public String name() {
    return "embed";
  }

  @Override
  public Optional<String> cacheKey() {
    return Optional.of(CorpusCache.key(SentenceEncoder.shapedBy(settings.embeddingModel())));
  }

  @Override
  public Done<Dataset<Row>> run(StageContext context, Dataset<Row> sentences) throws IOException {
    CorpusCache cache = context.cache();
    String key = cacheKey().orElseThrow();
    Dataset<Row> withSha = sentences.withColumn(TEXT_SHA, sha2(col("text"), 256));
    Dataset<Row> cached = cache == null ? null : cache.embeddings(key, withSha.select(TEXT_SHA).distinct());
    Dataset<Row> looked = cached == null
        ? withSha.withColumn(ThemeDiscovery.CACHED_EMBEDDING, lit(null).cast(new VectorUDT()))
        : withSha.join(cached.withColumnRenamed("embedding", ThemeDiscovery.CACHED_EMBEDDING), new String[] {TEXT_SHA}, "left");
    Column embeddedHere = col(ThemeDiscovery.CACHED_EMBEDDING).isNull().and(NON_ZERO.apply(col(ThemeDiscovery.EMBEDDING)));
    Dataset<Row> vectors = ThemeDiscovery.withEmbeddings(looked, settings);
    if (cache != null) vectors = cache.committingEmbeddings(key, vectors, embeddedHere);
    Dataset<Row> out = vectors.persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> fresh = out.filter(embeddedHere);
    long embeddedNow = fresh.count();
    long fromCache = cached == null ? 0 : out.filter(col(ThemeDiscovery.CACHED_EMBEDDING).isNotNull()
        .and(NON_ZERO.apply(col(ThemeDiscovery.EMBEDDING)))).count();
    if (cache != null && embeddedNow > 0) {
      cache.addEmbeddings(key, fresh.select(col(TEXT_SHA), col(ThemeDiscovery.EMBEDDING).as("embedding")).dropDuplicates(TEXT_SHA));
    }
    if (cached != null) cached.unpersist();
    return Done.of(out.drop(TEXT_SHA, ThemeDiscovery.CACHED_EMBEDDING),
        String.format(Locale.ROOT, "%d sentences embedded by %s, %d from cache", embeddedNow, settings.embeddingModel(), fromCache),
        "embedded", embeddedNow, "fromCache", fromCache);
  }
}
