package org.thememiner.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;

/**
 * Title, authors, year, DOI and journal of a PDF article, from the info dictionary and XMP where they are
 * plausible and otherwise from the first page (largest type for the title, the line below it for the authors) and
 * the running headers.
 */
record PdfMetadata(String title, List<String> authors, Integer year, String doi, String journal) {

  private static final Pattern XMP_TITLE = Pattern.compile("<dc:title>.*?<rdf:li[^>]*>(.*?)</rdf:li>", Pattern.DOTALL);
  private static final Pattern XMP_DOI =
      Pattern.compile("<(?:prism:doi|pdfx:doi|dc:identifier)>\\s*(?:doi:)?(10\\.[^<\\s]+)");
  private static final Pattern IMPLAUSIBLE_TITLE =
      Pattern.compile("(?i)^\\W*\\d|\\.(?:docx?|pdf|tex|indd|qxd|rtf)\\b|microsoft word|untitled|^layout");
  private static final Pattern PUBLISHED_YEAR = Pattern.compile(
      "(?i)(?:\u00a9|copyright|published(?: online)?:?|volume)\\s*(?:\\d{1,2}\\s+\\p{L}+\\.?\\s+)?"
          + "((?:19|20)\\d{2})\\b");
  private static final Pattern HEADER_JOURNAL = Pattern.compile(
      "et al\\.?,?:?\\s*(?:\\((?:19|20)\\d{2}\\),?\\s*)?(\\p{Lu}[^,]*?)(?:,?\\s+(?:19|20)\\d{2}\\b|,\\s*DOI\\b|,|$)");
  private static final Pattern JOURNAL_ONLY = Pattern.compile("^\\p{Lu}[\\p{L}&.:' -]{4,80}$");
  private static final Pattern AUTHOR_MARKS = Pattern.compile("[\\d*\u2020\u2021\u00a7#\u00b6]+");
  private static final Pattern NAME = Pattern.compile(
      "^\\p{Lu}[\\p{L}'\u2019.-]*(?:\\s+(?:\\p{Lu}[\\p{L}'\u2019.-]*|van|von|de|der|da|del|la|le)){1,5}$");

  /**
   * @param firstPage  page 1's lines in reading order, margin columns and furniture included
   * @param running    running headers and footers
   * @param endMatter  publisher boilerplate kept aside ("Cite this article as ..."), searched for a DOI last
   * @param references the reference list, whose DOIs are other articles'
   */
  static PdfMetadata read(PDDocument document, List<PdfLine> firstPage, List<String> running,
      List<String> endMatter, List<String> references) {
    PDDocumentInformation info = document.getDocumentInformation();
    String xmp = xmp(document);
    String pageText = String.join("\n", firstPage.stream().map(PdfLine::text).toList());

    String title = plausibleTitle(info.getTitle());
    if (title == null) title = plausibleTitle(group(XMP_TITLE, xmp));
    int titleEnd = -1;
    List<PdfLine> titleBlock = titleBlock(firstPage);
    if (title == null && !titleBlock.isEmpty()) {
      title = String.join(" ", titleBlock.stream().map(l -> l.text().strip()).toList()).replaceAll("\\s+", " ");
    }
    if (!titleBlock.isEmpty()) titleEnd = firstPage.indexOf(titleBlock.get(titleBlock.size() - 1));

    List<String> authors = authorsAfter(firstPage, titleEnd);
    if (authors.isEmpty() && info.getAuthor() != null && !info.getAuthor().isBlank()) {
      for (String a : info.getAuthor().split(";|,| and ")) {
        String name = a.replace("{et al.}", "").replace("et al.", "").strip();
        if (!name.isEmpty()) authors.add(name);
      }
    }

    String doi = first(MetadataText.findDoi(info.getSubject()), MetadataText.findDoi(info.getKeywords()),
        MetadataText.findDoi(group(XMP_DOI, xmp)), ownDoi(pageText, references),
        MetadataText.findDoi(String.join("\n", endMatter)));

    Integer year = null;
    Matcher published = PUBLISHED_YEAR.matcher(pageText);
    if (published.find()) year = Integer.valueOf(published.group(1));
    if (year == null) year = MetadataText.findYear(String.join(" ", running));
    if (year == null && info.getCreationDate() != null) year = info.getCreationDate().get(Calendar.YEAR);

    return new PdfMetadata(title, authors, year, doi, journal(running, info.getSubject()));
  }

  /** The first DOI on the page that is not one of the reference list's (a one-page letter cites on page 1). */
  private static String ownDoi(String pageText, List<String> references) {
    String cited = String.join("\n", references).toLowerCase(Locale.ROOT);
    return MetadataText.findDois(pageText).stream().filter(d -> !cited.contains(d)).findFirst().orElse(null);
  }

  private static String xmp(PDDocument document) {
    PDMetadata metadata = document.getDocumentCatalog().getMetadata();
    if (metadata == null) return "";
    try {
      return new String(metadata.toByteArray(), StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      return "";
    }
  }

  private static String plausibleTitle(String candidate) {
    if (candidate == null) return null;
    String t = candidate.strip().replaceAll("\\s+", " ");
    long letters = t.chars().filter(Character::isLetter).count();
    if (letters < 10 || t.split(" ").length < 3 || IMPLAUSIBLE_TITLE.matcher(t).find()) return null;
    return t;
  }

  /** The consecutive lines in the largest type on the first page that hold the most text. */
  private static List<PdfLine> titleBlock(List<PdfLine> page) {
    float largest = 0;
    for (PdfLine l : page) {
      if (l.text().chars().filter(Character::isLetter).count() >= 4) largest = Math.max(largest, l.size());
    }
    List<PdfLine> best = List.of();
    List<PdfLine> current = new ArrayList<>();
    for (PdfLine l : page) {
      boolean inTitleType = l.size() >= largest - 0.5f;
      if (inTitleType && (current.isEmpty() || current.get(0).font().equals(l.font()))) {
        current.add(l);
      } else {
        if (chars(current) > chars(best)) best = List.copyOf(current);
        current = new ArrayList<>();
        if (inTitleType) current.add(l);
      }
    }
    return chars(current) > chars(best) ? List.copyOf(current) : best;
  }

  private static int chars(List<PdfLine> lines) {
    return lines.stream().mapToInt(l -> l.text().length()).sum();
  }

  /** Names on the lines right below the title: "A. B. Smith1, C. Jones2* and D. Brown". */
  private static List<String> authorsAfter(List<PdfLine> page, int titleEnd) {
    List<String> authors = new ArrayList<>();
    if (titleEnd < 0) return authors;
    String style = null;
    for (int i = titleEnd + 1; i < page.size() && i <= titleEnd + 4; i++) {
      PdfLine line = page.get(i);
      if (style != null && !line.style().equals(style)) break;
      List<String> names = new ArrayList<>();
      for (String piece : line.text().split(",|\\band\\b|&")) {
        String name = AUTHOR_MARKS.matcher(piece).replaceAll("").strip();
        if (NAME.matcher(name).matches()) names.add(name);
      }
      if (names.isEmpty()) {
        if (style != null) break;
        continue;
      }
      style = line.style();
      authors.addAll(names);
    }
    return authors;
  }

  private static String journal(List<String> running, String subject) {
    for (String header : running) {
      Matcher m = HEADER_JOURNAL.matcher(header);
      if (m.find() && m.group(1).strip().length() > 3) return m.group(1).strip();
    }
    for (String header : running) {
      if (JOURNAL_ONLY.matcher(header.strip()).matches() && header.strip().contains(" ")) return header.strip();
    }
    return subject != null && JOURNAL_ONLY.matcher(subject.strip()).matches() ? subject.strip() : null;
  }

  private static String group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  @SafeVarargs
  private static <T> T first(T... candidates) {
    for (T c : candidates) if (c != null) return c;
    return null;
  }
}
