package org.thememiner.compare;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.thememiner.annotate.TermAnalyzer;
import org.thememiner.themes.ThemeDiscovery;
import org.thememiner.themes.ThemeModel;

/**
 * A construct set's coded examples made into a coder ({@link ExampleCoder}) that codes the corpus in the theme model's
 * space, with what a reader needs to judge it: how many examples of each construct it learnt from and its
 * cross-validated agreement.
 *
 * @param summary what comparison.json reports
 * @param codes   {@code paper_id, sentence_no, coded_construct, coding_score} of every embedded sentence (the
 *                construct's id within its set)
 */
public record ExampleCoding(Summary summary, Dataset<Row> codes) {
  /**
   * @param representation          the themes' representation, the space the coder works in
   * @param examplesInCorpus        examples whose text is a sentence of the corpus: read with their paragraph
   * @param examplesWithoutFeatures examples left out: none of their terms is known to a term-only representation
   * @param examplesByConstruct     how many examples of each construct the coder learnt from
   * @param validation              the coder's agreement with the examples' codes, cross-validated
   */
  public record Summary(String setId, String method, String representation, int examples, int examplesInCorpus,
      int examplesWithoutFeatures, Map<String, Long> examplesByConstruct, ExampleCoder.Validation validation) {}

  /**
   * @param codebook  the set's constructs as {@link SentenceCoder.Prototype}s by construct id, as {@link
   *                  SentenceCoder.Prototype#ofSetByPart} gives them: each prototype of a construct with examples is
   *                  learnt from as one more example of it (never scored in the cross-validation); empty: the examples
   *                  alone
   * @param model     the theme model, whose representation the examples and sentences are put in
   * @param analyzer  the content terms of an example's text, as the annotate stage gives a sentence's
   * @param sentences the sentences to code ({@link ThemeDiscovery#eligible} ones are), read twice: with a
   *                  representation that embeds, they should carry their {@link ThemeDiscovery#EMBEDDING}s
   */
  public static ExampleCoding run(SparkSession spark, CodedExamples examples, Map<String, List<SentenceCoder.Prototype>> codebook,
      String method, ThemeModel model, TermAnalyzer analyzer, Dataset<Row> sentences, long seed) {
    Dataset<Row> features = model.featurizeUncentred(ThemeDiscovery.eligible(sentences, model.settings()))
        .select("paper_id", "sentence_no", "text", ThemeModel.FEATURES);
    // An example that is a sentence of the corpus is read as the themes read it, with its paragraph around it.
    Set<String> texts = examples.examples().stream().map(CodedExamples.Example::text).collect(Collectors.toSet());
    Map<String, double[]> inCorpus = new HashMap<>();
    for (Row r : features.filter(col("text").isin(texts.toArray())).select("text", ThemeModel.FEATURES).collectAsList()) {
      inCorpus.putIfAbsent(r.getString(0), ((Vector) r.get(1)).toArray());
    }
    // Any other is a sentence on its own: its content terms and its text.
    List<CodedExamples.Example> alone = examples.examples().stream().filter(e -> !inCorpus.containsKey(e.text())).toList();
    double[][] aloneVectors = SentenceCoder.vectors(spark, model,
        alone.stream().map(e -> SentenceCoder.Prototype.ofText(e.text(), analyzer)).toList());
    List<String> constructs = new ArrayList<>();
    List<double[]> vectors = new ArrayList<>();
    int next = 0;
    for (CodedExamples.Example e : examples.examples()) {
      double[] v = inCorpus.containsKey(e.text()) ? inCorpus.get(e.text()) : aloneVectors[next++];
      if (v == null) continue; // none of its terms is known to a term-only model
      constructs.add(e.constructId());
      vectors.add(v);
    }
    if (constructs.stream().distinct().count() < 2) {
      throw new IllegalStateException("the coded examples of " + examples.setId() + " share too few terms with the corpus "
          + "to code it: " + vectors.size() + " of " + examples.examples().size() + " are known to the themes' representation");
    }
    // Each construct's own words are more examples of it, in every fold too: the researcher who coded the
    // examples wrote or chose the codebook, and three examples alone say less than three examples and a name.
    // A construct without examples stays uncoded: the researcher chose what to code from examples.
    List<String> bookIds = new ArrayList<>();
    List<SentenceCoder.Prototype> book = new ArrayList<>();
    codebook.forEach((id, prototypes) -> {
      if (!constructs.contains(id)) return;
      prototypes.forEach(p -> {
        bookIds.add(id);
        book.add(p);
      });
    });
    double[][] bookPlaced = SentenceCoder.vectors(spark, model, book);
    List<String> bookConstructs = new ArrayList<>();
    List<double[]> bookVectors = new ArrayList<>();
    for (int i = 0; i < bookPlaced.length; i++) {
      if (bookPlaced[i] == null) continue;
      bookConstructs.add(bookIds.get(i));
      bookVectors.add(bookPlaced[i]);
    }
    ExampleCoder.Validation validation = ExampleCoder.crossValidate(spark, method, constructs, vectors, bookConstructs, bookVectors, seed);
    List<String> trainConstructs = new ArrayList<>(constructs);
    trainConstructs.addAll(bookConstructs);
    List<double[]> trainVectors = new ArrayList<>(vectors);
    trainVectors.addAll(bookVectors);
    ExampleCoder coder = ExampleCoder.fit(spark, method, trainConstructs, trainVectors);
    Map<String, Long> counts = constructs.stream().collect(Collectors.groupingBy(c -> c, TreeMap::new, Collectors.counting()));
    Dataset<Row> codes = features.withColumn("example_code", coder.code(col(ThemeModel.FEATURES)))
        .filter(col("example_code").isNotNull())
        .select(col("paper_id"), col("sentence_no"), col("example_code.label").as(SentenceCoder.CODED),
            col("example_code.score").as(SentenceCoder.SCORE));
    long found = examples.examples().stream().filter(e -> inCorpus.containsKey(e.text())).count();
    return new ExampleCoding(new Summary(examples.setId(), method, model.settings().representation(), examples.examples().size(),
        (int) found, examples.examples().size() - vectors.size(), counts, validation), codes);
  }
}
