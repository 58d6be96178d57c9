package org.thememiner.annotate;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.thememiner.ingest.InputFailure;
import org.thememiner.ingest.Paper;
import org.thememiner.ingest.StageCounters;
import org.thememiner.ingest.TimeLimit;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Papers in, annotated sentences out. Each task uses its JVM's shared CoreNLP pipeline
 * ({@link CoreNlpPipelines}); a paper CoreNLP fails on, or has not finished within the time limit, becomes an
 * {@link InputFailure} and the partition goes on.
 */
public final class AnnotateStage {
  /** True on a sentence of an interviewer's turn ({@link org.thememiner.ingest.InterviewerTurn}). */
  public static final String INTERVIEWER_TURN = "interviewer_turn";
  /** Columns of the sentence table (the job's {@code sentences/} Parquet output, before theme columns). */
  public static final StructType SCHEMA = new StructType()
      .add("paper_id", DataTypes.StringType, false)
      .add("section", DataTypes.StringType, true)
      .add("part", DataTypes.StringType, true)
      .add("sentence_no", DataTypes.IntegerType, false)
      .add("paragraph", DataTypes.IntegerType, false)
      .add("page", DataTypes.IntegerType, true)
      .add("text", DataTypes.StringType, false)
      .add("tokens", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("lemmas", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("pos", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("ner", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("terms", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("quote", DataTypes.BooleanType, false)
      .add("quote_attribution", DataTypes.StringType, true)
      .add(INTERVIEWER_TURN, DataTypes.BooleanType, false);

  private final AnnotatorSettings settings;

  public AnnotateStage(AnnotatorSettings settings) {
    this.settings = settings;
  }

  /** One paper's sentences, or why it could not be annotated: exactly one of the two is set. */
  public record Outcome(List<AnnotatedSentence> sentences, InputFailure failure) implements Serializable {}

  /** Annotates the papers, spread over partitions of about equal text length (CoreNLP's cost follows tokens). */
  public JavaRDD<Outcome> transform(JavaRDD<Paper> papers) {
    return transform(papers, StageCounters.NONE);
  }

  /** @param counters gets, per paper, one paper, its tokens and its characters of text as work */
  public JavaRDD<Outcome> transform(JavaRDD<Paper> papers, StageCounters counters) {
    return annotate(balanced(papers), counters);
  }

  /** Annotates the papers in the partitions they are in. */
  JavaRDD<Outcome> annotate(JavaRDD<Paper> papers, StageCounters counters) {
    AnnotatorSettings s = settings;
    return papers.map(paper -> {
      // SentenceAnnotator is a thin wrapper: the pipeline inside comes from the JVM-wide holder.
      Outcome outcome = annotate(new SentenceAnnotator(s), paper, Duration.ofSeconds(s.timeoutSeconds()));
      counters.paperDone(outcome.sentences() == null ? 0
          : outcome.sentences().stream().mapToLong(sentence -> sentence.tokens().size()).sum(), paper.textLength());
      return outcome;
    });
  }

  /** Characters per partition at most: about 100k tokens, a few seconds of CoreNLP pos/lemma. */
  private static final long CHARS_PER_PARTITION = 600_000;

  /**
   * The papers in partitions of about equal text length: longest first, each to the lightest partition
   * (greedy bin packing), at least a few partitions per core. Only ids and lengths reach the driver.
   */
  static JavaRDD<Paper> balanced(JavaRDD<Paper> papers) {
    List<scala.Tuple2<String, Long>> sizes = papers.map(p -> new scala.Tuple2<>(p.id(), p.textLength())).collect();
    if (sizes.isEmpty()) return papers;
    long total = sizes.stream().mapToLong(scala.Tuple2::_2).sum();
    int cores = papers.context().defaultParallelism();
    int partitions = (int) Math.min(sizes.size(), Math.max(3L * cores, total / CHARS_PER_PARTITION + 1));
    long[] load = new long[partitions];
    java.util.Map<String, Integer> bin = new java.util.HashMap<>();
    sizes.stream().sorted(java.util.Comparator.<scala.Tuple2<String, Long>>comparingLong(scala.Tuple2::_2).reversed()
        .thenComparing(scala.Tuple2::_1)).forEach(t -> {
          int lightest = 0;
          for (int i = 1; i < partitions; i++) if (load[i] < load[lightest]) lightest = i;
          load[lightest] += t._2();
          bin.put(t._1(), lightest);
        });
    return papers.keyBy(Paper::id).partitionBy(new org.apache.spark.Partitioner() {
      @Override
      public int numPartitions() {
        return partitions;
      }

      @Override
      public int getPartition(Object id) {
        return bin.get((String) id);
      }
    }).values();
  }

  /**
   * One paper within the time limit: CoreNLP runs on a worker thread ({@link TimeLimit}) that is interrupted
   * when the limit passes, and stops at its next sentence. The task's own thread is never interrupted by this,
   * so the partition goes on with its next paper.
   */
  static Outcome annotate(SentenceAnnotator annotator, Paper paper, Duration limit) {
    try {
      return new Outcome(TimeLimit.call(() -> annotator.annotate(paper), limit, "thememiner-annotate-" + paper.id()), null);
    } catch (TimeoutException e) {
      return failed(paper, "CoreNLP did not finish within " + limit.toSeconds() + " s (annotate.timeoutSeconds): "
          + paper.textLength() + " characters of text; the paper is left out");
    } catch (ExecutionException e) {
      return failed(paper, "CoreNLP failed: " + e.getCause());
    } catch (InterruptedException e) {
      // Spark is killing the task (job cancelled): not the paper's fault, so not an input failure.
      Thread.currentThread().interrupt();
      throw new IllegalStateException("annotation of " + paper.id() + " interrupted", e);
    }
  }

  private static Outcome failed(Paper paper, String reason) {
    return new Outcome(null, new InputFailure(paper.source(), paper.id(), "annotate", reason));
  }

  public static Dataset<Row> toFrame(SparkSession spark, JavaRDD<AnnotatedSentence> sentences) {
    return spark.createDataFrame(sentences.map(AnnotateStage::toRow), SCHEMA);
  }

  /** One sentence as a row of {@link #SCHEMA}. */
  public static Row toRow(AnnotatedSentence s) {
    return RowFactory.create(s.paperId(), s.section(), s.part(), s.sentenceNo(), s.paragraph(), s.page(), s.text(), seq(s.tokens()),
        seq(s.lemmas()), seq(s.pos()), seq(s.ner()), seq(s.terms()), s.quote(), s.quoteAttribution(),
        s.interviewerTurn());
  }

  /** Spark's row encoder takes Scala sequences for array columns. */
  private static scala.collection.immutable.Seq<String> seq(List<String> list) {
    return CollectionConverters.asScala(list).toSeq();
  }
}
