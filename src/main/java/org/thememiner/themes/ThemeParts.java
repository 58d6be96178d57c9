package org.thememiner.themes;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.ml.PipelineStage;

/**
 * The swappable parts of theme discovery, each chosen by name from the job spec (as BERTopic composes embedding,
 * clustering and representation): a {@link Representation} per {@code themes.representation}, a {@link Clustering}
 * per {@code themes.algorithm}, a {@link KeywordOrder} per {@code themes.keywords}. A new method is one class added
 * here.
 */
public final class ThemeParts {
  private static final Map<String, Representation> REPRESENTATION_BY_NAME = byName(List.of(new TfIdf(), new Word2VecMean(),
      new JoinedRepresentation("tfidf-word2vec", new TfIdf(), new Word2VecMean()), new SentenceEmbedding(),
      new JoinedRepresentation("combined", new TfIdf(), new SentenceEmbedding())), Representation::name);
  private static final Map<String, Clustering> CLUSTERING_BY_NAME = byName(List.of(new CosineKMeans(), new CosineBisectingKMeans(),
      new GaussianMixtureClustering(), new LdaClustering(), new TrimmedKMeansClustering(), new SpectralClustering()), Clustering::name);

  private static final Map<String, KeywordOrder> KEYWORD_ORDER_BY_NAME = byName(List.of(new CooccurrenceOrder(), new CTfIdfOrder()),
      KeywordOrder::name);

  public static final List<String> REPRESENTATIONS = List.copyOf(REPRESENTATION_BY_NAME.keySet());
  public static final List<String> CLUSTERINGS = List.copyOf(CLUSTERING_BY_NAME.keySet());
  public static final List<String> KEYWORD_ORDERS = List.copyOf(KEYWORD_ORDER_BY_NAME.keySet());

  private ThemeParts() {}

  static Representation representation(String name) {
    Representation r = REPRESENTATION_BY_NAME.get(name);
    if (r == null) throw new IllegalArgumentException("themes.representation must be one of " + REPRESENTATIONS + ", got " + name);
    return r;
  }

  static Clustering clustering(String name) {
    Clustering c = CLUSTERING_BY_NAME.get(name);
    if (c == null) throw new IllegalArgumentException("themes.algorithm must be one of " + CLUSTERINGS + ", got " + name);
    return c;
  }

  static KeywordOrder keywordOrder(String name) {
    KeywordOrder k = KEYWORD_ORDER_BY_NAME.get(name);
    if (k == null) throw new IllegalArgumentException("themes.keywords must be one of " + KEYWORD_ORDERS + ", got " + name);
    return k;
  }

  /** The settings' clustering. */
  static Clustering clustering(ThemeSettings s) {
    return clustering(s.algorithm());
  }

  /** The stages from the sentence table to {@link Clustering#FEATURES} for these settings. */
  static List<PipelineStage> features(ThemeSettings s) {
    return clustering(s).features(representation(s.representation()), s);
  }

  /** Whether the settings' representation reads sentence embeddings. */
  static boolean embeds(ThemeSettings s) {
    return representation(s.representation()).embeds();
  }

  /** Stops, saying why, when the algorithm cannot cluster the representation's vectors. */
  static void check(String representation, String algorithm) {
    clustering(algorithm).unsuitableFor(representation(representation)).ifPresent(why -> {
      throw new IllegalArgumentException("themes.algorithm " + algorithm + " " + why);
    });
  }

  private static <T> Map<String, T> byName(List<T> parts, Function<T, String> name) {
    return parts.stream().collect(Collectors.toMap(name, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
  }
}
