package org.thememiner.compare;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.thememiner.annotate.TermAnalyzer;
import org.thememiner.themes.ThemeDiscovery;
import org.thememiner.themes.ThemeModel;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Deductive coding of single sentences: each sentence gets the construct it is most similar to, measured in the
 * theme model's own representation space. A construct's {@link Prototype} (its profile terms: name, keywords,
 * description, examples, weighted as in {@link Profiler}; and its text, for a representation that embeds text)
 * passes through the same representation stages as a sentence with its paragraph context, as BERTopic's
 * zero-shot topics do; the score is the cosine of the two vectors. Where the theme mapping
 * codes a theme as a whole, this codes each sentence on its own words and its paragraph's, so a theme that
 * mixes two constructs still yields sentence-level codes.
 */
public final class SentenceCoder {
  public static final String CODED = "coded_construct";
  public static final String SCORE = "coding_score";

  private final double minScore;

  /**
   * What a construct is, in the two forms a representation may read.
   *
   * @param terms the profile terms, for term-based representations
   * @param text  what the construct says in words, for sentence embeddings
   */
  public record Prototype(TermVector terms, String text) implements java.io.Serializable {
    /** A construct's name, description, sub-themes and example phrases as one text. */
    public static Prototype of(Construct c, TermVector terms) {
      return new Prototype(terms, String.join(". ", parts(c)));
    }

    /** Each construct's prototype by {@code prefix + construct id}, in the set's order. */
    public static Map<String, Prototype> ofSet(ConstructSet set, Profiler profiler, String prefix) {
      Map<String, Prototype> prototypes = new LinkedHashMap<>();
      profiler.profile(set).forEach(p -> prototypes.put(prefix + p.id(), of(p.construct(), p.terms())));
      return prototypes;
    }

    /**
     * Each construct's prototype followed by each of its parts (name, description, sub-themes, example phrases) read as
     * a text of its own, by construct id, in the set's order: what a coder that learns from examples can take as more
     * examples of the construct.
     */
    public static Map<String, List<Prototype>> ofSetByPart(ConstructSet set, Profiler profiler, TermAnalyzer analyzer) {
      Map<String, List<Prototype>> byConstruct = new LinkedHashMap<>();
      profiler.profile(set).forEach(p -> {
        List<Prototype> prototypes = new ArrayList<>(List.of(of(p.construct(), p.terms())));
        parts(p.construct()).forEach(part -> prototypes.add(ofText(part, analyzer)));
        byConstruct.put(p.id(), prototypes);
      });
      return byConstruct;
    }

    /** A text read as a sentence on its own: its content terms, each weighted by how often it occurs, and its words. */
    public static Prototype ofText(String text, TermAnalyzer analyzer) {
      return new Prototype(new TermVector(analyzer.terms(text).stream()
          .collect(Collectors.groupingBy(t -> t, Collectors.summingDouble(t -> 1.0)))), text);
    }

    /** The construct's name, description, sub-themes and example phrases, each a text of its own. */
    static List<String> parts(Construct c) {
      List<String> parts = new ArrayList<>(List.of(c.name()));
      if (!c.description().isBlank()) parts.add(c.description().strip());
      parts.addAll(c.subThemes());
      parts.addAll(c.examplePhrases());
      return parts;
    }
  }

  /** @param minScore a sentence less similar than this to every construct stays uncoded */
  public SentenceCoder(double minScore) {
    if (!(minScore >= 0 && minScore < 1)) throw new IllegalArgumentException("minScore must be in [0, 1): " + minScore);
    this.minScore = minScore;
  }

  /**
   * {@code paper_id, sentence_no, coded_construct, coding_score} for every sentence the model can place: the
   * best construct of {@code constructs} (label to profile terms) and its cosine, the construct null below the
   * minimum score.
   */
  public Dataset<Row> code(SparkSession spark, ThemeModel model, Dataset<Row> sentences, Map<String, Prototype> constructs) {
    List<String> labels = new ArrayList<>(constructs.keySet());
    Centres centres = Centres.of(spark, model, labels.stream().map(constructs::get).toList());
    double floor = minScore;
    UserDefinedFunction best = udf((UDF1<Vector, Row>) v -> {
      Closest b = centres.best(v, 0, labels.size());
      return RowFactory.create(b.index() >= 0 && b.score() >= floor ? labels.get(b.index()) : null, b.score());
    }, new StructType().add("label", DataTypes.StringType).add("score", DataTypes.DoubleType));
    return model.featurizeUncentred(ThemeDiscovery.eligible(sentences, model.settings()))
        .withColumn("coding", best.apply(col(ThemeModel.FEATURES)))
        .select(col("paper_id"), col("sentence_no"), col("coding.label").as(CODED), col("coding.score").as(SCORE));
  }

  /**
   * Coding against several construct sets in one pass: {@code paper_id, sentence_no, set_id, coded_construct,
   * coding_score}, one row per sentence and set whose best construct reaches the minimum score ({@link
   * SentenceCodes}). Each set is coded on its own, as {@link #code} codes it.
   *
   * @param bySet each set's prototypes (construct id to prototype) by set id
   */
  public SentenceCodes codeBySet(SparkSession spark, ThemeModel model, Dataset<Row> sentences,
      Map<String, Map<String, Prototype>> bySet) {
    List<String> setIds = new ArrayList<>(bySet.keySet());
    List<String> labels = new ArrayList<>();
    int[] firstOfSet = new int[setIds.size() + 1];
    for (int s = 0; s < setIds.size(); s++) {
      firstOfSet[s] = labels.size();
      labels.addAll(bySet.get(setIds.get(s)).keySet());
    }
    firstOfSet[setIds.size()] = labels.size();
    List<Prototype> prototypes = new ArrayList<>();
    bySet.values().forEach(set -> prototypes.addAll(set.values()));
    Centres centres = Centres.of(spark, model, prototypes);
    double floor = minScore;
    UserDefinedFunction coded = udf((UDF1<Vector, List<Row>>) v -> {
      List<Row> out = new ArrayList<>();
      for (int s = 0; s < setIds.size(); s++) {
        Closest b = centres.best(v, firstOfSet[s], firstOfSet[s + 1]);
        if (b.index() >= 0 && b.score() >= floor) out.add(RowFactory.create(setIds.get(s), labels.get(b.index()), b.score()));
      }
      return out;
    }, DataTypes.createArrayType(new StructType().add("set", DataTypes.StringType).add("label", DataTypes.StringType)
        .add("score", DataTypes.DoubleType)));
    return new SentenceCodes(model.featurizeUncentred(ThemeDiscovery.eligible(sentences, model.settings()))
        .select(col("paper_id"), col("sentence_no"), explode(coded.apply(col(ThemeModel.FEATURES))).as("coding"))
        .select(col("paper_id"), col("sentence_no"), col("coding.set").as(SentenceCodes.SET_ID), col("coding.label").as(CODED),
            col("coding.score").as(SCORE)));
  }

  /** The construct a sentence is most similar to among some prototypes, and its cosine; index -1 when none is above 0. */
  private record Closest(int index, double score) {}

  /** The prototypes' vectors (null for one the model cannot place) and their squared norms. */
  private record Centres(double[][] vectors, double[] norms) implements java.io.Serializable {
    static Centres of(SparkSession spark, ThemeModel model, List<Prototype> prototypes) {
      double[][] vectors = SentenceCoder.vectors(spark, model, prototypes);
      return new Centres(vectors, java.util.Arrays.stream(vectors).mapToDouble(c -> c == null ? 0 : ThemeModel.squaredNorm(c)).toArray());
    }

    /** The best of the prototypes {@code from} (inclusive) to {@code to}; the first of equals wins. */
    Closest best(Vector v, int from, int to) {
      int arg = -1;
      double top = 0;
      for (int c = from; c < to; c++) {
        if (vectors[c] == null) continue;
        double s = ThemeModel.cosine(v, vectors[c], norms[c]);
        if (s > top) {
          top = s;
          arg = c;
        }
      }
      return new Closest(arg, top);
    }
  }

  /**
   * Each prototype's vector in the model's space, as a sentence without paragraph context would have it (null when
   * none of its terms is known to the model and the model reads only terms).
   */
  static double[][] vectors(SparkSession spark, ThemeModel model, List<Prototype> prototypes) {
    if (prototypes.isEmpty()) return new double[0][];
    List<Row> documents = new ArrayList<>();
    for (int i = 0; i < prototypes.size(); i++) {
      Prototype p = prototypes.get(i);
      documents.add(RowFactory.create(i, CollectionConverters.asScala(pseudoDocument(p.terms())).toSeq(), p.text()));
    }
    StructType schema = new StructType().add("construct", DataTypes.IntegerType)
        .add(ThemeDiscovery.CONTEXT_TERMS, DataTypes.createArrayType(DataTypes.StringType, false))
        .add(ThemeDiscovery.EMBEDDING_TEXT, DataTypes.StringType);
    double[][] centres = new double[prototypes.size()][];
    for (Row r : model.featurize(spark.createDataFrame(documents, schema)).select("construct", ThemeModel.FEATURES).collectAsList()) {
      centres[r.getInt(0)] = ((Vector) r.get(1)).toArray();
    }
    return centres;
  }

  /** The profile as a bag of terms: each term repeated by its weight, rounded, at least once. */
  static List<String> pseudoDocument(TermVector profile) {
    List<String> terms = new ArrayList<>();
    profile.weights().forEach((term, w) -> {
      if (w > 0) terms.addAll(Collections.nCopies((int) Math.max(1, Math.round(w)), term));
    });
    return terms;
  }
}
