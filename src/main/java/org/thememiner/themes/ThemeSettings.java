package org.thememiner.themes;

import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/**
 * Parameters of theme discovery, in the spirit of Spark ML Params: representation, then clustering, then
 * what counts as a theme's member.
 *
 * @param k              number of themes; 0 chooses it automatically in [kMin, kMax] by silhouette
 * @param representation {@code tfidf} (content terms and noun phrases), {@code word2vec} (mean of Word2Vec
 *                       vectors trained on the corpus), {@code tfidf-word2vec} (both, each L2-normalised),
 *                       {@code embedding} (sentence embeddings of {@code embeddingModel}) or {@code combined}
 *                       (TF-IDF and sentence embeddings, each L2-normalised)
 * @param algorithm      {@code kmeans} (cosine), {@code trimmed-kmeans} (cosine k-means that leaves
 *                       {@code outlierShare} of the sentences out as outliers), {@code spectral} (spectral
 *                       clustering of the sentences' nearest-neighbour graph), {@code bisecting-kmeans},
 *                       {@code gaussian-mixture} (word2vec or embedding: it needs a low-dimensional space) or
 *                       {@code lda} (a topic-model baseline on term counts); see {@link ThemeParts}
 * @param minTerms       sentences with fewer content terms (with their context) are too thin to cluster and stay
 *                       unassigned, as do those without one of their own
 * @param minDocFreq     a term must occur in at least this many sentences to be a feature
 * @param vocabSize      at most this many TF-IDF features (most frequent first)
 * @param vectorSize     Word2Vec dimensions
 * @param minScore       a sentence less similar than this to its theme (cosine to the centroid; for
 *                       gaussian-mixture and lda, the membership probability) is an outlier, left unassigned
 * @param excludeParts   canonical parts kept out of discovery (methods text says how, not what was found)
 * @param examples       representative sentences (and quotes) kept per theme
 * @param stabilitySeeds refits with this many seeds to report assignment stability (adjusted Rand index); 0 = off
 * @param context        what a sentence is represented by: {@code sentence} (its own terms) or {@code paragraph}
 *                       (in a paragraph of several sentences, its own terms counted twice plus the other terms of
 *                       the paragraph), so that a short quote or an attribution is clustered with its passage
 * @param embeddingModel the sentence-embedding model of {@code embedding} and {@code combined}: one of
 *                       {@link SentenceEncoder#MODELS}
 * @param centre         {@code paper}: each sentence embedding less its paper's mean ({@link GroupMeanShift#paperCentring}),
 *                       and its TF-IDF weights less its paper's mean on its own terms
 *                       ({@link GroupMeanShift#paperTermCentring}), so that themes gather sentences by what they say
 *                       rather than by the paper they are in; {@code none}: as they are
 * @param outlierShare   {@code trimmed-kmeans}: the share of sentences, least similar to their theme, left out as
 *                       outliers
 * @param keywords       how a theme's keywords are ordered, so which make its label: {@code cooccurrence}
 *                       (c-TF-IDF weight and co-occurrence in the theme's sentences) or {@code ctfidf} (plain
 *                       c-TF-IDF, BERTopic's default); see {@link ThemeParts}
 * @param restarts       {@code kmeans}: the themes are the best of this many fits from different seeds (the lowest
 *                       sum of cosine distances to the centres, {@link BestOfKMeans}); {@code spectral}: the same for
 *                       its k-means on the eigenvectors; the fits that choose k start once each
 */
public record ThemeSettings(
    int k, int kMin, int kMax, String representation, String algorithm, long seed, int minTerms, int minDocFreq,
    int vocabSize, int vectorSize, double minScore, List<String> excludeParts, int examples, int stabilitySeeds,
    String context, String embeddingModel, String centre, double outlierShare, String keywords, int restarts)
    implements Serializable {

  public static final List<String> CONTEXTS = List.of("sentence", "paragraph");
  public static final List<String> CENTRES = List.of("none", "paper");

  public static final ThemeSettings DEFAULT = new ThemeSettings(0, 4, 12, "combined", "spectral", 42L, 3, 2, 20_000, 100,
      0.05, List.of("methods", "references", "acknowledgements"), 5, 0, "paragraph", "all-minilm-l6-v2-q", "none", 0.1, "cooccurrence", 10);

  public ThemeSettings {
    excludeParts = List.copyOf(excludeParts);
    if (centre == null || !CENTRES.contains(centre)) {
      throw new IllegalArgumentException("themes.centre must be one of " + CENTRES + ", got " + centre);
    }
    if (embeddingModel == null || !SentenceEncoder.MODELS.contains(embeddingModel)) {
      throw new IllegalArgumentException("themes.embeddingModel must be one of " + SentenceEncoder.MODELS + ", got " + embeddingModel);
    }
    if (context == null || !CONTEXTS.contains(context)) {
      throw new IllegalArgumentException("themes.context must be one of " + CONTEXTS + ", got " + context);
    }
    if (k < 0) throw new IllegalArgumentException("themes.k must be >= 0 (0 = automatic), got " + k);
    if (k == 0 && (kMin < 2 || kMax < kMin)) {
      throw new IllegalArgumentException("themes.kMin/kMax must satisfy 2 <= kMin <= kMax, got " + kMin + ".." + kMax);
    }
    ThemeParts.check(representation, algorithm);
    ThemeParts.keywordOrder(keywords);
    if (minTerms < 1 || minDocFreq < 1 || vocabSize < 10 || vectorSize < 2 || examples < 1 || stabilitySeeds < 0) {
      throw new IllegalArgumentException(
          "themes.minTerms, minDocFreq, examples must be >= 1, vocabSize >= 10, vectorSize >= 2, stabilitySeeds >= 0");
    }
    if (restarts < 1) throw new IllegalArgumentException("themes.restarts must be >= 1, got " + restarts);
    if (minScore < 0 || minScore >= 1) throw new IllegalArgumentException("themes.minScore must be in [0, 1), got " + minScore);
    if (outlierShare < 0 || outlierShare >= 1) {
      throw new IllegalArgumentException("themes.outlierShare must be in [0, 1), got " + outlierShare);
    }
  }

  public ThemeSettings withK(int newK) {
    return with(Map.of("k", newK));
  }

  public ThemeSettings withSeed(long newSeed) {
    return with(Map.of("seed", newSeed));
  }

  public ThemeSettings withContext(String newContext) {
    return with(Map.of("context", newContext));
  }

  public ThemeSettings withCentre(String newCentre) {
    return with(Map.of("centre", newCentre));
  }

  public ThemeSettings withRestarts(int newRestarts) {
    return with(Map.of("restarts", newRestarts));
  }

  public ThemeSettings withKeywords(String newKeywords) {
    return with(Map.of("keywords", newKeywords));
  }

  /** Whether the representation reads sentence embeddings. */
  public boolean embeds() {
    return ThemeParts.embeds(this);
  }

  public ThemeSettings withAlgorithm(String newRepresentation, String newAlgorithm) {
    return with(Map.of("representation", newRepresentation, "algorithm", newAlgorithm));
  }

  /**
   * A copy with some components set, named as in the record's header, and checked together as new settings are: the
   * header stays the one list of the settings, as Spark ML's {@code Params.copy} takes a param map rather than a
   * wither per param.
   */
  private ThemeSettings with(Map<String, ?> changes) {
    RecordComponent[] components = ThemeSettings.class.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] values = new Object[components.length];
    int named = 0;
    try {
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        String name = components[i].getName();
        if (changes.containsKey(name)) named++;
        values[i] = changes.containsKey(name) ? changes.get(name) : components[i].getAccessor().invoke(this);
      }
      if (named < changes.size()) throw new IllegalArgumentException("not theme settings: " + changes.keySet());
      return ThemeSettings.class.getDeclaredConstructor(types).newInstance(values);
    } catch (InvocationTargetException e) {
      // The compact constructor refused the value: its message names the setting.
      if (e.getCause() instanceof RuntimeException refused) throw refused;
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy the theme settings: " + e, e);
    }
  }
}
