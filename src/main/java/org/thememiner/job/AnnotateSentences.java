package org.thememiner.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.StatCounter;
import org.thememiner.annotate.AnnotateStage;
import org.thememiner.annotate.CoreNlpPipelines;
import org.thememiner.ingest.InputFile;
import org.thememiner.ingest.Paper;
import org.thememiner.job.rerun.CorpusCache;
import org.thememiner.job.rerun.RunSentences;
import org.thememiner.job.spec.JobConfig;
import org.thememiner.report.Versions;
import scala.Tuple2;

/**
 * The annotate stage: the sentences of every paper, from the cache when it holds the paper's bytes, the others
 * annotated by CoreNLP now and added to it; the papers that cannot be annotated go to the run's failures.
 */
record AnnotateSentences(JobConfig config) implements Stage<ExtractedPapers, RunSentences> {
  @Override
  public String name() {
    return "annotate";
  }

  /**
   * Extraction's key, the annotator code (the annotate package's files) and settings, CoreNLP, and the row layout: a
   * column added in a new version invalidates old entries.
   */
  @Override
  public Optional<String> cacheKey() {
    return Optional.of(CorpusCache.key(ExtractPapers.key(), Versions.code("org/thememiner/annotate/"),
        config.annotate().output(), CoreNlpPipelines.SENTENCE_BOUND, Versions.current().get("corenlp"),
        AnnotateStage.SCHEMA.json()));
  }

  @Override
  public Done<RunSentences> run(StageContext context, ExtractedPapers extracted) throws IOException {
    CorpusCache cache = context.cache();
    String key = cacheKey().orElseThrow();
    Map<String, CorpusCache.SentenceCounts> cachedCounts = cache == null ? Map.of()
        : cache.cachedSentences(key, extracted.idsBySha().keySet());
    Set<String> cached = new HashSet<>(cachedCounts.keySet());
    JavaRDD<Paper> toAnnotate = extracted.papers().filter(p -> !cached.contains(p.sha256()));
    // A carried paper is read from the cache only when its sentences are not there.
    Map<String, List<InputFile>> carriedToAnnotate = new LinkedHashMap<>(extracted.carried());
    carriedToAnnotate.values().removeIf(f -> cached.contains(extracted.sha256ById().get(f.get(0).id())));
    if (!carriedToAnnotate.isEmpty()) toAnnotate = toAnnotate.union(ExtractPapers.cachedPapers(cache, carriedToAnnotate));
    StatCounter text = toAnnotate.mapToDouble(Paper::textLength).stats();
    // One copy per content hash goes into the cache, under the hash's first paper id.
    Map<String, String> shaByFirstId = new LinkedHashMap<>();
    extracted.idsBySha().forEach((sha, ids) -> shaByFirstId.put(ids.get(0), sha));
    JavaRDD<AnnotateStage.Outcome> annotated;
    try (Progress progress = context.progress(text.count(), Math.round(text.sum()), false)) {
      annotated = new AnnotateStage(config.annotate()).transform(toAnnotate, progress.counters());
      if (cache != null) annotated = cache.committingSentences(key, annotated, shaByFirstId, config.annotate().cacheBatchPapers());
      annotated = annotated.persist(StorageLevel.MEMORY_AND_DISK_SER());
      context.failures().addAll(annotated.filter(o -> o.failure() != null).map(AnnotateStage.Outcome::failure).collect());
    }
    Dataset<Row> fresh = AnnotateStage.toFrame(context.spark(), annotated.filter(o -> o.sentences() != null)
        .flatMap(o -> o.sentences().iterator()));
    RunSentences sentences = RunSentences.annotatedNow(fresh);
    if (cache != null) {
      // A run that annotated nothing adds no (empty) batch: every batch is one more folder each later run reads.
      if (text.count() > 0) {
        List<Row> firstIds = new ArrayList<>();
        shaByFirstId.forEach((id, sha) -> firstIds.add(RowFactory.create(id, sha)));
        cache.addSentences(key, fresh.join(context.spark().createDataFrame(firstIds, RunSentences.ID_SHA), "paper_id"));
      }
      Map<String, List<String>> cachedIds = new LinkedHashMap<>(extracted.idsBySha());
      cachedIds.keySet().retainAll(cached);
      sentences = new RunSentences(fresh, cache, key, cachedIds);
    }
    // Counted, not read: a rerun that carries the previous run's assignments reads only its new papers' sentences.
    Tuple2<Long, Long> totals = annotated.filter(o -> o.sentences() != null)
        .map(o -> new Tuple2<>((long) o.sentences().size(), o.sentences().stream().mapToLong(s -> s.tokens().size()).sum()))
        .fold(new Tuple2<>(0L, 0L), (a, b) -> new Tuple2<>(a._1() + b._1(), a._2() + b._2()));
    long sentenceCount = totals._1();
    long tokenCount = totals._2();
    long reused = 0;
    for (Map.Entry<String, CorpusCache.SentenceCounts> e : cachedCounts.entrySet()) {
      int files = extracted.idsBySha().get(e.getKey()).size(); // each file with those bytes has the sentences
      sentenceCount += files * e.getValue().sentences();
      tokenCount += files * e.getValue().tokens();
      reused += files;
    }
    return Done.of(sentences, String.format("%d sentences, %d tokens (%d papers from cache)", sentenceCount, tokenCount, reused),
        "sentences", sentenceCount, "tokens", tokenCount, "reused", reused, "annotated", text.count());
  }
}
