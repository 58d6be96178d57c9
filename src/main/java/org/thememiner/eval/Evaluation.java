package org.thememiner.eval;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.thememiner.annotate.AnnotateStage;
import org.thememiner.annotate.CoreNlpTermAnalyzer;
import org.thememiner.annotate.TermAnalyzer;
import org.thememiner.compare.Agreement;
import org.thememiner.compare.Construct;
import org.thememiner.compare.ConstructComparator;
import org.thememiner.compare.ConstructComparison;
import org.thememiner.compare.ConstructSet;
import org.thememiner.compare.CodedExamples;
import org.thememiner.compare.ExampleCoder;
import org.thememiner.compare.ExampleCoding;
import org.thememiner.compare.Profiler;
import org.thememiner.compare.SentenceCoder;
import org.thememiner.compare.WeightedSimilarity;
import org.thememiner.compare.WordNetExpansion;
import org.thememiner.ingest.ExtractStage;
import org.thememiner.ingest.InputScanner;
import org.thememiner.ingest.Paper;
import org.thememiner.ingest.SectionPart;
import org.thememiner.job.spec.JobConfig;
import org.thememiner.report.AtomicFiles;
import org.thememiner.report.Json;
import org.thememiner.themes.Evidence;
import org.thememiner.themes.LargestPaper;
import org.thememiner.themes.Theme;
import org.thememiner.themes.ThemeDiscovery;
import org.thememiner.themes.ThemeModel;
import org.thememiner.themes.ThemeRepresentation;
import org.thememiner.themes.ThemeSettings;
import org.thememiner.themes.TopicQuality;

/**
 * {@code thememiner eval}: how well the job recovers themes a human named, against two topic-model baselines.
 * The gold label of a sentence is the Results subheading it sits under (the authors' theme), mapped to the
 * construct of the same name. Every method clusters the same annotated sentences with the same k and seed;
 * its clusters are mapped to constructs by the same comparison, then scored on the gold sentences: accuracy,
 * macro-F1 and Cohen's kappa of sentence to construct, ARI and NMI of clusters against gold sections.
 * Optionally, NPMI coherence and diversity of each method's top-10 keywords on a reference corpus.
 */
final class Evaluation {
  static final List<String> METHODS = List.of("thememiner", "spark-lda", "mallet-lda");
  /**
   * The representations the job is also run with, beside the job spec's own settings (row {@code thememiner}), each
   * as rows {@code thememiner-<representation>} with cosine k-means: the side-by-side comparison of representations.
   */
  static final List<String> REPRESENTATIONS = List.of("tfidf", "embedding", "combined");
  /**
   * Clusterings run beside cosine k-means with each of {@link #REPRESENTATIONS}, as rows
   * {@code thememiner-<representation>/<clustering>}. Their coding rows would repeat k-means's: coding reads the
   * representation only.
   */
  static final List<String> CLUSTERINGS = List.of("trimmed-kmeans", "spectral");
  private static final String KMEANS = "kmeans";
  /** The job's sentence-level coding ({@link SentenceCoder}), scored beside the theme mapping. */
  static final String CODING = "thememiner-coding";
  /**
   * The same coding from the construct names alone: how much of its agreement the descriptions and keywords
   * (written by whoever made the construct set, possibly from the same paper) account for.
   */
  static final String CODING_NAMES = "thememiner-coding-names";
  /** The construct set's keywords counted in each sentence ({@link KeywordCount}): the floor the coding rows have to clear. */
  static final String KEYWORD_COUNT = "keyword-count";
  private static final int MALLET_ITERATIONS = 1000;
  /**
   * How many times each row is measured; a row's figures are the means. One clustering of a few hundred sentences
   * is one local optimum of k-means or LDA, and one draw of three examples a sample of one: either moves a row's
   * figures by more than the differences between methods.
   *
   * @param examplesPerConstruct the rows {@code examples-[names-|only-]<coder>-<examplesPerConstruct>[-representation]}:
   *     this many gold sentences of each construct are the coded examples, the other gold sentences are scored. The
   *     coder learns from them and the whole construct set as the job does; {@code names-}, from them and the
   *     construct names alone; {@code only-}, from them alone
   * @param exampleDraws   draws of those examples, with seeds {@code seed}, {@code seed + 1}, ...
   * @param themeSeeds     clusterings of every theme row (the job's and the baselines'), with seeds {@code seed},
   *     {@code seed + 1}, ...; the coding rows read the representation only, which no seed changes
   */
  record Sampling(int examplesPerConstruct, int exampleDraws, int themeSeeds) {
    static final Sampling STANDARD = new Sampling(3, 1, 1);
  }

  private final JobConfig config;
  private final ConstructSet constructs;
  private final PrintStream out;
  private final Sampling sampling;
  /** Content terms of free text (construct descriptions, coded examples), set when {@link #run} starts. */
  private TermAnalyzer analyzer;

  Evaluation(JobConfig config, ConstructSet constructs, PrintStream out) {
    this(config, constructs, out, Sampling.STANDARD);
  }

  Evaluation(JobConfig config, ConstructSet constructs, PrintStream out, Sampling sampling) {
    this.config = config;
    this.constructs = constructs;
    this.out = out;
    this.sampling = sampling;
  }

  /**
   * @param repeats the clusterings or draws of examples ({@link Sampling}) the figures are the means of, each with its
   *     seed and figures; empty when there was one
   */
  record MethodScores(String method, int clusters, double accuracy, double macroF1, double kappa, double ari, double nmi,
      List<Repeat> repeats) {}

  /** One clustering or one draw of examples of a row measured several times. */
  record Repeat(long seed, double kappa, double ari) {}

  record MethodQuality(String method, int topics, double npmi, double diversity, List<List<String>> topWords) {}

  record Result(List<String> input, String constructSet, int k, long seed, int goldSentences,
      Map<String, Long> goldSizes, Sampling sampling, List<MethodScores> scores, String coherenceCorpus, Integer coherenceK,
      List<MethodQuality> quality) {}

  /** A method's clusters on the sentences it saw: its themes, each sentence's theme (null: none), its model if Spark's. */
  private record Clustering(List<Theme> themes, Map<String, Integer> themeBySentence, ThemeModel model) {}

  /**
   * The methods run, in order: the job, each representation with k-means, each representation with the other
   * clusterings, then the baselines; the pair of representation and clustering the job spec names is row
   * {@code thememiner} alone.
   */
  List<String> methods() {
    List<String> methods = new ArrayList<>(List.of("thememiner"));
    REPRESENTATIONS.stream().filter(r -> !isTheJob(r, KMEANS)).forEach(r -> methods.add("thememiner-" + r));
    for (String r : REPRESENTATIONS) {
      CLUSTERINGS.stream().filter(c -> !isTheJob(r, c)).forEach(c -> methods.add("thememiner-" + r + "/" + c));
    }
    methods.addAll(METHODS.subList(1, METHODS.size()));
    return methods;
  }

  private boolean isTheJob(String representation, String clustering) {
    return representation.equals(config.themes().representation()) && clustering.equals(config.themes().algorithm());
  }

  /**
   * Whether a row's coding rows follow it: the job's, and each other representation's k-means row. Coding reads the
   * representation only, so a representation's coding is measured once.
   */
  private boolean codesAfter(String method) {
    if (method.equals("thememiner")) return true;
    if (!method.startsWith("thememiner-") || method.contains("/")) return false;
    return !method.substring("thememiner-".length()).equals(config.themes().representation());
  }

  Result run(SparkSession spark, Optional<Path> coherenceCorpus, Integer coherenceK) throws IOException {
    Dataset<Row> sentences = embedded(annotate(spark, config.input()));
    Map<String, String> gold = goldConstructs(sentences);
    if (gold.isEmpty()) {
      throw new IllegalStateException("no sentence sits under a Results subheading that names a construct of "
          + constructs.id() + ": nothing to score");
    }
    Map<String, Long> goldSizes = gold.values().stream()
        .collect(Collectors.groupingBy(c -> c, java.util.TreeMap::new, Collectors.counting()));
    int k = config.themes().k() > 0 ? config.themes().k() : goldSizes.size();
    out.printf(Locale.ROOT, "eval      %d gold sentences under %d author themes; every method clusters into k = %d%n",
        gold.size(), goldSizes.size(), k);
    analyzer = new CoreNlpTermAnalyzer(config.annotate());
    Profiler profiler = new Profiler(analyzer, WordNetExpansion.load());
    ConstructComparator comparator = new ConstructComparator(profiler, WeightedSimilarity.standard(), config.compare());

    // What the example coders learn beside the examples: the whole set, or its names alone.
    Map<String, List<SentenceCoder.Prototype>> setPrototypes = SentenceCoder.Prototype.ofSetByPart(constructs, profiler, analyzer);
    Map<String, List<SentenceCoder.Prototype>> namePrototypes = SentenceCoder.Prototype.ofSetByPart(namesOnly(constructs), profiler, analyzer);
    List<MethodScores> scores = new ArrayList<>();
    Map<String, String> coded = null;
    for (String method : methods()) {
      Clustering c = null;
      List<MethodScores> bySeed = new ArrayList<>();
      for (int i = 0; i < sampling.themeSeeds(); i++) {
        Clustering seeded = cluster(method, sentences, k, config.seed() + i);
        if (c == null) c = seeded;
        // Every method's clusters get the same coded evidence: the job's coding of each sentence (METHODS starts with it).
        if (coded == null) coded = codes(constructs, spark, c.model(), sentences, profiler);
        ConstructComparison cmp = comparator.compare(constructs, seeded.themes(), codedShares(seeded.themeBySentence(), coded));
        List<Integer> clusters = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        gold.forEach((sentence, construct) -> {
          Integer theme = seeded.themeBySentence().get(sentence);
          clusters.add(theme == null ? -1 : theme);
          predicted.add(theme == null ? "(none)" : cmp.constructFor(theme).map(ConstructComparison.ThemeConstructPair::constructId).orElse("(none)"));
        });
        bySeed.add(scores(method, seeded.themes().size(), List.copyOf(gold.values()), predicted, clusters));
      }
      scores.add(meanOf(method, c.themes().size(), bySeed));
      if (codesAfter(method)) {
        String suffix = method.substring("thememiner".length());
        scores.add(codingScores(CODING + suffix, constructs, spark, c.model(), sentences, gold, profiler));
        scores.add(codingScores(CODING_NAMES + suffix, namesOnly(constructs), spark, c.model(), sentences, gold, profiler));
        if (suffix.isEmpty()) scores.add(keywordCountScores(sentences, gold));
        for (String coder : ExampleCoder.METHODS) {
          scores.add(exampleScores(method, coder, setPrototypes, "", spark, c.model(), sentences, gold));
          scores.add(exampleScores(method, coder, namePrototypes, "names-", spark, c.model(), sentences, gold));
          scores.add(exampleScores(method, coder, Map.of(), "only-", spark, c.model(), sentences, gold));
        }
      }
    }

    List<MethodQuality> quality = new ArrayList<>();
    Integer topics = coherenceCorpus.isEmpty() ? null : coherenceK != null ? coherenceK : 10;
    if (coherenceCorpus.isPresent()) {
      Dataset<Row> reference = embedded(annotate(spark, List.of(coherenceCorpus.get().toString())));
      // Read once: every method's keywords are scored against the same sentences.
      List<List<String>> referenceTerms = ThemeDiscovery.eligible(reference, config.themes()).select("terms")
          .collectAsList().stream().map(r -> r.<String>getList(0)).toList();
      for (String method : methods()) {
        List<List<String>> top = cluster(method, reference, topics, config.seed()).themes().stream()
            .map(t -> t.keywords().stream().limit(10).toList()).toList();
        double npmi = TopicQuality.npmi(top, referenceTerms.iterator());
        MethodQuality q = new MethodQuality(method, top.size(), npmi, TopicQuality.diversity(top), top);
        quality.add(q);
        out.printf(Locale.ROOT, "%-10s NPMI %.3f  diversity %.2f  (%d topics on %s)%n", method, q.npmi(), q.diversity(),
            top.size(), coherenceCorpus.get());
      }
    }
    return new Result(config.input(), constructs.id(), k, config.seed(), gold.size(), goldSizes, sampling, scores,
        coherenceCorpus.map(Path::toString).orElse(null), topics, quality);
  }

  private void print(MethodScores s) {
    out.printf(Locale.ROOT, "%-17s accuracy %.2f  macro-F1 %.2f  kappa %.2f  ARI %.2f  NMI %.2f%s%n",
        s.method(), s.accuracy(), s.macroF1(), s.kappa(), s.ari(), s.nmi(), s.repeats().isEmpty() ? ""
            : String.format(Locale.ROOT, "  (kappa %.2f to %.2f, ARI %.2f to %.2f)",
                s.repeats().stream().mapToDouble(Repeat::kappa).min().orElseThrow(),
                s.repeats().stream().mapToDouble(Repeat::kappa).max().orElseThrow(),
                s.repeats().stream().mapToDouble(Repeat::ari).min().orElseThrow(),
                s.repeats().stream().mapToDouble(Repeat::ari).max().orElseThrow()));
  }

  /**
   * The job's sentence coding on the gold sentences: each coded with the construct its words and paragraph are
   * most similar to; its "clusters" for ARI and NMI are the codes.
   */
  private MethodScores codingScores(String method, ConstructSet set, SparkSession spark, ThemeModel model,
      Dataset<Row> sentences, Map<String, String> gold, Profiler profiler) {
    Map<String, String> coded = codes(set, spark, model, sentences, profiler);
    List<String> predicted = gold.keySet().stream().map(sentence -> coded.getOrDefault(sentence, "(none)")).toList();
    return score(method, set.constructs().size(), List.copyOf(gold.values()), predicted, predicted);
  }

  /** {@link KeywordCount} on the gold sentences, each read as its own terms; its "clusters" for ARI and NMI are the codes. */
  private MethodScores keywordCountScores(Dataset<Row> sentences, Map<String, String> gold) {
    KeywordCount count = KeywordCount.of(constructs, analyzer);
    Map<String, String> coded = new HashMap<>();
    for (Row r : sentences.select("paper_id", "sentence_no", "terms").collectAsList()) {
      String key = r.getString(0) + "/" + r.getInt(1);
      if (gold.containsKey(key)) count.code(r.<String>getList(2)).ifPresent(c -> coded.put(key, c));
    }
    List<String> predicted = gold.keySet().stream().map(sentence -> coded.getOrDefault(sentence, "(none)")).toList();
    return score(KEYWORD_COUNT, constructs.constructs().size(), List.copyOf(gold.values()), predicted, predicted);
  }

  /** Sentence key (paper/sentence) to the construct of {@code set} the job's coding gives it; uncoded sentences absent. */
  private Map<String, String> codes(ConstructSet set, SparkSession spark, ThemeModel model, Dataset<Row> sentences,
      Profiler profiler) {
    Map<String, String> coded = new HashMap<>();
    for (Row r : new SentenceCoder(config.compare().minCodingScore()).code(spark, model, sentences, SentenceCoder.Prototype.ofSet(set, profiler, ""))
        .filter(col(SentenceCoder.CODED).isNotNull()).select("paper_id", "sentence_no", SentenceCoder.CODED).collectAsList()) {
      coded.put(r.getString(0) + "/" + r.getInt(1), r.getString(2));
    }
    return coded;
  }

  /**
   * Coding from coded examples ({@link ExampleCoding}), as the job does it with {@code model}, in each draw of
   * {@link Sampling#exampleDraws}: gold sentences of each construct drawn with the draw's seed are the examples (their text,
   * as a researcher who coded them gives them); the other gold sentences are scored. The row holds the means over
   * the draws.
   *
   * @param codebook the constructs the coder also learns from; {@code variant} names the row after them
   */
  private MethodScores exampleScores(String method, String coder, Map<String, List<SentenceCoder.Prototype>> codebook,
      String variant, SparkSession spark, ThemeModel model, Dataset<Row> sentences,
      Map<String, String> gold) {
    Map<String, String> textOf = new HashMap<>();
    for (Row r : sentences.select("paper_id", "sentence_no", "text").collectAsList()) {
      String key = r.getString(0) + "/" + r.getInt(1);
      if (gold.containsKey(key)) textOf.put(key, r.getString(2));
    }
    Map<String, List<String>> byConstruct = new java.util.TreeMap<>();
    gold.forEach((sentence, construct) -> byConstruct.computeIfAbsent(construct, c -> new ArrayList<>()).add(sentence));
    List<MethodScores> draws = new ArrayList<>();
    for (int draw = 0; draw < sampling.exampleDraws(); draw++) {
      java.util.Random random = new java.util.Random(config.seed() + draw);
      java.util.Set<String> chosen = new java.util.HashSet<>();
      List<CodedExamples.Example> examples = new ArrayList<>();
      for (Map.Entry<String, List<String>> e : byConstruct.entrySet()) {
        List<String> shuffled = new ArrayList<>(e.getValue());
        java.util.Collections.shuffle(shuffled, random);
        for (String sentence : shuffled.subList(0, Math.min(sampling.examplesPerConstruct(), shuffled.size()))) {
          chosen.add(sentence);
          examples.add(new CodedExamples.Example(e.getKey(), textOf.get(sentence)));
        }
      }
      Map<String, String> coded = new HashMap<>();
      for (Row r : ExampleCoding.run(spark, new CodedExamples(constructs.id(), examples), codebook, coder, model, analyzer,
          sentences, config.seed()).codes().select("paper_id", "sentence_no", SentenceCoder.CODED).collectAsList()) {
        coded.put(r.getString(0) + "/" + r.getInt(1), r.getString(2));
      }
      List<String> truth = new ArrayList<>();
      List<String> predicted = new ArrayList<>();
      gold.forEach((sentence, construct) -> {
        if (chosen.contains(sentence)) return;
        truth.add(construct);
        predicted.add(coded.getOrDefault(sentence, "(none)"));
      });
      draws.add(scores("", byConstruct.size(), truth, predicted, predicted));
    }
    String suffix = method.substring("thememiner".length());
    return meanOf("examples-" + variant + coder + "-" + sampling.examplesPerConstruct() + suffix, byConstruct.size(), draws);
  }

  /**
   * A row measured {@code repeats.size()} times, with seeds {@code seed}, {@code seed + 1}, ... ({@link Sampling}): the
   * means of their figures, printed.
   */
  private MethodScores meanOf(String method, int clusters, List<MethodScores> repeats) {
    List<Repeat> each = new ArrayList<>();
    if (repeats.size() > 1) {
      for (int i = 0; i < repeats.size(); i++) each.add(new Repeat(config.seed() + i, repeats.get(i).kappa(), repeats.get(i).ari()));
    }
    MethodScores s = new MethodScores(method, clusters, mean(repeats, MethodScores::accuracy),
        mean(repeats, MethodScores::macroF1), mean(repeats, MethodScores::kappa), mean(repeats, MethodScores::ari),
        mean(repeats, MethodScores::nmi), each);
    print(s);
    return s;
  }

  private static double mean(List<MethodScores> scores, java.util.function.ToDoubleFunction<MethodScores> figure) {
    return scores.stream().mapToDouble(figure).average().orElseThrow();
  }

  /** Per cluster, the share of its sentences coded with each construct (an uncoded sentence counts in the total). */
  static Map<Integer, Map<String, Double>> codedShares(Map<String, Integer> clusterBySentence, Map<String, String> coded) {
    Map<Integer, Long> sizes = new HashMap<>();
    Map<Integer, Map<String, Double>> shares = new HashMap<>();
    clusterBySentence.forEach((sentence, cluster) -> {
      sizes.merge(cluster, 1L, Long::sum);
      String construct = coded.get(sentence);
      if (construct != null) shares.computeIfAbsent(cluster, c -> new HashMap<>()).merge(construct, 1.0, Double::sum);
    });
    shares.forEach((cluster, byConstruct) -> byConstruct.replaceAll((construct, n) -> n / sizes.get(cluster)));
    return shares;
  }

  /**
   * One method's figures on the gold sentences (in {@code gold}'s order): agreement of its construct labels with
   * the gold constructs, and of its groups (clusters or codes) with the gold sections. Printed as well.
   */
  private MethodScores score(String method, int clusters, List<String> truth, List<String> predicted, List<?> groups) {
    MethodScores s = scores(method, clusters, truth, predicted, groups);
    print(s);
    return s;
  }

  private static MethodScores scores(String method, int clusters, List<String> truth, List<String> predicted, List<?> groups) {
    return new MethodScores(method, clusters, Agreement.accuracy(truth, predicted),
        Agreement.macroF1(truth, predicted), Agreement.cohensKappa(truth, predicted),
        Agreement.adjustedRandIndex(truth, groups), Agreement.normalizedMutualInformation(truth, groups), List.of());
  }

  private static ConstructSet namesOnly(ConstructSet set) {
    return new ConstructSet(set.id(), set.name(), set.citation(), set.doi(), set.licence(), set.partial(), set.notes(),
        set.constructs().stream().map(c -> new Construct(c.id(), c.name(), "", List.of(), List.of(), List.of(), c.parent()))
            .toList());
  }

  void write(Result result) throws IOException {
    AtomicFiles.write(Path.of(config.out()).resolve("eval.json"),
        w -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(w, result));
  }

  private Dataset<Row> annotate(SparkSession spark, List<String> inputs) {
    JavaRDD<Paper> papers = new ExtractStage(config.extract())
        .transform(JavaSparkContext.fromSparkContext(spark.sparkContext()), InputScanner.scan(inputs))
        .filter(o -> o.paper() != null).map(ExtractStage.Outcome::paper);
    return AnnotateStage.toFrame(spark, new AnnotateStage(config.annotate()).transform(papers)
        .filter(o -> o.sentences() != null).flatMap(o -> o.sentences().iterator()))
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  /** The sentences with their embeddings, computed once for every method that reads them. */
  private Dataset<Row> embedded(Dataset<Row> sentences) {
    Dataset<Row> out = ThemeDiscovery.withEmbeddings(sentences, config.themes())
        .persist(StorageLevel.MEMORY_AND_DISK());
    sentences.unpersist();
    return out;
  }

  /** Sentence key (paper/sentence) to the construct named by the Results subheading it sits under. */
  private Map<String, String> goldConstructs(Dataset<Row> sentences) {
    Map<String, String> byName = idsByName(constructs);
    Map<String, String> gold = new LinkedHashMap<>();
    for (Row r : sentences.filter(col("part").equalTo(SectionPart.RESULTS.label()))
        .select("paper_id", "sentence_no", "section").orderBy("paper_id", "sentence_no").collectAsList()) {
      String construct = byName.get(normalise(r.getString(2)));
      if (construct != null) gold.put(r.getString(0) + "/" + r.getInt(1), construct);
    }
    return gold;
  }

  /** A construct's id under its {@link #normalise normalised} name: the subheading that names it normalises the same. */
  static Map<String, String> idsByName(ConstructSet set) {
    Map<String, String> byName = new HashMap<>();
    set.constructs().forEach(c -> byName.put(normalise(c.name()), c.id()));
    return byName;
  }

  /**
   * A heading without its numbering ("4.2. ", "1) ", and a sub-theme's letter after the number, "3a) "), in lower
   * case, punctuation as spaces.
   */
  static String normalise(String heading) {
    return heading == null ? "" : heading.toLowerCase(Locale.ROOT).replaceAll("^[0-9.\\s]+(?:[a-z][.)])?", "")
        .replaceAll("[^a-z0-9]+", " ").trim();
  }

  private Clustering cluster(String method, Dataset<Row> sentences, int k, long seed) {
    ThemeSettings s = config.themes().withK(k).withSeed(seed);
    // The baselines as they are used: a topic model over each sentence's own terms.
    if (method.equals("mallet-lda")) return mallet(sentences, s.withContext("sentence"));
    // The Spark LDA baseline keeps BERTopic's default description (plain c-TF-IDF order), as it was measured before.
    ThemeSettings settings = method.equals("spark-lda") ? s.withAlgorithm("tfidf", "lda").withContext("sentence").withKeywords("ctfidf")
        : method.startsWith("thememiner-") ? variant(s, method.substring("thememiner-".length())) : s;
    ThemeModel model = new ThemeDiscovery(settings).fit(sentences);
    Dataset<Row> assigned = model.transform(sentences).persist(StorageLevel.MEMORY_AND_DISK());
    Map<String, Integer> bySentence = new HashMap<>();
    for (Row r : assigned.filter(col(ThemeModel.THEME_ID).isNotNull())
        .select("paper_id", "sentence_no", ThemeModel.THEME_ID).collectAsList()) {
      bySentence.put(r.getString(0) + "/" + r.getInt(1), r.getInt(2));
    }
    List<Theme> themes = new ThemeRepresentation(settings).describe(assigned);
    assigned.unpersist();
    return new Clustering(themes, bySentence, model);
  }

  /** The settings of row {@code thememiner-<variant>}: a representation, and after a slash a clustering (default k-means). */
  private static ThemeSettings variant(ThemeSettings s, String variant) {
    String[] parts = variant.split("/", 2);
    return s.withAlgorithm(parts[0], parts.length == 2 ? parts[1] : KMEANS);
  }

  /** MALLET on the sentences the job would cluster, with the same terms; its topic words as keywords. */
  private Clustering mallet(Dataset<Row> sentences, ThemeSettings s) {
    List<Row> rows = ThemeDiscovery.eligible(sentences, s)
        .select("paper_id", "sentence_no", "section", "page", "text", "quote", "terms")
        .orderBy("paper_id", "sentence_no").collectAsList();
    List<List<String>> documents = rows.stream().map(r -> r.<String>getList(6)).toList();
    MalletLda.Fit fit = new MalletLda(s.k(), s.seed(), MALLET_ITERATIONS).fit(documents, 20);
    Map<String, Integer> bySentence = new HashMap<>();
    Map<Integer, List<Integer>> members = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      if (fit.assignment()[i] < 0) continue;
      bySentence.put(rows.get(i).getString(0) + "/" + rows.get(i).getInt(1), fit.assignment()[i]);
      members.computeIfAbsent(fit.assignment()[i], t -> new ArrayList<>()).add(i);
    }
    Map<String, Long> sentencesPerPaper = rows.stream()
        .collect(Collectors.groupingBy(r -> r.getString(0), Collectors.counting()));
    List<Theme> themes = new ArrayList<>();
    for (int t = 0; t < fit.topicWords().size(); t++) {
      List<Integer> m = members.getOrDefault(t, List.of());
      if (m.isEmpty()) continue;
      Map<String, Long> perPaper = m.stream().collect(Collectors.groupingBy(i -> rows.get(i).getString(0), Collectors.counting()));
      Map<String, Double> share = new HashMap<>();
      perPaper.forEach((p, n) -> share.put(p, (double) n / sentencesPerPaper.get(p)));
      List<Evidence> examples = m.stream().limit(5).map(i -> {
        Row r = rows.get(i);
        return new Evidence(r.getString(0), r.getString(2), r.getInt(1), r.isNullAt(3) ? null : r.getInt(3),
            r.getString(4), r.getBoolean(5), 0);
      }).toList();
      List<String> words = fit.topicWords().get(t);
      LargestPaper largest = LargestPaper.of(perPaper);
      themes.add(new Theme(t, String.join(", ", words.subList(0, Math.min(3, words.size()))), words,
          fit.topicWeights().get(t), m.size(), perPaper.entrySet().stream()
              .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
              .map(Map.Entry::getKey).toList(), share, largest.paperId(), largest.share(), examples, List.of()));
    }
    themes.sort(Comparator.comparingInt(Theme::id));
    return new Clustering(themes, bySentence, null);
  }
}
