package org.thememiner.themes;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.thememiner.TestData;
import org.thememiner.annotate.AnnotateStage;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Sentences whose true topic is known: three vocabularies of different sizes (sentence i of topic t is
 * sentence_no {@code sum(SIZES[..t]) + i}, each its own paragraph), then one methods sentence and one with a
 * single term. Theme and coding tests check their output against these exactly.
 */
public final class KnownTopics {
  public static final List<List<String>> TOPICS = List.of(
      List.of("medication", "tablet", "dose", "pharmacy", "prescription", "pill", "side-effect", "drug"),
      List.of("nurse", "clinic", "appointment", "visit", "doctor", "surgery", "waiting", "referral"),
      List.of("family", "support", "spouse", "friend", "isolation", "loneliness", "belonging", "carer"));
  public static final int[] SIZES = {60, 45, 30};

  private static Dataset<Row> sentences;

  private KnownTopics() {}

  public static synchronized Dataset<Row> sentences() {
    if (sentences == null) sentences = TestData.spark().createDataFrame(rows(), AnnotateStage.SCHEMA).cache();
    return sentences;
  }

  public static List<Row> rows() {
    Random random = new Random(7);
    List<Row> rows = new ArrayList<>();
    int no = 0;
    for (int t = 0; t < TOPICS.size(); t++) {
      for (int i = 0; i < SIZES[t]; i++) {
        List<String> terms = new ArrayList<>();
        for (int w = 0; w < 6; w++) terms.add(TOPICS.get(t).get(random.nextInt(TOPICS.get(t).size())));
        rows.add(row("paper-" + (i % 5), no, no++, "results", "topic" + t + " sentence " + i, terms));
      }
    }
    // Methods text and thin sentences must stay out of the themes.
    rows.add(row("paper-0", no, no++, "methods", "we sampled nurses", List.of("nurse", "clinic", "visit", "doctor")));
    rows.add(row("paper-0", no, no, "results", "thin", List.of("tablet")));
    return rows;
  }

  /**
   * A sentence row of {@link AnnotateStage#SCHEMA} whose tokens, lemmas and terms are all {@code terms}, tagged as
   * a clause (a verb among nouns), so that it can be a theme's evidence.
   */
  public static Row row(String paper, int no, int paragraph, String part, String text, List<String> terms) {
    var seq = CollectionConverters.asScala(terms).toSeq();
    var empty = CollectionConverters.asScala(List.<String>of()).toSeq();
    List<String> tags = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) tags.add(i == 1 ? "VBZ" : "NN");
    return RowFactory.create(paper, "Results", part, no, paragraph, 1, text, seq, seq,
        CollectionConverters.asScala(tags).toSeq(), empty, seq, false, null, false);
  }
}
