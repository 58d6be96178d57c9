package org.thememiner.report.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLStreamException;
import org.thememiner.compare.CollapsedText;
import org.thememiner.ingest.AuthorTheme;
import org.thememiner.ingest.Paper;
import org.thememiner.report.AtomicFiles;
import org.thememiner.report.Csv;
import org.thememiner.report.RunLayout;

/**
 * Writes a run as a REFI-QDA project ({@code <run>/export/project.qdpx}) that NVivo, ATLAS.ti and MAXQDA import:
 * each paper a text source, each candidate theme a code, each clustered sentence a selection coded with its theme
 * and, per construct set in comparison.json, with the construct its theme maps to. The studies' own themes
 * ({@code author_themes.jsonl}) are codes too, under their study, sub-themes under their theme: the text under each
 * one's heading is a selection coded with it and with the constructs it maps to ({@code author_themes.csv}). Positions are Unicode code
 * points from 0, end exclusive, as REFI-QDA 1.5 (section 10.2) counts them. A sentence that cannot be found in its
 * paper's text is not guessed at: it is left out and listed in {@code export/unlocated-sentences.csv}.
 */
public final class QdpxExport {
  /** The REFI-QDA Project namespace. */
  public static final String NAMESPACE = "urn:QDA-XML:project:1.0";
  /** The REFI-QDA Codebook namespace. */
  public static final String CODEBOOK_NAMESPACE = "urn:QDA-XML:codebook:1.0";
  public static final String FILE_NAME = "project.qdpx";
  public static final String CODEBOOK_FILE_NAME = "codebook.qdc";
  public static final String UNLOCATED_FILE_NAME = "unlocated-sentences.csv";

  private static final String USER_NAME = "thememiner";
  /** One user for every export: the program, not a person, made these codings. */
  private static final String USER_GUID = QdaGuids.of("thememiner-user");
  private static final int SELECTION_NAME_CODE_POINTS = 60;
  /** Distinct, readable colours for theme codes (ColorBrewer Paired), reused in turn beyond twelve themes. */
  private static final List<String> THEME_COLOURS = List.of("#1F78B4", "#33A02C", "#E31A1C", "#FF7F00", "#6A3D9A",
      "#B15928", "#A6CEE3", "#B2DF8A", "#FB9A99", "#FDBF6F", "#CAB2D6", "#FFFF99");
  private static final String CONSTRUCT_COLOUR = "#7F7F7F";

  /**
   * What an export wrote.
   *
   * @param project            the .qdpx file
   * @param sources            papers written as text sources
   * @param codedSentences     sentences written as coded selections
   * @param unlocatedSentences sentences of assignments.csv left out because they were not found; listed in
   *                           {@code unlocatedReport}
   * @param unlocatedReport    CSV of the sentences left out (header only when none)
   */
  public record Result(Path project, int sources, int codedSentences, int unlocatedSentences, Path unlocatedReport) {}

  private record Selection(String guid, String name, String description, CodePointSpan span, List<String> codeGuids) {}

  /** @param themeSelections the text under each author theme's heading */
  private record Source(String guid, String name, String description, List<Selection> selections,
      List<Selection> themeSelections) {}

  private record Unlocated(Assignment assignment, String reason) {}

  private QdpxExport() {}

  /**
   * Exports the finished run in {@code runDir}. The project and the report replace earlier ones atomically.
   *
   * @throws IOException when a run file is missing or malformed (the message names the file, and the line where
   *                     there is one) or the export folder cannot be written
   */
  public static Result write(Path runDir) throws IOException {
    RunFolder run = RunFolder.open(runDir);
    List<ThemeSummary> themes = ThemeSummary.readAll(run.required(RunLayout.THEMES));
    List<ConstructSetComparison> sets = ConstructSetComparison.readAll(run.file(RunLayout.COMPARISON));
    Path papersFile = run.required(RunLayout.PAPERS);
    Path assignmentsFile = run.required(RunLayout.ASSIGNMENTS);
    Map<String, List<Assignment>> assignments = Assignment.readByPaper(assignmentsFile);
    Codebook codebook = Codebook.of(run, themes, sets, AuthorThemeCodes.read(run));
    for (List<Assignment> rows : assignments.values()) {
      for (Assignment a : rows) {
        if (!codebook.themeGuids().containsKey(a.themeId())) {
          throw new IOException(assignmentsFile + " line " + a.line() + ": theme " + a.themeId() + " is not in " + RunLayout.THEMES);
        }
      }
    }

    Path exportDir = run.exportDir();
    Files.createDirectories(exportDir);
    Path target = exportDir.resolve(FILE_NAME);
    Path tmp = exportDir.resolve("." + FILE_NAME + "." + UUID.randomUUID() + ".tmp");
    List<Unlocated> unlocated = new ArrayList<>();
    List<Source> sources;
    try {
      sources = writeZip(tmp, run, papersFile, assignments, codebook, unlocated);
      AtomicFiles.replace(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
    Path report = exportDir.resolve(UNLOCATED_FILE_NAME);
    writeUnlocated(report, unlocated);
    return new Result(target, sources.size(), codedSentences(sources), unlocated.size(), report);
  }

  /**
   * Writes the run's codes alone as a REFI-QDA codebook ({@code <run>/export/codebook.qdc}), the same codes and GUIDs
   * as the project's: the themes, the construct sets compared with and the studies' own themes, for QDA software to
   * code with. Replaces an earlier one atomically.
   */
  public static Path writeCodebook(Path runDir) throws IOException {
    RunFolder run = RunFolder.open(runDir);
    Codebook codebook = Codebook.of(run, ThemeSummary.readAll(run.required(RunLayout.THEMES)),
        ConstructSetComparison.readAll(run.file(RunLayout.COMPARISON)), AuthorThemeCodes.read(run));
    Path target = run.exportDir().resolve(CODEBOOK_FILE_NAME);
    Files.createDirectories(run.exportDir());
    Path tmp = run.exportDir().resolve("." + CODEBOOK_FILE_NAME + "." + UUID.randomUUID() + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp); IndentingXmlWriter xml = new IndentingXmlWriter(out, CODEBOOK_NAMESPACE, "CodeBook")) {
        xml.attributes("origin", "thememiner");
        codebook.writeCodes(xml);
      } catch (XMLStreamException e) {
        throw new IOException("cannot write " + CODEBOOK_FILE_NAME + ": " + e.getMessage(), e);
      }
      AtomicFiles.replace(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return target;
  }

  /**
   * Writes the .qdpx to {@code zipFile}: each paper's text as it streams by, then project.qde. Consumes
   * {@code assignments}; adds the sentences it cannot place to {@code unlocated}.
   */
  private static List<Source> writeZip(Path zipFile, RunFolder run, Path papersFile, Map<String, List<Assignment>> assignments,
      Codebook codebook, List<Unlocated> unlocated) throws IOException {
    List<Source> sources = new ArrayList<>();
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(zipFile))) {
      FileTime entryTime = entryTime(run);
      Set<String> seen = new HashSet<>();
      PapersFile.forEach(papersFile, paper -> {
        if (!seen.add(paper.id())) throw new IOException(papersFile + ": paper " + paper.id() + " appears more than once");
        SourceDocument document = SourceDocument.of(paper);
        String guid = QdaGuids.of(run.identity(), "source", paper.id());
        entry(zip, "sources/" + guid + ".txt", entryTime);
        zip.write(document.text().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        List<Assignment> rows = assignments.remove(paper.id());
        sources.add(new Source(guid, sourceName(paper), sourceDescription(paper),
            selections(run, paper, document, rows == null ? List.of() : rows, codebook, unlocated),
            themeSelections(run, paper, document, codebook)));
      });
      for (List<Assignment> orphans : assignments.values()) {
        for (Assignment a : orphans) unlocated.add(new Unlocated(a, "paper not in " + RunLayout.PAPERS));
      }
      entry(zip, "project.qde", entryTime);
      writeProject(zip, run, codebook, sources, unlocated.size());
      zip.closeEntry();
    }
    return sources;
  }

  private static int codedSentences(List<Source> sources) {
    return sources.stream().mapToInt(s -> s.selections().size()).sum();
  }

  private static List<Selection> selections(RunFolder run, Paper paper, SourceDocument document, List<Assignment> rows,
      Codebook codebook, List<Unlocated> unlocated) {
    SourceDocument.Locator locator = document.locator();
    List<Selection> selections = new ArrayList<>();
    for (Assignment a : rows) {
      Optional<CodePointSpan> span = locator.locate(a.section(), a.text());
      if (span.isEmpty()) {
        unlocated.add(new Unlocated(a, "not found in the paper's text after the sentence before it"));
        continue;
      }
      List<String> codes = new ArrayList<>();
      codes.add(codebook.themeGuids().get(a.themeId()));
      codes.addAll(codebook.constructGuidsByTheme().getOrDefault(a.themeId(), List.of()));
      String guid = QdaGuids.of(run.identity(), "selection", paper.id(), Integer.toString(a.sentenceNo()));
      String where = a.section().isBlank() ? "" : ", section \"" + a.section() + "\"";
      selections.add(new Selection(guid, selectionName(a.text()), "Sentence " + a.sentenceNo() + where + " (theme T" + a.themeId() + ")",
          span.get(), codes));
    }
    return selections;
  }

  /** The text under each of the paper's author themes, coded with the theme and the constructs it maps to. */
  private static List<Selection> themeSelections(RunFolder run, Paper paper, SourceDocument document, Codebook codebook) {
    List<AuthorThemeCodes.Coded> themes = codebook.authorThemes().getOrDefault(paper.id(), List.of());
    SourceDocument.Sections sections = document.sections();
    List<Selection> out = new ArrayList<>();
    for (int i = 0; i < themes.size(); i++) {
      AuthorTheme t = themes.get(i).theme();
      Optional<CodePointSpan> span = sections.find(t.section() == null ? "" : t.section());
      if (span.isEmpty()) continue; // a heading with nothing under it but its sub-themes
      List<String> codes = new ArrayList<>();
      codes.add(codebook.authorThemeGuid(paper.id(), i));
      for (AuthorThemeCodes.Construct c : themes.get(i).constructs()) {
        if (codebook.hasConstruct(c.setId(), c.constructId())) codes.add(Codebook.constructGuid(run, c.setId(), c.constructId()));
      }
      out.add(new Selection(QdaGuids.of(run.identity(), "author-theme-text", paper.id(), Integer.toString(i)),
          selectionName(t.theme()), "The text under the heading \"" + t.section() + "\": the authors' "
              + (t.parent() == null ? "theme" : "sub-theme of \"" + t.parent() + "\""), span.get(), codes));
    }
    return out;
  }

  /**
   * The code book: a group of the run's themes, then a group per construct set, then the studies' own themes; and
   * per theme, the construct codes its sentences are also coded with (one per set in which the theme maps to a
   * construct).
   */
  private record Codebook(RunFolder run, List<ThemeSummary> themes, List<ConstructSetComparison> sets, Map<Integer, String> themeGuids,
      Map<Integer, List<String>> constructGuidsByTheme, Map<String, List<AuthorThemeCodes.Coded>> authorThemes) {

    static Codebook of(RunFolder run, List<ThemeSummary> themes, List<ConstructSetComparison> sets,
        Map<String, List<AuthorThemeCodes.Coded>> authorThemes) {
      Map<Integer, String> themeGuids = new LinkedHashMap<>();
      for (ThemeSummary t : themes) themeGuids.put(t.id(), QdaGuids.of(run.identity(), "theme", Integer.toString(t.id())));
      Map<Integer, List<String>> byTheme = new HashMap<>();
      for (ConstructSetComparison set : sets) {
        for (ConstructSetComparison.ThemeMapping m : set.themes()) {
          if (m.constructId() == null) continue;
          byTheme.computeIfAbsent(m.themeId(), id -> new ArrayList<>()).add(constructGuid(run, set.setId(), m.constructId()));
        }
      }
      return new Codebook(run, themes, sets, themeGuids, byTheme, authorThemes);
    }

    String authorThemeGuid(String paperId, int index) {
      return QdaGuids.of(run.identity(), "author-theme", paperId, Integer.toString(index));
    }

    boolean hasConstruct(String setId, String constructId) {
      return sets.stream().anyMatch(s -> s.setId().equals(setId)
          && s.constructs().stream().anyMatch(c -> c.constructId().equals(constructId)));
    }

    static String constructGuid(RunFolder run, String setId, String constructId) {
      return QdaGuids.of(run.identity(), "construct", setId, constructId);
    }

    /** The codes: the {@code Codes} element of a project's {@code CodeBook}, or of a codebook file. */
    void writeCodes(IndentingXmlWriter xml) throws XMLStreamException {
      xml.start("Codes");
      xml.start("Code", "guid", QdaGuids.of(run.identity(), "themes"), "name", "Candidate themes (thememiner)", "isCodable", "false");
      xml.text("Description", "Themes found by thememiner in run " + run.name() + " started " + run.startedAt()
          + ". Each clustered sentence is coded with its theme. Judge a theme by its sentences, not its label.");
      for (int i = 0; i < themes.size(); i++) {
        ThemeSummary t = themes.get(i);
        xml.start("Code", "guid", themeGuids.get(t.id()), "name", ("T" + t.id() + " " + t.label()).strip(), "isCodable", "true",
            "color", THEME_COLOURS.get(i % THEME_COLOURS.size()));
        xml.text("Description", themeDescription(t));
        xml.end();
      }
      xml.end();
      for (ConstructSetComparison set : sets) {
        xml.start("Code", "guid", QdaGuids.of(run.identity(), "construct-set", set.setId()), "name", "Constructs: " + set.name(),
            "isCodable", "false");
        xml.text("Description", constructSetDescription(set));
        for (ConstructSetComparison.ConstructResult c : set.constructs()) {
          xml.start("Code", "guid", constructGuid(run, set.setId(), c.constructId()), "name", c.name(), "isCodable", "true",
              "color", CONSTRUCT_COLOUR);
          xml.text("Description", constructDescription(c));
          xml.end();
        }
        xml.end();
      }
      if (!authorThemes.isEmpty()) writeAuthorThemes(xml);
      xml.end();
    }

    /** A group of studies, each study's themes under it and each sub-theme under its theme. */
    private void writeAuthorThemes(IndentingXmlWriter xml) throws XMLStreamException {
      xml.start("Code", "guid", QdaGuids.of(run.identity(), "author-themes"), "name", "Studies' own themes (author themes)",
          "isCodable", "false");
      xml.text("Description", "Each study's themes as its authors report them: the Results subheadings of a qualitative"
          + " study, found by thememiner. The text under each heading is coded with the theme and with the constructs"
          + " it maps to.");
      for (Map.Entry<String, List<AuthorThemeCodes.Coded>> study : authorThemes.entrySet()) {
        xml.start("Code", "guid", QdaGuids.of(run.identity(), "author-theme-study", study.getKey()), "name", study.getKey(),
            "isCodable", "false");
        int open = 0;
        List<AuthorThemeCodes.Coded> themes = study.getValue();
        for (int i = 0; i < themes.size(); i++) {
          AuthorTheme t = themes.get(i).theme();
          for (; open >= t.level(); open--) xml.end();
          xml.start("Code", "guid", authorThemeGuid(study.getKey(), i), "name", t.theme(), "isCodable", "true",
              "color", CONSTRUCT_COLOUR);
          xml.text("Description", authorThemeDescription(themes.get(i)));
          open++;
        }
        for (; open > 0; open--) xml.end();
        xml.end();
      }
      xml.end();
    }

    private String authorThemeDescription(AuthorThemeCodes.Coded coded) {
      AuthorTheme t = coded.theme();
      StringBuilder d = new StringBuilder(t.parent() == null ? "Author theme" : "Sub-theme of \"" + t.parent() + "\"")
          .append(" of ").append(t.paper()).append(t.page() == null ? "" : ", page " + t.page())
          .append("; ").append(t.quotes().size()).append(t.quotes().size() == 1 ? " quote" : " quotes");
      for (AuthorThemeCodes.Construct c : coded.constructs()) {
        sets.stream().filter(s -> s.setId().equals(c.setId())).findFirst()
            .ifPresent(s -> d.append('\n').append(s.name()).append(": maps to ").append(constructName(s, c.constructId())));
      }
      return d.toString();
    }

    private String themeDescription(ThemeSummary t) {
      StringBuilder d = new StringBuilder()
          .append("Keywords: ").append(String.join(", ", t.keywords())).append('\n')
          .append("Size: ").append(t.size()).append(" sentences in ").append(t.papers().size()).append(t.papers().size() == 1 ? " paper" : " papers");
      for (ConstructSetComparison set : sets) {
        set.themes().stream().filter(m -> m.themeId() == t.id()).findFirst().ifPresent(m -> d.append('\n').append(set.name()).append(": ")
            .append(m.constructId() == null ? "no construct (candidate new theme)" : "maps to " + constructName(set, m.constructId())));
      }
      return d.toString();
    }

    private static String constructName(ConstructSetComparison set, String constructId) {
      return set.constructs().stream().filter(c -> c.constructId().equals(constructId)).map(ConstructSetComparison.ConstructResult::name)
          .findFirst().orElse(constructId);
    }

    private static String constructSetDescription(ConstructSetComparison set) {
      String citation = set.citation() == null ? "" : set.citation() + "\n";
      return citation + "Construct set " + set.setId() + (set.partial() ? " (partial: holds only some of the synthesis' constructs)" : "")
          + ". A sentence is coded with a construct when its theme maps to that construct.";
    }

    private static String constructDescription(ConstructSetComparison.ConstructResult c) {
      String best = c.bestThemeId() == null ? "no similar theme" : "best theme T" + c.bestThemeId()
          + (c.similarity() == null ? "" : String.format(Locale.ROOT, " (similarity %.2f)", c.similarity()));
      String supported = c.supported() == null ? "" : c.supported() ? "; supported by the themes" : "; not supported by any theme";
      return "Construct " + c.constructId() + ": " + best + supported;
    }
  }

  private static void writeProject(OutputStream out, RunFolder run, Codebook codebook, List<Source> sources, int unlocated)
      throws IOException {
    String created = run.finishedAt();
    try (IndentingXmlWriter xml = new IndentingXmlWriter(out, NAMESPACE, "Project")) {
      xml.attributes("name", run.name() + " (thememiner run " + run.startedAt() + ")", "origin", "thememiner",
          "creatingUserGUID", USER_GUID, "creationDateTime", created);
      xml.start("Users").empty("User", "guid", USER_GUID, "name", USER_NAME, "id", USER_NAME).end();
      xml.start("CodeBook");
      codebook.writeCodes(xml);
      xml.end();
      if (!sources.isEmpty()) {
        xml.start("Sources");
        for (Source s : sources) {
          xml.start("TextSource", "guid", s.guid(), "name", s.name(), "plainTextPath", "internal://" + s.guid() + ".txt",
              "creatingUser", USER_GUID, "creationDateTime", created);
          xml.text("Description", s.description());
          for (Selection sel : java.util.stream.Stream.concat(s.selections().stream(), s.themeSelections().stream()).toList()) {
            xml.start("PlainTextSelection", "guid", sel.guid(), "name", sel.name(), "startPosition", Integer.toString(sel.span().start()),
                "endPosition", Integer.toString(sel.span().end()), "creatingUser", USER_GUID, "creationDateTime", created);
            xml.text("Description", sel.description());
            for (String code : sel.codeGuids()) {
              xml.start("Coding", "guid", QdaGuids.of(sel.guid(), "coding", code), "creatingUser", USER_GUID, "creationDateTime", created)
                  .empty("CodeRef", "targetGUID", code).end();
            }
            xml.end();
          }
          xml.end();
        }
        xml.end();
      }
      xml.text("Description", "Exported by thememiner from run " + run.name() + " (started " + run.startedAt() + "): " + sources.size()
          + " papers, " + codedSentences(sources) + " coded sentences" + (unlocated == 0 ? "." : "; " + unlocated
          + " sentences could not be located in their paper's text and are listed in export/" + UNLOCATED_FILE_NAME + "."));
    } catch (XMLStreamException e) {
      throw new IOException("cannot write project.qde: " + e.getMessage(), e);
    }
  }

  private static String sourceName(Paper paper) {
    String title = paper.title() == null || paper.title().isBlank() ? "" : " " + paper.title().strip();
    return paper.id() + (title.equals(" " + paper.id()) ? "" : " -" + title);
  }

  private static String sourceDescription(Paper paper) {
    List<String> lines = new ArrayList<>();
    if (paper.title() != null && !paper.title().isBlank()) lines.add("Title: " + paper.title());
    if (!paper.authors().isEmpty()) lines.add("Authors: " + String.join(", ", paper.authors()));
    if (paper.year() != null) lines.add("Year: " + paper.year());
    if (paper.journal() != null && !paper.journal().isBlank()) lines.add("Journal: " + paper.journal());
    if (paper.doi() != null && !paper.doi().isBlank()) lines.add("DOI: " + paper.doi());
    lines.add("Paper id: " + paper.id());
    lines.add("Read from: " + paper.source() + " (" + paper.format() + ", SHA-256 " + paper.sha256() + ")");
    return String.join("\n", lines);
  }

  /** The sentence's start, as QDA software lists selections by name. */
  private static String selectionName(String sentence) {
    String s = CollapsedText.collapse(sentence);
    if (s.codePointCount(0, s.length()) <= SELECTION_NAME_CODE_POINTS) return s;
    return s.substring(0, s.offsetByCodePoints(0, SELECTION_NAME_CODE_POINTS)) + "…";
  }

  private static void entry(ZipOutputStream zip, String name, FileTime time) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setLastModifiedTime(time);
    zip.putNextEntry(e);
  }

  /** Entries carry the run's finish time, not the export's, so exporting the same run twice gives the same bytes. */
  private static FileTime entryTime(RunFolder run) {
    try {
      return FileTime.from(Instant.parse(run.finishedAt() == null ? run.startedAt() : run.finishedAt()));
    } catch (DateTimeParseException e) {
      return FileTime.fromMillis(0);
    }
  }

  private static void writeUnlocated(Path file, List<Unlocated> unlocated) throws IOException {
    AtomicFiles.write(file, w -> {
      Csv.spreadsheetRow(w, List.of("paper_id", "section", "sentence_no", "theme_id", "reason", "text"));
      for (Unlocated u : unlocated) {
        Assignment a = u.assignment();
        Csv.spreadsheetRow(w, Arrays.asList(a.paperId(), a.section(), a.sentenceNo(), a.themeId(), u.reason(), a.text()));
      }
    });
  }
}
