package org.thememiner.report;

import static org.thememiner.report.Html.esc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.thememiner.compare.AuthorThemeMapping;
import org.thememiner.compare.ConstructComparison;
import org.thememiner.compare.GoldAgreement;
import org.thememiner.compare.StudyTable;
import org.thememiner.compare.Translation;
import org.thememiner.ingest.AuthorTheme;
import org.thememiner.ingest.AuthorThemeSearch;
import org.thememiner.ingest.InputFailure;
import org.thememiner.themes.Evidence;
import org.thememiner.themes.Theme;

/**
 * {@code report.html}: one self-contained page (inline CSS, no scripts or assets fetched) that a
 * methodologist reads top to bottom: the corpus and run, the themes with their evidence, how they line up
 * with each manual synthesis, and what failed.
 */
public final class HtmlReport {
  /** Rows of the paper x theme matrix shown; the full matrix is in the machine-readable outputs. */
  private static final int MATRIX_ROWS = 300;

  private HtmlReport() {}

  /**
   * @param drift      changes against the run that last wrote the output folder, or null when there was none
   * @param agreements per construct set id, the agreement with a gold coding, where one was scored
   * @param curation   one line per edit of the job's curation ({@code Curation#describe}); empty without one */
  public record Content(RunInfo run, List<PaperSummary> papers, List<Theme> themes,
      List<ConstructComparison> comparisons, Map<String, GoldAgreement> agreements, Drift drift,
      List<InputFailure> failures, StudyTable studyTable, List<String> curation, PaperTexts texts) {}

  public static String render(Content c) {
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>thememiner: ").append(esc(c.run().name())).append("</title><style>").append(CSS)
        .append(themeColourCss()).append("</style></head><body>\n");
    h.append("<header><h1>thememiner report: ").append(esc(c.run().name())).append("</h1><p class=\"meta\">")
        .append(esc(c.run().finishedAt())).append(" &middot; status <b>").append(esc(c.run().status()))
        .append("</b> (exit code ").append(c.run().exitCode()).append(")</p>");
    h.append("<nav><a href=\"#overview\">Overview</a><a href=\"#themes\">Themes</a>")
        .append("<a href=\"#comparison\">Comparison</a><a href=\"#studies\">Studies' themes</a><a href=\"#matrix\">Papers &times; themes</a>")
        .append("<a href=\"#drift\">Drift</a><a href=\"#errors\">Errors</a><a href=\"#papers\">Papers</a></nav></header>\n");
    overview(h, c);
    Map<String, PaperSummary> papers = c.papers().stream().collect(Collectors.toMap(PaperSummary::id, p -> p, (a, b) -> a));
    themes(h, c.themes(), papers);
    comparisons(h, c.comparisons(), c.agreements(), c.themes());
    studies(h, c.studyTable());
    matrix(h, c.papers(), c.themes());
    drift(h, c.drift(), c.themes());
    errors(h, c.failures());
    papers(h, c.papers());
    reading(h, c.papers(), c.themes(), c.texts());
    h.append("<footer>Made by thememiner ").append(esc(c.run().versions().get("thememiner")))
        .append(". Candidate themes are machine output: read the evidence before citing them.</footer>")
        .append("<script>").append(SCRIPT).append("</script></body></html>\n");
    return h.toString();
  }

  private static void overview(StringBuilder h, Content c) {
    RunInfo r = c.run();
    Map<String, Long> byFormat = c.papers().stream().collect(Collectors.groupingBy(PaperSummary::format, TreeMap::new, Collectors.counting()));
    h.append("<section id=\"overview\"><h2>Overview</h2><div class=\"cards\">");
    stat(h, "papers", Integer.toString(c.papers().size()),
        byFormat.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
    stat(h, "failed inputs", Integer.toString(c.failures().size()), "see Errors");
    stat(h, "themes", Integer.toString(c.themes().size()),
        r.chosenK() == null ? "" : "k = " + r.chosenK() + (r.silhouettes().isEmpty() ? " (fixed)"
            : r.stabilities().isEmpty() ? " (by silhouette)" : " (by silhouette and stability)"));
    stat(h, "seed", Long.toString(r.seed()), "master " + r.master());
    if (r.meanLargestPaperShare() != null) {
      stat(h, "largest paper's share", String.format(Locale.ROOT, "%.2f", r.meanLargestPaperShare()),
          "mean over the themes of the share of a theme's sentences from its largest paper (1: one paper each)");
    }
    if (r.stability() != null) {
      stat(h, "stability", String.format(Locale.ROOT, "%.2f", r.stability().meanAri()), String.format(Locale.ROOT,
          "mean adjusted Rand index against %d refits with other seeds (min %.2f)", r.stability().seeds().size(),
          r.stability().minAri()));
    }
    h.append("</div><h3>Stages</h3><table><tr><th>stage</th><th>seconds</th><th>counts</th></tr>");
    for (StageTiming t : r.stages()) {
      h.append("<tr><td>").append(esc(t.stage())).append("</td><td class=\"num\">")
          .append(String.format(Locale.ROOT, "%.1f", t.seconds())).append("</td><td>")
          .append(esc(t.counts().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))))
          .append("</td></tr>");
    }
    h.append("</table>");
    if (!c.curation().isEmpty()) {
      h.append("<h3>Curation</h3><p class=\"meta\">The job spec's <code>curation</code>, applied to the model's themes:</p><ul>");
      for (String edit : c.curation()) h.append("<li>").append(esc(edit)).append("</li>");
      h.append("</ul>");
    }
    h.append("<details><summary>Settings (defaults, job spec and flags combined; also in run.json)</summary><pre>")
        .append(esc(settingsJson(r.settings()))).append("</pre></details><h3>Versions</h3><p class=\"meta\">")
        .append(esc(r.versions().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" · "))))
        .append("</p>");
    h.append("<div class=\"charts\">");
    Map<Integer, Long> byYear = c.papers().stream().filter(p -> p.year() != null)
        .collect(Collectors.groupingBy(PaperSummary::year, TreeMap::new, Collectors.counting()));
    if (!byYear.isEmpty()) {
      Map<String, Long> years = new java.util.LinkedHashMap<>();
      byYear.forEach((y, n) -> years.put(Integer.toString(y), n));
      h.append(Charts.bars("Papers by year", "year", "papers", years, 520, 260));
    }
    if (!c.themes().isEmpty()) {
      Map<String, Long> sizes = new java.util.LinkedHashMap<>();
      c.themes().forEach(t -> sizes.put("T" + t.id(), t.size()));
      h.append(Charts.bars("Sentences per theme", "theme", "sentences", sizes, 520, 260));
    }
    if (!r.silhouettes().isEmpty()) {
      h.append(Charts.line("Choosing the number of themes", "number of themes (k)", "silhouette (cosine)",
          r.silhouettes(), r.chosenK() == null ? null : (double) r.chosenK(), 520, 260));
    }
    if (!r.stabilities().isEmpty()) {
      h.append(Charts.line("Stability of each number of themes", "number of themes (k)", "mean ARI across seeds",
          r.stabilities(), r.chosenK() == null ? null : (double) r.chosenK(), 520, 260));
    }
    h.append("</div>");
    h.append("</section>\n");
  }

  private static void stat(StringBuilder h, String name, String value, String note) {
    h.append("<div class=\"stat\"><div class=\"v\">").append(esc(value)).append("</div><div>").append(esc(name))
        .append("</div><div class=\"meta\">").append(esc(note)).append("</div></div>");
  }

  private static void themes(StringBuilder h, List<Theme> themes, Map<String, PaperSummary> papers) {
    h.append("<section id=\"themes\"><h2>Candidate themes</h2>");
    for (Theme t : themes) {
      h.append("<article class=\"theme\" id=\"theme-").append(t.id()).append("\"><h3><span class=\"tid\">T")
          .append(t.id()).append("</span> ").append(esc(t.label())).append("</h3><p class=\"meta\">")
          .append(t.size()).append(" sentences in ").append(t.papers().size()).append(" papers, ")
          .append(String.format(Locale.ROOT, "%.0f%%", 100 * t.largestPaperShare())).append(" from the largest, ")
          .append(esc(t.largestPaper())).append("</p><p class=\"kw\">");
      double top = t.keywordWeights().isEmpty() ? 1 : t.keywordWeights().get(0);
      for (int i = 0; i < Math.min(12, t.keywords().size()); i++) {
        double w = top == 0 ? 0 : t.keywordWeights().get(i) / top;
        h.append("<span style=\"background:").append(Html.heat(0.15 + 0.6 * w)).append(";color:")
            .append(Html.ink(0.15 + 0.6 * w)).append("\">").append(esc(t.keywords().get(i))).append("</span>");
      }
      h.append("</p><h4>Representative sentences</h4><ol>");
      for (Evidence e : t.examples()) evidence(h, e, papers.get(e.paperId()));
      h.append("</ol>");
      if (!t.quotes().isEmpty()) {
        h.append("<h4>Participant quotes</h4><ol class=\"quotes\">");
        for (Evidence e : t.quotes()) evidence(h, e, papers.get(e.paperId()));
        h.append("</ol>");
      }
      h.append("</article>");
    }
    h.append("</section>\n");
  }

  /** A sentence with where it is: its paper (a link to the file, at the page of a PDF), section and page. */
  private static void evidence(StringBuilder h, Evidence e, PaperSummary paper) {
    h.append("<li><q>").append(esc(e.text())).append("</q> <cite>");
    Optional<String> link = paper == null ? Optional.empty() : paper.fileLink(e.page());
    if (link.isPresent()) h.append("<a href=\"").append(esc(link.get())).append("\">").append(esc(e.paperId())).append("</a>");
    else h.append(esc(e.paperId()));
    if (e.section() != null && !e.section().isBlank()) h.append(" &middot; ").append(esc(e.section()));
    if (e.page() != null) h.append(" &middot; p. ").append(e.page());
    h.append(String.format(Locale.ROOT, " &middot; %.2f", e.score())).append("</cite></li>");
  }

  private static void comparisons(StringBuilder h, List<ConstructComparison> comparisons,
      Map<String, GoldAgreement> agreements, List<Theme> themes) {
    h.append("<section id=\"comparison\"><h2>Comparison with manual syntheses</h2>");
    if (comparisons.isEmpty()) h.append("<p>No construct set was given (--constructs).</p>");
    Map<Integer, String> labels = themes.stream().collect(Collectors.toMap(Theme::id, Theme::label));
    for (ConstructComparison v : comparisons) {
      h.append("<article class=\"cmp\"><h3>").append(esc(v.setName())).append("</h3><p class=\"meta\">")
          .append(esc(v.citation())).append(v.partial() ? " &middot; <b>partial construct set</b>: precision is a lower bound" : "")
          .append("</p><div class=\"cards\">");
      stat(h, "coverage", pct(v.coverage()), "constructs matched by a theme");
      stat(h, "precision", pct(v.precision()), "themes that match a construct");
      stat(h, "F1", String.format(Locale.ROOT, "%.2f", v.f1()), "match threshold " + v.matchThreshold());
      GoldAgreement gold = agreements.get(v.setId());
      if (gold != null) {
        stat(h, "Cohen's kappa", GoldAgreement.kappaText(gold.kappa()),
            "paper x construct presence against the gold coding (" + gold.papers() + " papers)");
        GoldAgreement.SentenceLevel sentences = gold.sentences();
        if (sentences != null) {
          stat(h, "sentence kappa", GoldAgreement.kappaText(sentences.kappa()),
              "sentence coding against the gold coding's coded text (" + sentences.sentences() + " sentences of "
                  + sentences.papers() + " papers, " + sentences.codedSentences() + " coded by the coder; "
                  + sentences.sentencesNotFound() + " not found in its text)");
        }
      }
      h.append("</div>");
      ConstructComparison.SimilarityMatrix hm = v.matrix();
      if (!hm.themeIds().isEmpty() && !hm.constructIds().isEmpty()) {
        h.append(Charts.heatmap("Similarity of themes and constructs",
            hm.themeIds().stream().map(id -> shorten("T" + id + " " + labels.getOrDefault(id, ""))).toList(),
            v.constructs().stream().map(k -> shorten(k.name())).toList(), hm.values(),
            Math.min(1000, 360 + 60 * hm.constructIds().size()), Math.min(900, 220 + 34 * hm.themeIds().size())));
      }
      Map<String, String> names = v.constructs().stream()
          .collect(Collectors.toMap(ConstructComparison.ConstructResult::constructId, ConstructComparison.ConstructResult::name));
      h.append(FILTER_THEMES).append("<div class=\"scroll\"><table class=\"heat sortable\"><thead><tr><th>theme \\ construct</th>");
      for (ConstructComparison.ConstructResult c : v.constructs()) {
        h.append("<th class=\"rot\"><div>").append(esc(c.name())).append("</div></th>");
      }
      h.append("</tr></thead><tbody>");
      Set<String> aligned = v.alignment().stream().map(p -> p.themeId() + "/" + p.constructId()).collect(Collectors.toSet());
      ConstructComparison.SimilarityMatrix m = v.matrix();
      for (int i = 0; i < m.themeIds().size(); i++) {
        int tid = m.themeIds().get(i);
        h.append("<tr><th><a href=\"#theme-").append(tid).append("\">T").append(tid).append("</a> ")
            .append(esc(labels.getOrDefault(tid, ""))).append("</th>");
        for (int j = 0; j < m.constructIds().size(); j++) {
          double s = m.values()[i][j];
          h.append("<td title=\"").append(esc("T" + tid + " " + labels.getOrDefault(tid, "") + " · "
                  + names.getOrDefault(m.constructIds().get(j), m.constructIds().get(j)) + ": similarity "
                  + String.format(Locale.ROOT, "%.2f", s))).append("\" data-v=\"").append(String.format(Locale.ROOT, "%.4f", s))
              .append("\" style=\"background:").append(Html.heat(s)).append(";color:").append(Html.ink(s)).append("\"")
              .append(aligned.contains(tid + "/" + m.constructIds().get(j)) ? " class=\"best\"" : "").append(">")
              .append(String.format(Locale.ROOT, "%.2f", s)).append("</td>");
        }
        h.append("</tr>");
      }
      h.append("</tbody></table></div><p class=\"meta\">Outlined cells: the one-to-one alignment (Hungarian) of themes and "
          + "constructs at or above the threshold. Click a heading to sort.</p>");
      h.append("<p><b>Constructs no theme supports:</b> ").append(v.unsupportedConstructs().isEmpty() ? "none"
              : esc(v.unsupportedConstructs().stream().map(names::get).collect(Collectors.joining("; "))))
          .append("</p><p><b>Candidate new themes</b> (no construct explains them): ")
          .append(v.candidateNewThemes().isEmpty() ? "none" : v.candidateNewThemes().stream()
              .map(id -> "T" + id + " " + esc(labels.getOrDefault(id, ""))).collect(Collectors.joining("; ")))
          .append("</p>");
      presence(h, v, names);
      h.append("</article>");
    }
    h.append("</section>\n");
  }

  /** Papers x constructs, like the summary table of a published meta-synthesis. */
  private static void presence(StringBuilder h, ConstructComparison v, Map<String, String> names) {
    ConstructComparison.PaperPresence p = v.paperPresence();
    if (p == null || p.paperIds().isEmpty()) return;
    h.append("<h4>Papers &times; constructs</h4><p class=\"meta\">Share of each paper's assigned sentences in themes "
        + "mapped to the construct; &#10003; at or above ").append(pct(v.minPaperShare())).append(". Click a heading to sort.</p>")
        .append(FILTER).append("<div class=\"scroll\"><table class=\"heat sortable\"><thead><tr><th>paper</th>");
    for (String c : p.constructIds()) h.append("<th>").append(esc(names.getOrDefault(c, c))).append("</th>");
    h.append("</tr></thead><tbody>");
    int rows = Math.min(MATRIX_ROWS, p.paperIds().size());
    for (int i = 0; i < rows; i++) {
      h.append("<tr><th>").append(esc(p.paperIds().get(i))).append("</th>");
      for (int j = 0; j < p.constructIds().size(); j++) {
        double s = p.share()[i][j];
        h.append("<td title=\"").append(esc(p.paperIds().get(i) + " · " + names.getOrDefault(p.constructIds().get(j), p.constructIds().get(j))
            + ": " + pct(s))).append("\" data-v=\"").append(String.format(Locale.ROOT, "%.4f", s)).append("\" style=\"background:")
            .append(Html.heat(s)).append(";color:").append(Html.ink(s)).append("\">")
            .append(p.present()[i][j] ? "&#10003; " : "").append(s == 0 ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * s))
            .append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</tbody></table></div>");
  }

  private static void matrix(StringBuilder h, List<PaperSummary> papers, List<Theme> themes) {
    h.append("<section id=\"matrix\"><h2>Papers &times; themes</h2><p class=\"meta\">Share of each paper's assigned sentences in each theme")
        .append(papers.size() > MATRIX_ROWS ? " (first " + MATRIX_ROWS + " papers; all are in themes.json)" : "")
        .append(". Click a heading to sort.</p>").append(FILTER)
        .append("<div class=\"scroll\"><table class=\"heat sortable\"><thead><tr><th>paper</th>");
    for (Theme t : themes) h.append("<th title=\"").append(esc(t.label())).append("\">T").append(t.id()).append("</th>");
    h.append("</tr></thead><tbody>");
    for (PaperSummary p : papers.subList(0, Math.min(MATRIX_ROWS, papers.size()))) {
      h.append("<tr><th title=\"").append(esc(p.title())).append("\">").append(esc(p.id())).append("</th>");
      for (Theme t : themes) heatCell(h, t.paperShare().getOrDefault(p.id(), 0.0), p.id() + " · T" + t.id() + " " + t.label());
      h.append("</tr>");
    }
    h.append("</tbody></table></div>");
    byYear(h, papers, themes);
    h.append("</section>\n");
  }

  /** The themes by publication year: per year, the mean share of its papers' assigned sentences in each theme. */
  private static void byYear(StringBuilder h, List<PaperSummary> papers, List<Theme> themes) {
    Map<Integer, List<PaperSummary>> years = papers.stream().filter(p -> p.year() != null)
        .collect(Collectors.groupingBy(PaperSummary::year, TreeMap::new, Collectors.toList()));
    if (years.isEmpty() || themes.isEmpty()) return;
    h.append("<h3>Themes by publication year</h3><p class=\"meta\">Per year, the mean over its papers of the share of a")
        .append(" paper's assigned sentences in each theme (papers without a year left out).</p>")
        .append("<div class=\"scroll\"><table class=\"heat sortable\"><thead><tr><th>year</th><th>papers</th>");
    for (Theme t : themes) h.append("<th title=\"").append(esc(t.label())).append("\">T").append(t.id()).append("</th>");
    h.append("</tr></thead><tbody>");
    years.forEach((year, inYear) -> {
      h.append("<tr><th>").append(year).append("</th><td class=\"num\" data-v=\"").append(inYear.size()).append("\">")
          .append(inYear.size()).append("</td>");
      for (Theme t : themes) {
        double mean = inYear.stream().mapToDouble(p -> t.paperShare().getOrDefault(p.id(), 0.0)).average().orElse(0);
        heatCell(h, mean, year + " · T" + t.id() + " " + t.label());
      }
      h.append("</tr>");
    });
    h.append("</tbody></table></div>");
  }

  /** A share as a heat cell, with what it is as its tooltip. */
  private static void heatCell(StringBuilder h, double share, String what) {
    h.append("<td title=\"").append(esc(what + ": " + pct(share))).append("\" data-v=\"")
        .append(String.format(Locale.ROOT, "%.4f", share)).append("\" style=\"background:").append(Html.heat(share))
        .append(";color:").append(Html.ink(share)).append("\">")
        .append(share == 0 ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * share)).append("</td>");
  }

  private static void drift(StringBuilder h, Drift d, List<Theme> themes) {
    h.append("<section id=\"drift\"><h2>Changes since the previous run</h2>");
    if (d == null) {
      h.append("<p>This output folder held no earlier run to compare with.</p></section>\n");
      return;
    }
    Map<Integer, String> labels = themes.stream().collect(Collectors.toMap(Theme::id, Theme::label));
    h.append("<p class=\"meta\">Previous run started ").append(esc(d.previousRun())).append(". Themes are matched one to one "
        + "on the cosine of their keyword weights (at least ").append(Drift.MATCH).append(").</p><div class=\"cards\">");
    stat(h, "matched themes", Integer.toString(d.matched().size()), "");
    stat(h, "new themes", Integer.toString(d.newThemes().size()), "");
    stat(h, "vanished themes", Integer.toString(d.vanishedThemes().size()), "previous ids " + d.vanishedThemes());
    stat(h, "papers", "+" + d.papersAdded().size() + " / -" + d.papersRemoved().size(), "added / removed");
    h.append("</div><table><tr><th>previous</th><th>now</th><th>similarity</th><th>share before</th><th>share now</th>"
        + "<th>change</th></tr>");
    for (Drift.Match m : d.matched()) {
      h.append("<tr><td>T").append(m.previousId()).append("</td><td>T").append(m.currentId()).append(" ")
          .append(esc(labels.getOrDefault(m.currentId(), ""))).append("</td><td class=\"num\">")
          .append(String.format(Locale.ROOT, "%.2f", m.similarity())).append("</td><td class=\"num\">")
          .append(pct(m.previousShare())).append("</td><td class=\"num\">").append(pct(m.currentShare()))
          .append("</td><td>").append(esc(m.change())).append("</td></tr>");
    }
    h.append("</table>");
    if (!d.newThemes().isEmpty()) {
      h.append("<p><b>New themes:</b> ").append(d.newThemes().stream().map(id -> "T" + id + " " + esc(labels.getOrDefault(id, "")))
          .collect(Collectors.joining("; "))).append("</p>");
    }
    if (!d.papersAdded().isEmpty()) h.append("<p><b>Papers added:</b> ").append(esc(String.join(", ", d.papersAdded()))).append("</p>");
    h.append("</section>\n");
  }

  private static void errors(StringBuilder h, List<InputFailure> failures) {
    h.append("<section id=\"errors\"><h2>Errors</h2>");
    if (failures.isEmpty()) {
      h.append("<p>Every input was processed.</p>");
    } else {
      h.append("<table><tr><th>input</th><th>stage</th><th>reason</th></tr>");
      for (InputFailure f : failures) {
        h.append("<tr><td>").append(esc(f.path())).append("</td><td>").append(esc(f.stage())).append("</td><td>")
            .append(esc(f.reason())).append("</td></tr>");
      }
      h.append("</table>");
    }
    h.append("</section>\n");
  }

  /**
   * The studies' own themes, study by study, each with the construct it maps to in every set: the table a
   * meta-synthesis starts from. Papers without author themes are listed with the reason.
   */
  private static void studies(StringBuilder h, StudyTable table) {
    List<AuthorTheme> themes = table.themes();
    Map<String, List<AuthorThemeMapping.Mapped>> bySet = table.mapped().stream()
        .collect(Collectors.groupingBy(AuthorThemeMapping.Mapped::setId, java.util.LinkedHashMap::new, Collectors.toList()));
    long studies = table.searches().stream().filter(AuthorThemeSearch::found).count();
    h.append("<section id=\"studies\"><h2>Studies' own themes</h2><p class=\"meta\">").append(studies).append(" of ")
        .append(table.searches().size()).append(" papers have author themes (Results subheadings of a qualitative study),")
        .append(" ").append(themes.size()).append(" in all; also in author_themes.jsonl")
        .append(bySet.isEmpty() ? "" : " and, with the construct each maps to by meaning, author_themes.csv").append(".</p>");
    if (!themes.isEmpty()) {
      h.append("<div class=\"scroll\"><table class=\"sortable\"><thead><tr><th>study</th><th>author theme</th>")
          .append("<th>quotes</th>");
      bySet.keySet().forEach(set -> h.append("<th>").append(esc(set)).append("</th>"));
      h.append("</tr></thead><tbody>");
      for (int i = 0; i < themes.size(); i++) {
        AuthorTheme t = themes.get(i);
        h.append("<tr><td>").append(esc(t.paper())).append("</td><td>")
            .append(t.parent() == null ? "" : "&#8627; ").append(esc(t.theme()))
            .append(t.parent() == null ? "" : " <span class=\"meta\">(under " + esc(t.parent()) + ")</span>")
            .append("</td><td class=\"num\" data-v=\"").append(t.quotes().size()).append("\">").append(t.quotes().size())
            .append("</td>");
        for (List<AuthorThemeMapping.Mapped> mapped : bySet.values()) {
          AuthorThemeMapping.Mapped m = mapped.get(i);
          h.append("<td>").append(esc(m.constructId() == null ? "" : m.constructId()))
              .append(String.format(Locale.ROOT, " <span class=\"meta\">%.2f</span>", m.similarity())).append("</td>");
        }
        h.append("</tr>");
      }
      h.append("</tbody></table></div>");
    }
    translations(h, table);
    List<AuthorThemeSearch> without = table.searches().stream().filter(s -> !s.found()).toList();
    if (!without.isEmpty()) {
      h.append("<details><summary>").append(without.size()).append(" papers without author themes, and why</summary><table>")
          .append("<tr><th>paper</th><th>why</th></tr>");
      for (AuthorThemeSearch s : without) {
        h.append("<tr><td>").append(esc(s.paper())).append("</td><td>").append(esc(s.note())).append("</td></tr>");
      }
      h.append("</table></details>");
    }
    h.append("</section>\n");
  }

  /** The author themes that say the same thing across studies, beside the constructs and the sentence themes. */
  private static void translations(StringBuilder h, StudyTable table) {
    List<Translation.Group> across = table.translations().stream().filter(Translation.Group::acrossStudies).toList();
    if (table.translations().isEmpty()) return;
    h.append("<h3>Translation across studies</h3><p class=\"meta\">Author themes of different studies that say the same")
        .append(" thing, grouped by the meaning of their names and opening text: ").append(across.size())
        .append(" groups span two or more studies; ").append(table.translations().size() - across.size())
        .append(" themes or groups stand in one study alone. Also in translations.json.</p>");
    if (across.isEmpty()) return;
    List<String> setIds = across.get(0).constructs().stream().map(Translation.SetMatch::setId).toList();
    h.append("<div class=\"scroll\"><table class=\"sortable\"><thead><tr><th>group</th><th>studies</th><th>author themes</th>");
    setIds.forEach(set -> h.append("<th>").append(esc(set)).append("</th>"));
    h.append("<th>sentence themes</th></tr></thead><tbody>");
    for (Translation.Group g : across) {
      h.append("<tr><td>").append(esc(g.label())).append("</td><td class=\"num\" data-v=\"").append(g.studies()).append("\">")
          .append(g.studies()).append("</td><td>")
          .append(esc(g.themes().stream().map(t -> t.theme() + " (" + t.study() + ")").collect(Collectors.joining("; "))))
          .append("</td>");
      for (Translation.SetMatch m : g.constructs()) {
        h.append("<td>").append(m.newConstruct() ? "<b>candidate new construct</b> (nearest " + esc(m.constructId()) + ")"
            : esc(m.constructId())).append(String.format(Locale.ROOT, " <span class=\"meta\">%.2f</span>", m.similarity()))
            .append("</td>");
      }
      h.append("<td>").append(esc(table.sentenceThemes().getOrDefault(g.id(), List.of()).stream().limit(3)
          .map(c -> "T" + c.themeId() + " (" + c.sentences() + ")").collect(Collectors.joining(", ")))).append("</td></tr>");
    }
    h.append("</tbody></table></div>");
  }

  private static void papers(StringBuilder h, List<PaperSummary> papers) {
    h.append("<section id=\"papers\"><h2>Papers</h2><table><tr><th>id</th><th>title</th><th>year</th><th>format</th>")
        .append("<th>DOI</th><th>sections</th><th>warnings</th></tr>");
    for (PaperSummary p : papers) {
      Optional<String> file = p.fileLink(null);
      h.append("<tr><td>").append(file.isPresent() ? "<a href=\"" + esc(file.get()) + "\">" + esc(p.id()) + "</a>" : esc(p.id()))
          .append("</td><td>").append(esc(p.title())).append("</td><td>")
          .append(esc(p.year())).append("</td><td>").append(esc(p.format())).append("</td><td>")
          .append(p.doi() == null || p.doi().isBlank() ? "" : "<a href=\"https://doi.org/" + esc(p.doi()) + "\">" + esc(p.doi()) + "</a>")
          .append("</td><td class=\"num\">").append(p.sections()).append("</td><td>")
          .append(esc(String.join("; ", p.warnings()))).append("</td></tr>");
    }
    h.append("</table></section>\n");
  }

  /**
   * Each paper's text with every sentence coloured by its theme (hover for the theme), folded by paper: the themes
   * read in context. Sentences in no theme stay plain.
   */
  private static void reading(StringBuilder h, List<PaperSummary> papers, List<Theme> themes, PaperTexts texts) {
    h.append("<section id=\"reading\"><h2>Read a paper</h2>");
    if (texts.byPaper().isEmpty()) {
      h.append("<p>The run has ").append(texts.total()).append(" sentences, more than this page carries (")
          .append(PaperTexts.MAX_SENTENCES).append("); every sentence with its theme is in assignments.csv.</p></section>\n");
      return;
    }
    Map<Integer, String> labels = themes.stream().collect(Collectors.toMap(Theme::id, Theme::label));
    Map<Integer, Integer> colour = new java.util.HashMap<>();
    for (int i = 0; i < themes.size(); i++) colour.put(themes.get(i).id(), i % THEME_COLOURS.size());
    h.append("<p class=\"meta\">Each sentence coloured by its theme; hover a sentence for its theme. Plain sentences are")
        .append(" in no theme (left out, too short, or outliers).</p><p class=\"legend\">");
    for (Theme t : themes) {
      h.append("<span class=\"s c").append(colour.get(t.id())).append("\">T").append(t.id()).append(' ')
          .append(esc(t.label())).append("</span> ");
    }
    h.append("</p>");
    Map<String, PaperSummary> byId = papers.stream().collect(Collectors.toMap(PaperSummary::id, p -> p, (a, b) -> a));
    texts.byPaper().forEach((paper, sentences) -> {
      PaperSummary summary = byId.get(paper);
      h.append("<details><summary>").append(esc(paper)).append(summary == null || summary.title() == null ? ""
          : " &middot; " + esc(summary.title())).append("</summary>");
      if (summary != null) paperLinks(h, summary);
      h.append("<div class=\"text\">");
      String section = null;
      Integer page = null;
      for (PaperTexts.Sentence s : sentences) {
        if (!java.util.Objects.equals(section, s.section())) {
          if (section != null) h.append("</p>");
          section = s.section();
          if (section != null && !section.isBlank()) h.append("<h4>").append(esc(section)).append("</h4>");
          h.append("<p>");
        }
        if (s.page() != null && !s.page().equals(page) && summary != null) {
          page = s.page();
          int at = page;
          summary.fileLink(at).ifPresent(link -> h.append("<a class=\"pg\" href=\"").append(esc(link))
              .append("\" title=\"open the PDF at page ").append(at).append("\">p. ").append(at).append("</a> "));
        }
        if (s.themeId() == null) {
          h.append(esc(s.text())).append(' ');
        } else {
          h.append("<span class=\"s c").append(colour.getOrDefault(s.themeId(), 0)).append("\" title=\"T").append(s.themeId())
              .append(' ').append(esc(labels.getOrDefault(s.themeId(), ""))).append("\">").append(esc(s.text())).append("</span> ");
        }
      }
      if (section != null) h.append("</p>");
      h.append("</div></details>");
    });
    h.append("</section>\n");
  }

  /** The paper's DOI and the file it was read from, as links. */
  private static void paperLinks(StringBuilder h, PaperSummary p) {
    boolean doi = p.doi() != null && !p.doi().isBlank();
    Optional<String> file = p.fileLink(null);
    if (!doi && file.isEmpty()) return;
    h.append("<p class=\"meta\">");
    if (doi) h.append("DOI <a href=\"https://doi.org/").append(esc(p.doi())).append("\">").append(esc(p.doi())).append("</a> ");
    file.ifPresent(link -> h.append("read from <a href=\"").append(esc(link)).append("\">")
        .append(esc(p.source().substring(p.source().lastIndexOf('/') + 1))).append("</a>"));
    h.append("</p>");
  }

  private static String themeColourCss() {
    StringBuilder css = new StringBuilder();
    for (int i = 0; i < THEME_COLOURS.size(); i++) css.append(".c").append(i).append("{background:").append(THEME_COLOURS.get(i)).append('}');
    return css.toString();
  }

  /** Light backgrounds, one per theme in turn, dark enough to tell apart and light enough to read black text on. */
  private static final List<String> THEME_COLOURS = List.of("#cfe2f3", "#d9ead3", "#f4cccc", "#fce5cd", "#d9d2e9",
      "#ead1dc", "#fff2cc", "#d0e0e3", "#e6b8af", "#c9daf8", "#b6d7a8", "#ffe599");

  private static String settingsJson(Object settings) {
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(settings);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return String.valueOf(settings);
    }
  }

  private static String shorten(String label) {
    return label.length() <= 40 ? label : label.substring(0, 39) + "…";
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * v);
  }

  /** A box that keeps only the rows of the table after it whose first cell holds what is typed ({@link #SCRIPT}). */
  private static final String FILTER = filter("papers", "paper");
  private static final String FILTER_THEMES = filter("themes", "theme");

  private static String filter(String rows, String by) {
    return "<input type=\"search\" class=\"filter\" placeholder=\"filter " + rows + "\" aria-label=\"filter the rows of the"
        + " table below by " + by + "\">";
  }

  /**
   * The page's only script: click a heading of a table marked sortable, or focus it with Tab and press Enter or
   * Space, to sort its rows by that column (numbers by their data-v value, text alphabetically), again to reverse;
   * {@code aria-sort} tells a screen reader which column the rows are sorted by, and how. A filter box keeps the
   * rows of the next table whose first cell contains its text.
   */
  private static final String SCRIPT = """
      document.querySelectorAll("input.filter").forEach(function (box) {
        var table = box.nextElementSibling.querySelector("table");
        box.addEventListener("input", function () {
          var q = box.value.trim().toLowerCase();
          Array.from(table.tBodies[0].rows).forEach(function (row) {
            row.hidden = q !== "" && row.cells[0].textContent.toLowerCase().indexOf(q) < 0;
          });
        });
      });
      document.querySelectorAll("table.sortable thead th").forEach(function (th, col) {
        th.style.cursor = "pointer";
        th.tabIndex = 0;
        th.setAttribute("aria-sort", "none");
        var sort = function () {
          var body = th.closest("table").tBodies[0];
          var asc = th.getAttribute("aria-sort") !== "ascending";
          th.closest("tr").querySelectorAll("th").forEach(function (other) { other.setAttribute("aria-sort", "none"); });
          th.setAttribute("aria-sort", asc ? "ascending" : "descending");
          var key = function (row) {
            var cell = row.children[col];
            return cell.dataset.v !== undefined ? parseFloat(cell.dataset.v) : cell.textContent.trim().toLowerCase();
          };
          Array.from(body.rows).sort(function (a, b) {
            var x = key(a), y = key(b);
            return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1);
          }).forEach(function (row) { body.appendChild(row); });
        };
        th.addEventListener("click", sort);
        th.addEventListener("keydown", function (e) {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            sort();
          }
        });
      });
      """;

  private static final String CSS = """
      body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;padding:0 1.2em 3em;color:#1d1d1f}
      header{border-bottom:1px solid #ddd;margin-bottom:1em}h1{font-size:1.6em;margin:.8em 0 .2em}
      nav a{margin-right:1em;color:#21669d;text-decoration:none}h2{margin-top:2em;border-bottom:2px solid #21669d;padding-bottom:.2em}
      .meta{color:#666;font-size:.9em}.cards{display:flex;flex-wrap:wrap;gap:.8em}
      .stat{border:1px solid #ddd;border-radius:6px;padding:.6em 1em;min-width:9em}.stat .v{font-size:1.6em;font-weight:600}
      table{border-collapse:collapse;margin:.5em 0;font-size:.9em}td,th{border:1px solid #e3e3e3;padding:.25em .5em;text-align:left;vertical-align:top}
      td.num{text-align:right}.scroll{overflow-x:auto}.heat td{text-align:center;min-width:3em}
      .heat td.best{outline:3px solid #e67e22;outline-offset:-3px;font-weight:700}
      th.rot{height:9em;white-space:nowrap;vertical-align:bottom}table.sortable th:focus{outline:2px solid #e67e22}input.filter{margin:.3em 0;padding:.2em .4em}.s{border-radius:3px;padding:0 .1em}.text{max-width:50em}th.rot div{transform:rotate(-40deg);width:2.5em}a.pg{font-size:.75em;color:#666}
      .theme,.cmp{border:1px solid #ddd;border-radius:8px;padding:.2em 1.2em 1em;margin:1em 0}
      .tid{background:#21669d;color:#fff;border-radius:4px;padding:0 .4em;font-size:.85em}
      .kw span{display:inline-block;border-radius:12px;padding:.05em .6em;margin:.15em;font-size:.9em}
      q{quotes:"\\201C" "\\201D"}cite{color:#666;font-size:.85em;font-style:normal}.quotes q{font-style:italic}
      .charts{display:flex;flex-wrap:wrap;gap:1em}svg{max-width:100%;height:auto}
      footer{margin-top:3em;color:#888;font-size:.85em}details{margin:1em 0}pre{background:#f6f8fa;padding:.8em;overflow-x:auto;font-size:.8em}
      """;
}
