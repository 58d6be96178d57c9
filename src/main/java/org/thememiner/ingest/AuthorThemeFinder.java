package org.thememiner.ingest;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the author themes of a qualitative study: the Results subheadings under which its authors report what they
 * found, as themes and sub-themes. A paper qualifies when its title, abstract and Methods name enough qualitative
 * methods; its Results subheadings that describe the study (participants, included studies, quality appraisal) are
 * left out with what stands under them, and those that only group findings (a source of data, "Main themes") give
 * way to the headings under them; a lone heading left with sub-headings of its own ("Treatment Burden" over
 * the numbered themes) is an umbrella, and its sub-headings are the themes; a heading numbered like "3a)" is a
 * sub-theme of the "3)" before it even when the format gives both one level. The words it goes by are data
 * ({@code author-themes.yaml}).
 */
public final class AuthorThemeFinder implements Serializable {
  private static final String LEXICON = "author-themes.yaml";
  /** "Theme 2:", "Sub-theme 2.1 -", "3a)", "(2)", "b.", "II.", "2.1": numbering before a theme's name. */
  private static final Pattern ENUMERATOR = Pattern.compile("^\\s*(?:(?:sub-?)?theme\\s*(?=[0-9ivx]))?"
      + "(?:\\d+(?:\\.\\d+)+\\.?|\\(?(?<number>\\d+)(?<letter>[a-z])?(?:[).:]|\\s*[\\u2013\\u2014-](?=\\s))|\\(?[a-z]\\)|[ivx]+\\.)\\s*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern END_PUNCTUATION = Pattern.compile("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$");

  private final int minMethodCues;
  private final List<Pattern> methods;
  private final Pattern descriptive;
  private final Pattern grouping;

  /** What the lexicon file says, as read by {@link #standard()}. */
  private record Lexicon(int minMethodCues, List<String> qualitativeMethods, List<String> descriptiveHeadings,
      List<String> groupingHeadings) {}

  private AuthorThemeFinder(Lexicon lexicon) {
    this.minMethodCues = lexicon.minMethodCues();
    this.methods = lexicon.qualitativeMethods().stream()
        .map(p -> Pattern.compile("\\b(?:" + p + ")\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList();
    this.descriptive = anyOf(lexicon.descriptiveHeadings());
    this.grouping = anyOf(lexicon.groupingHeadings());
  }

  private static Pattern anyOf(List<String> patterns) {
    return Pattern.compile(String.join("|", patterns.stream().map(p -> "(?:" + p + ")").toList()),
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The finder with the lexicon shipped in the jar. */
  public static AuthorThemeFinder standard() {
    try (InputStream in = AuthorThemeFinder.class.getResourceAsStream(LEXICON)) {
      if (in == null) throw new IllegalStateException(LEXICON + " is missing from the jar");
      return new AuthorThemeFinder(new YAMLMapper().readValue(in, Lexicon.class));
    } catch (IOException e) {
      throw new UncheckedIOException(LEXICON + " cannot be read", e);
    }
  }

  public AuthorThemeSearch find(Paper paper) {
    List<Section> results = paper.sections().stream()
        .filter(s -> SectionPart.RESULTS.label().equals(s.part())).toList();
    if (results.isEmpty()) return none(paper, "no Results or Findings section");
    List<String> cues = methodCues(paper);
    if (cues.size() < minMethodCues) {
      return none(paper, String.format(Locale.ROOT, "not recognised as a qualitative study: its title, abstract and Methods"
          + " name %d of the qualitative methods looked for%s, %d needed", cues.size(),
          cues.isEmpty() ? "" : " (" + String.join(", ", cues) + ")", minMethodCues));
    }
    int top = results.stream().mapToInt(Section::level).min().orElseThrow();
    List<Node> nodes = tree(results, top);
    if (nodes.isEmpty()) return none(paper, "Results has no subheadings");
    List<String> described = new ArrayList<>();
    nodes = findings(nodes, described);
    String umbrella = null;
    while (nodes.size() == 1 && nodes.get(0).children.size() >= 2) {
      umbrella = nodes.get(0).name;
      nodes = nodes.get(0).children;
    }
    String leftOut = described.isEmpty() ? "" : "; not themes: " + String.join(", ", described);
    if (nodes.size() < 2) {
      return none(paper, (nodes.isEmpty() ? "no Results subheading names a finding"
          : "one Results subheading names a finding, which is no set of themes") + leftOut);
    }
    List<AuthorTheme> themes = new ArrayList<>();
    flatten(paper.id(), nodes, null, 1, themes);
    long sub = themes.stream().filter(t -> t.parent() != null).count();
    return new AuthorThemeSearch(paper.id(), themes, String.format(Locale.ROOT, "%d themes%s%s%s", themes.size() - sub,
        sub == 0 ? "" : " and " + sub + " sub-themes", umbrella == null ? "" : " under \u201c" + umbrella + "\u201d", leftOut));
  }

  private static AuthorThemeSearch none(Paper paper, String why) {
    return new AuthorThemeSearch(paper.id(), List.of(), why);
  }

  /** The qualitative methods the paper's title, abstract and Methods name, each once, as the paper words them. */
  private List<String> methodCues(Paper paper) {
    StringBuilder text = new StringBuilder(paper.title() == null ? "" : paper.title());
    for (Section s : paper.sections()) {
      if (SectionPart.ABSTRACT.label().equals(s.part()) || SectionPart.METHODS.label().equals(s.part())) {
        text.append('\n').append(s.heading()).append('\n').append(s.text());
      }
    }
    TreeSet<String> found = new TreeSet<>();
    for (Pattern method : methods) {
      Matcher m = method.matcher(text);
      if (m.find()) found.add(m.group().toLowerCase(Locale.ROOT));
    }
    return List.copyOf(found);
  }

  /** A Results subheading and those under it. */
  private static final class Node {
    final Section section;
    final String name;
    final Optional<Numbering> numbering;
    List<Node> children = new ArrayList<>();

    Node(Section section) {
      this.section = section;
      Matcher m = ENUMERATOR.matcher(section.heading());
      boolean numbered = m.lookingAt() && !section.heading().substring(m.end()).isBlank();
      this.name = (numbered ? section.heading().substring(m.end()) : section.heading()).strip();
      this.numbering = numbered && m.group("number") != null
          ? Optional.of(new Numbering(m.group("number"), m.group("letter") == null ? "" : m.group("letter").toLowerCase(Locale.ROOT)))
          : Optional.empty();
    }
  }

  /** "3a)" as number 3, letter a. */
  private record Numbering(String number, String letter) {}

  /** The sections below the Results heading level as a tree, by their levels. */
  private static List<Node> tree(List<Section> results, int top) {
    List<Node> roots = new ArrayList<>();
    List<Node> open = new ArrayList<>();
    for (Section s : results) {
      if (s.level() <= top || s.heading().isBlank()) continue;
      Node node = new Node(s);
      while (!open.isEmpty() && open.get(open.size() - 1).section.level() >= s.level()) open.remove(open.size() - 1);
      (open.isEmpty() ? roots : open.get(open.size() - 1).children).add(node);
      open.add(node);
    }
    return nestLettered(roots);
  }

  /** Siblings numbered "3a)", "3b)" after a "3)" become its children. */
  private static List<Node> nestLettered(List<Node> siblings) {
    List<Node> out = new ArrayList<>();
    for (Node n : siblings) {
      n.children = nestLettered(n.children);
      Optional<Node> parent = n.numbering.filter(num -> !num.letter().isEmpty()).flatMap(num -> out.stream()
          .filter(o -> o.numbering.map(p -> p.letter().isEmpty() && p.number().equals(num.number())).orElse(false))
          .reduce((a, b) -> b));
      if (parent.isPresent()) parent.get().children.add(n);
      else out.add(n);
    }
    return out;
  }

  /**
   * The headings that may name findings: descriptive ones are left out with what stands under them (and listed in
   * {@code described}), grouping ones give way to their sub-headings.
   */
  private List<Node> findings(List<Node> nodes, List<String> described) {
    List<Node> out = new ArrayList<>();
    for (Node n : nodes) {
      String heading = END_PUNCTUATION.matcher(n.name).replaceAll("");
      if (descriptive.matcher(heading).matches()) {
        described.add(n.name);
      } else if (grouping.matcher(heading).matches()) {
        described.add(n.name);
        out.addAll(findings(n.children, described));
      } else {
        n.children = findings(n.children, described);
        out.add(n);
      }
    }
    return out;
  }

  private static void flatten(String paper, List<Node> nodes, String parent, int level, List<AuthorTheme> out) {
    for (Node n : nodes) {
      Section s = n.section;
      List<String> quotes = s.quotes().stream().filter(q -> q.start() >= 0 && q.end() <= s.text().length() && q.start() < q.end())
          .map(q -> s.text().substring(q.start(), q.end()).strip()).toList();
      out.add(new AuthorTheme(paper, n.name, parent, level, s.heading(), s.page(), s.text(), quotes));
      flatten(paper, n.children, n.name, level + 1, out);
    }
  }
}
