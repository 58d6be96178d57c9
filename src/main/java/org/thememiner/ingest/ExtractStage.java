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
    int slices = Math.max(1, Math.min(files.size(), jsc.defaultParallelism() * 4));
    ExtractOptions opts = options;
    return jsc.parallelize(files, slices)
        .map(file -> {
          try {
            return new Outcome(PaperReader.read(file, opts), null);
          } catch (ExtractionException e) {
            return new Outcome(null, new InputFailure(file.path(), file.id(), "extract", e.getMessage()));
          }
        })
        .persist(StorageLevel.MEMORY_AND_DISK());
  }
}
