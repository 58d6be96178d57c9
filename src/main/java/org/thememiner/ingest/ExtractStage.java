package org.thememiner.ingest;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;

/**
 * Ingest + extract as a Spark stage: input files in, papers (or the reason a file failed) out. The files are
 * read inside the tasks, so on a cluster the driver only lists paths and never holds the corpus.
 */
public final class ExtractStage {
  private final ExtractOptions options;

  public ExtractStage(ExtractOptions options) {
    this.options = options;
  }

  /** A paper, or why its file could not be read: exactly one of the two is set. */
  public record Outcome(Paper paper, InputFailure failure) implements Serializable {}

  public JavaRDD<Outcome> transform(JavaSparkContext jsc, List<InputFile> files) {
    return transform(jsc, files, StageCounters.NONE);
  }

  /**
   * @param counters gets, per file, one paper, its estimated tokens ({@link #estimatedTokens}) and the file's
   *                 bytes as work
   */
  public JavaRDD<Outcome> transform(JavaSparkContext jsc, List<InputFile> files, StageCounters counters) {
    int slices = Math.max(1, Math.min(files.size(), jsc.defaultParallelism() * 4));
    ExtractOptions opts = options;
    return jsc.parallelize(files, slices)
        .map(file -> {
          Outcome outcome;
          try {
            outcome = new Outcome(PaperReader.read(file, opts), null);
          } catch (ExtractionException e) {
            outcome = new Outcome(null, new InputFailure(file.path(), file.id(), "extract", e.getMessage()));
          }
          counters.paperDone(outcome.paper() == null ? 0 : estimatedTokens(outcome.paper()), file.size());
          return outcome;
        })
        .persist(StorageLevel.MEMORY_AND_DISK_SER()); // serialised: sizing deserialised papers walks their object graphs
  }

  /**
   * Tokens CoreNLP will find in a paper, estimated before it runs: one per 5.2 characters of body text
   * (measured: 5.15 on two PLOS articles and a publisher PDF of the test corpus; punctuation and citations
   * make English scholarly text denser in tokens than its word length suggests).
   */
  private static long estimatedTokens(Paper paper) {
    return Math.round(paper.textLength() / 5.2);
  }
}
