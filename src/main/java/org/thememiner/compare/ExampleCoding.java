package org.thememiner.compare;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.thememiner.themes.SentenceEncoder;
import org.thememiner.themes.ThemeDiscovery;

/**
 * A construct set's coded examples made into a coder ({@link ExampleCoder}) that codes the corpus, with what a
 * reader needs to judge it: how many examples of each construct it learnt from and its cross-validated agreement.
 *
 * @param summary what comparison.json reports
 * @param codes   {@code paper_id, sentence_no, coded_construct, coding_score} of every embedded sentence (the
 *                construct's id within its set)
 */
public record ExampleCoding(Summary summary, Dataset<Row> codes) {
  /**
   * @param examplesByConstruct how many examples each construct has
   * @param validation          the coder's agreement with the examples' codes, cross-validated
   */
  public record Summary(String setId, String method, String embeddingModel, int examples,
      Map<String, Long> examplesByConstruct, ExampleCoder.Validation validation) {}

  /**
   * @param embedded sentences with their {@link ThemeDiscovery#EMBEDDING}s (zero for those not embedded)
   * @param model    the embedding model of {@code embedded}, which the examples are embedded with too
   */
  public static ExampleCoding run(SparkSession spark, CodedExamples examples, String method, String model,
      Dataset<Row> embedded, long seed) {
    List<String> constructs = examples.examples().stream().map(CodedExamples.Example::constructId).toList();
    List<float[]> vectors = List.of(SentenceEncoder.shared(model, 1)
        .encode(examples.examples().stream().map(CodedExamples.Example::text).toList()));
    ExampleCoder.Validation validation = ExampleCoder.crossValidate(spark, method, constructs, vectors, seed);
    ExampleCoder coder = ExampleCoder.fit(spark, method, constructs, vectors);
    Map<String, Long> counts = constructs.stream().collect(Collectors.groupingBy(c -> c, TreeMap::new, Collectors.counting()));
    Dataset<Row> codes = embedded.withColumn("example_code", coder.code(col(ThemeDiscovery.EMBEDDING)))
        .filter(col("example_code").isNotNull())
        .select(col("paper_id"), col("sentence_no"),
            col("example_code.label").as(SentenceCoder.CODED),
            col("example_code.score").as(SentenceCoder.SCORE));
    return new ExampleCoding(new Summary(examples.setId(), method, model, constructs.size(), counts, validation), codes);
  }
}
