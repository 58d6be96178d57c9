package org.thememiner.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.thememiner.themes.SentenceEncoder;

/**
 * The author themes of primary studies (a synthesis's study table) mapped onto the constructs of a construct set by
 * meaning: each theme, with its text when there is one, and each construct are embedded by a sentence-embedding
 * model, and a theme maps to the construct it is most similar to. Author themes are a few words ("Giving back",
 * "Role clarity"), so a construct is compared {@link Prototypes#PARTS part by part} by default: its name, its
 * description, each sub-theme and each example phrase, the most similar part counting.
 */
public final class AuthorThemeMapping {
  /** One author theme of one study; {@code text} is empty when the table gives only the name. */
  public record AuthorTheme(String study, String theme, String text) {
    String embedded() {
      return text.isBlank() ? theme : theme + ". " + text;
    }
  }

  /**
   * A theme's best construct of a set and their cosine; {@code constructId} is null when the cosine is below the
   * mapping's minimum.
   */
  public record Mapped(AuthorTheme theme, String setId, String constructId, double similarity) {}

  /** What a construct is compared as. */
  public enum Prototypes {
    /** each part (name, description, sub-theme, example phrase) a text of its own; the most similar part counts */
    PARTS,
    /** all parts as one text, as the sentence coding embeds a construct */
    WHOLE
  }

  private final SentenceEncoder encoder;
  private final Prototypes prototypeKind;
  private final double minSimilarity;
  /** Each set's prototype vectors by set id, embedded once. */
  private final Map<String, List<Prototype>> prototypes = new HashMap<>();

  public AuthorThemeMapping(String embeddingModel, Prototypes prototypes, double minSimilarity) {
    if (!(minSimilarity >= -1 && minSimilarity < 1)) throw new IllegalArgumentException("minimum similarity must be in [-1, 1): " + minSimilarity);
    this.encoder = SentenceEncoder.shared(embeddingModel, Runtime.getRuntime().availableProcessors());
    this.prototypeKind = prototypes;
    this.minSimilarity = minSimilarity;
  }

  /**
   * The author themes of a TSV with a header naming {@code study} and {@code author_theme}, and optionally
   * {@code text}; other columns are ignored. A problem names the file and line ({@link InvalidGoldCodingException}).
   */
  public static List<AuthorTheme> read(Path tsv) {
    List<String> lines = CodingTsv.lines(tsv);
    List<String> header = CodingTsv.header(lines);
    int study = CodingTsv.column(tsv, header, "study");
    int theme = CodingTsv.column(tsv, header, "author_theme");
    int text = header.indexOf("text");
    List<AuthorTheme> out = new ArrayList<>();
    for (CodingTsv.Line line : CodingTsv.rows(tsv, lines)) {
      String[] c = line.cells();
      if (c[study].isBlank() || c[theme].isBlank()) throw new InvalidGoldCodingException(line.where() + ": empty study or author_theme");
      out.add(new AuthorTheme(c[study].strip(), c[theme].strip(), text < 0 ? "" : c[text].strip()));
    }
    if (out.isEmpty()) throw new InvalidGoldCodingException(tsv + ": no author themes under the header");
    return out;
  }

  /** Each theme's best construct of {@code set}, in the themes' order. */
  public List<Mapped> map(List<AuthorTheme> themes, ConstructSet set) {
    List<Mapped> out = new ArrayList<>();
    for (AuthorTheme theme : themes) {
      Nearest n = nearest(vector(theme), set);
      out.add(new Mapped(theme, set.id(), n.similarity() >= minSimilarity ? n.constructId() : null, n.similarity()));
    }
    return out;
  }

  /** A construct and its cosine to what was compared with it. */
  public record Nearest(String constructId, double similarity) {}

  /** The unit vector a theme is compared by. */
  public float[] vector(AuthorTheme theme) {
    return encoder.encode(theme.embedded());
  }

  /** The construct of {@code set} nearest to a unit vector (a theme's, or a group's mean). */
  public Nearest nearest(float[] vector, ConstructSet set) {
    List<Prototype> parts = prototypes.computeIfAbsent(set.id(), id -> prototypes(set));
    Prototype best = null;
    double top = Double.NEGATIVE_INFINITY;
    for (Prototype p : parts) {
      double s = dot(vector, p.vector());
      if (s > top) {
        top = s;
        best = p;
      }
    }
    return new Nearest(best == null ? null : best.constructId(), top);
  }

  private record Prototype(String constructId, float[] vector) {}

  private List<Prototype> prototypes(ConstructSet set) {
    List<Prototype> out = new ArrayList<>();
    for (Construct c : set.constructs()) {
      List<String> texts = prototypeKind == Prototypes.PARTS ? SentenceCoder.Prototype.parts(c)
          : List.of(String.join(". ", SentenceCoder.Prototype.parts(c)));
      for (String t : texts) out.add(new Prototype(c.id(), encoder.encode(t)));
    }
    return out;
  }

  static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
    return sum;
  }
}
