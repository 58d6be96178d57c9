package org.thememiner.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
  private final Prototypes prototypes;
  private final double minSimilarity;

  public AuthorThemeMapping(String embeddingModel, Prototypes prototypes, double minSimilarity) {
    if (!(minSimilarity >= -1 && minSimilarity < 1)) throw new IllegalArgumentException("minimum similarity must be in [-1, 1): " + minSimilarity);
    this.encoder = SentenceEncoder.shared(embeddingModel, Runtime.getRuntime().availableProcessors());
    this.prototypes = prototypes;
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
    List<String> ids = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    for (Construct c : set.constructs()) {
      List<String> texts = prototypes == Prototypes.PARTS ? SentenceCoder.Prototype.parts(c)
          : List.of(String.join(". ", SentenceCoder.Prototype.parts(c)));
      for (String t : texts) {
        ids.add(c.id());
        vectors.add(encoder.encode(t));
      }
    }
    List<Mapped> out = new ArrayList<>();
    for (AuthorTheme theme : themes) {
      float[] v = encoder.encode(theme.embedded());
      int best = 0;
      double top = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < vectors.size(); i++) {
        double s = dot(v, vectors.get(i));
        if (s > top) {
          top = s;
          best = i;
        }
      }
      out.add(new Mapped(theme, set.id(), top >= minSimilarity ? ids.get(best) : null, top));
    }
    return out;
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
    return sum;
  }
}
