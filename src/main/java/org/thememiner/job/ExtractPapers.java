package org.thememiner.job;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.thememiner.ingest.AuthorThemeFinder;
import org.thememiner.ingest.AuthorThemeSearch;
import org.thememiner.ingest.ExtractStage;
import org.thememiner.ingest.FileHashes;
import org.thememiner.ingest.InputFailure;
import org.thememiner.ingest.InputFile;
import org.thememiner.ingest.Paper;
import org.thememiner.job.rerun.CarriedPapers;
import org.thememiner.job.rerun.CorpusCache;
import org.thememiner.job.rerun.IdRanges;
import org.thememiner.job.rerun.PreviousRun;
import org.thememiner.report.AtomicFiles;
import org.thememiner.report.PaperSummary;
import org.thememiner.report.RunLayout;
import org.thememiner.report.Versions;

/**
 * The extract stage: each input file's paper, from the cache when it holds the file's bytes and name, written as
 * papers.jsonl in id order; the files that cannot be read go to the run's failures.
 *
 * @param previous the run whose papers.jsonl lines this run may copy ({@link CarriedPapers})
 */
record ExtractPapers(Optional<PreviousRun> previous) implements Stage<List<InputFile>, ExtractedPapers> {
  @Override
  public String name() {
    return "extract";
  }

  /** What shapes extraction output: the extractor code (the ingest package's files) and PDFBox. */
  @Override
  public Optional<String> cacheKey() {
    return Optional.of(key());
  }

  static String key() {
    return CorpusCache.key(Versions.code("org/thememiner/ingest/"), Versions.current().get("pdfbox"));
  }

  /** A readable input and its content hash, or why it could not be read. */
  private record Hashed(InputFile file, String sha256, InputFailure failure) implements Serializable {}

  @Override
  public Done<ExtractedPapers> run(StageContext context, List<InputFile> files) throws IOException {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(context.spark().sparkContext());
    CorpusCache cache = context.cache();
    List<Hashed> hashed = files.isEmpty() ? List.of() : jsc.parallelize(files, Math.max(1, Math.min(files.size(), jsc.defaultParallelism() * 4)))
        .map(f -> {
          try {
            return new Hashed(f, FileHashes.sha256(Path.of(f.path())), null);
          } catch (IOException | RuntimeException e) {
            return new Hashed(f, null, new InputFailure(f.path(), f.id(), "read", "cannot read the file: " + e.getMessage()));
          }
        }).collect();
    List<InputFailure> failures = new ArrayList<>();
    // Two files with the same name and bytes in different folders share an item; each is a paper of its own.
    Map<String, List<InputFile>> filesByItem = new LinkedHashMap<>();
    Map<String, String> hashes = new HashMap<>();
    for (Hashed h : hashed) {
      if (h.failure() != null) failures.add(h.failure());
      else {
        filesByItem.computeIfAbsent(itemOf(h.sha256(), h.file().path()), k -> new ArrayList<>()).add(h.file());
        hashes.put(h.file().id(), h.sha256());
      }
    }
    String key = key();
    Set<String> cached = cache == null ? Set.of() : cache.cachedPapers(key, filesByItem.keySet());
    List<InputFile> toExtract = filesByItem.entrySet().stream().filter(e -> !cached.contains(e.getKey()))
        .flatMap(e -> e.getValue().stream()).sorted(Comparator.comparing(InputFile::path)).toList();
    CarriedPapers carried = CarriedPapers.of(previous, context.config(), filesByItem.entrySet().stream()
        .filter(e -> cached.contains(e.getKey())).flatMap(e -> e.getValue().stream()).toList(), hashes);

    JavaRDD<ExtractStage.Outcome> outcomes;
    try (Progress progress = context.progress(toExtract.size(), toExtract.stream().mapToLong(InputFile::size).sum(), true)) {
      outcomes = new ExtractStage(context.config().extract()).transform(jsc, toExtract, progress.counters());
      failures.addAll(outcomes.filter(o -> o.failure() != null).map(ExtractStage.Outcome::failure).collect());
    }
    JavaRDD<Paper> fresh = outcomes.filter(o -> o.paper() != null).map(ExtractStage.Outcome::paper);
    if (cache != null && !toExtract.isEmpty()) {
      Set<String> firstOfItem = filesByItem.values().stream().map(f -> f.get(0).id()).collect(Collectors.toSet());
      cache.addPapers(key, fresh.filter(p -> firstOfItem.contains(p.id())));
    }
    JavaRDD<Paper> papers = fresh;
    Map<String, List<InputFile>> fromCache = filesOf(filesByItem, cached, f -> !carried.ids().contains(f.id()));
    if (!fromCache.isEmpty()) papers = papers.union(cachedPapers(cache, fromCache));
    List<String> ids = filesByItem.values().stream().flatMap(List::stream).map(InputFile::id)
        .filter(id -> !carried.ids().contains(id)).sorted().toList();
    // Serialised, as every cached RDD of Java objects here: Spark sizes deserialised values by walking their
    // object graphs, which made the annotate stage 70 % slower when its outcomes were kept that way (measured).
    papers = papers.keyBy(Paper::id).repartitionAndSortWithinPartitions(IdRanges.of(ids, jsc.defaultParallelism()))
        .values().persist(StorageLevel.MEMORY_AND_DISK_SER());

    Map<String, String> sha = new LinkedHashMap<>();
    Map<String, List<String>> idsBySha = new LinkedHashMap<>();
    List<PaperSummary> summaries = new ArrayList<>();
    List<AuthorThemeSearch> authorThemes = new ArrayList<>();
    AuthorThemeFinder finder = AuthorThemeFinder.standard();
    JavaRDD<Paper> others = papers;
    AtomicFiles.write(context.outDir().resolve(RunLayout.PAPERS), w -> carried.write(others.toLocalIterator(), w, p -> {
      sha.put(p.id(), p.sha256());
      idsBySha.computeIfAbsent(p.sha256(), k -> new ArrayList<>()).add(p.id());
      summaries.add(PaperSummary.of(p));
      authorThemes.add(finder.find(p));
    }));
    failures.sort(Comparator.comparing(InputFailure::path));
    context.failures().addAll(failures);
    long reused = hashed.stream().filter(h -> h.failure() == null).count() - toExtract.size();
    ExtractedPapers extracted = new ExtractedPapers(papers, filesOf(filesByItem, cached, f -> carried.ids().contains(f.id())),
        sha, idsBySha, List.copyOf(summaries), List.copyOf(authorThemes));
    return Done.of(extracted, String.format("%d papers (%d from cache), %d failed%s%s", summaries.size(), reused, failures.size(),
        failures.isEmpty() ? "" : " (see errors.jsonl)",
        carried.ids().isEmpty() ? "" : "; " + carried.ids().size() + " papers.jsonl lines copied from the previous run"),
        "papers", summaries.size(), "reused", reused, "carried", carried.ids().size(), "failed", failures.size());
  }

  /** The files of {@code items} that {@code keep} keeps, by item; items left without a file are left out. */
  private static Map<String, List<InputFile>> filesOf(Map<String, List<InputFile>> filesByItem, Set<String> items,
      Predicate<InputFile> keep) {
    Map<String, List<InputFile>> out = new LinkedHashMap<>();
    filesByItem.forEach((item, files) -> {
      List<InputFile> kept = items.contains(item) ? files.stream().filter(keep).toList() : List.of();
      if (!kept.isEmpty()) out.put(item, new ArrayList<>(kept));
    });
    return out;
  }

  /** The cached papers of these items, each as the paper of every file listed under it. */
  static JavaRDD<Paper> cachedPapers(CorpusCache cache, Map<String, List<InputFile>> filesByItem) throws IOException {
    Map<String, List<InputFile>> locations = new LinkedHashMap<>(filesByItem);
    return cache.papers(key(), locations.keySet())
        .flatMap(p -> locations.get(itemOf(p.sha256(), p.source())).stream().map(f -> relocate(p, f)).iterator());
  }

  private static String itemOf(String sha256, String path) {
    return CorpusCache.paperItem(sha256, Path.of(path).getFileName().toString());
  }

  /** A cached paper as the paper of the file that has its bytes now. */
  private static Paper relocate(Paper p, InputFile f) {
    return new Paper(f.id(), f.path(), p.sha256(), p.format(), p.title(), p.authors(), p.year(), p.doi(), p.journal(),
        p.sections(), p.captions(), p.references(), p.warnings());
  }
}
