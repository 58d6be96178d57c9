import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.thememiner.ingest.ExtractOptions;
import org.thememiner.ingest.ExtractionException;
import org.thememiner.ingest.InputFile;
import org.thememiner.ingest.JatsExtractor;
import org.thememiner.ingest.Paper;
import org.thememiner.ingest.PaperReader;
import org.thememiner.ingest.Section;

/**
 * Scores PDF extraction against the JATS XML each PDF was rendered from (see run.sh): heading precision and
 * recall, body token F1, body 8-gram recall (reading order), share of reference-list 5-grams and running-header
 * lines leaking into the body, and pages per second; thememiner's PdfExtractor against plain PDFTextStripper.
 *
 * Articles whose XML body has fewer than 300 words (editorials, corrections) are left out: nothing to score.
 *
 * Usage: java -cp CLASSPATH ExtractBench PDF_DIR JATS_DIR PER_DOCUMENT.tsv
 */
public final class ExtractBench {

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern PAGE_FOOTER = Pattern.compile("Page \\d+ of \\d+");

  record Score(double headingPrecision, double headingRecall, double tokenF1, double orderRecall, double refLeak,
      int furnitureLeaks, int pages, double seconds) {}

  public static void main(String[] args) throws Exception {
    Path pdfDir = Path.of(args[0]);
    Path jatsDir = Path.of(args[1]);
    Map<String, List<Score>> ours = new HashMap<>();
    Map<String, List<Score>> plain = new HashMap<>();
    List<String> failures = new ArrayList<>();
    List<String> perDocument = new ArrayList<>(List.of("pdf\textractor\theadingP\theadingR\ttokenF1\torder8\trefLeak"
        + "\tfurniture\tpages\tseconds"));
    List<Path> pdfs;
    try (var files = Files.list(pdfDir)) {
      pdfs = files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
    }
    warmUp(pdfs);
    for (Path pdf : pdfs) {
      String name = pdf.getFileName().toString();
      String layout = name.contains(".two.") ? "two-column" : name.contains(".html.") ? "browser one-column"
          : "one-column";
      Path xml = jatsDir.resolve(name.replaceFirst("\\.(one|two|html)\\.pdf$", ".xml"));
      byte[] xmlBytes = Files.readAllBytes(xml);
      Paper truth = new JatsExtractor().extract(new InputFile(xml.toString(), "t", "jats", xmlBytes.length), xmlBytes,
          "");
      if (tokens(bodyOf(truth)).size() < 300) continue;
      try {
        long start = System.nanoTime();
        InputFile input = new InputFile(pdf.toString(), "p", "pdf", Files.size(pdf));
        Paper paper = PaperReader.read(input, ExtractOptions.DEFAULT);
        double seconds = (System.nanoTime() - start) / 1e9;
        int pages;
        String plainText;
        long plainStart = System.nanoTime();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
          pages = document.getNumberOfPages();
          plainText = new PDFTextStripper().getText(document);
        }
        double plainSeconds = (System.nanoTime() - plainStart) / 1e9;
        Score our = score(truth, headings(paper), bodyOf(paper), pages, seconds);
        Score their = score(truth, null, plainText, pages, plainSeconds);
        ours.computeIfAbsent(layout, k -> new ArrayList<>()).add(our);
        plain.computeIfAbsent(layout, k -> new ArrayList<>()).add(their);
        perDocument.add(row(name, "thememiner", our));
        perDocument.add(row(name, "pdftextstripper", their));
      } catch (Exception e) {
        failures.add(name + ": " + e.getMessage());
      }
    }
    System.out.println("| layout | extractor | PDFs | heading P | heading R | body token F1 | body 8-gram recall "
        + "| reference 5-grams in body | header/footer lines in body | pages/s |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (String layout : List.of("one-column", "two-column", "browser one-column")) {
      print(layout, "thememiner PdfExtractor", ours.getOrDefault(layout, List.of()));
      print(layout, "PDFBox PDFTextStripper", plain.getOrDefault(layout, List.of()));
    }
    if (!failures.isEmpty()) System.out.println("\nFailures: " + failures);
    Files.write(Path.of(args[2]), perDocument);
  }

  /**
   * Runs both extractors once, untimed, on the first PDF of each rendering: class loading and PDFBox's one-time
   * scan of the system fonts (for the non-embedded Times and Helvetica) would otherwise be charged to whichever
   * extractor reads the first PDF, several seconds against a few milliseconds per page.
   */
  private static void warmUp(List<Path> pdfs) throws Exception {
    for (String kind : List.of(".one.pdf", ".two.pdf", ".html.pdf")) {
      Path pdf = pdfs.stream().filter(p -> p.toString().endsWith(kind)).findFirst().orElse(null);
      if (pdf == null) continue;
      try {
        PaperReader.read(new InputFile(pdf.toString(), "w", "pdf", Files.size(pdf)), ExtractOptions.DEFAULT);
      } catch (ExtractionException reportedWhenScored) {
        // the same PDF fails again, and is listed, when it is scored
      }
      try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
        new PDFTextStripper().getText(document);
      }
    }
  }

  private static String row(String pdf, String extractor, Score s) {
    return String.format(Locale.ROOT, "%s\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%d\t%.3f", pdf, extractor,
        s.headingPrecision(), s.headingRecall(), s.tokenF1(), s.orderRecall(), s.refLeak(), s.furnitureLeaks(),
        s.pages(), s.seconds());
  }

  private static List<String> headings(Paper paper) {
    return paper.sections().stream().filter(s -> !s.part().equals("abstract") && !s.heading().isEmpty())
        .map(Section::heading).toList();
  }

  private static String bodyOf(Paper paper) {
    StringBuilder body = new StringBuilder();
    for (Section s : paper.sections()) body.append(s.heading()).append('\n').append(s.text()).append("\n\n");
    return body.toString();
  }

  private static Score score(Paper truth, List<String> predictedHeadings, String body, int pages, double seconds) {
    List<String> truthHeadings = headings(truth).stream().map(ExtractBench::normalise).toList();
    double precision = Double.NaN;
    double recall = Double.NaN;
    if (predictedHeadings != null) {
      List<String> remaining = new ArrayList<>(truthHeadings);
      int matched = 0;
      for (String h : predictedHeadings) if (remaining.remove(normalise(h))) matched++;
      precision = predictedHeadings.isEmpty() ? 1 : matched / (double) predictedHeadings.size();
      recall = truthHeadings.isEmpty() ? 1 : matched / (double) truthHeadings.size();
    }
    List<String> truthTokens = tokens(bodyOf(truth));
    List<String> bodyTokens = tokens(body);
    double f1 = f1(truthTokens, bodyTokens);
    Set<String> bodyGrams = grams(bodyTokens, 8);
    Set<String> truthGrams = grams(truthTokens, 8);
    double order = truthGrams.stream().filter(bodyGrams::contains).count() / (double) Math.max(1, truthGrams.size());
    Set<String> bodyFive = grams(bodyTokens, 5);
    Set<String> truthFive = grams(truthTokens, 5);
    Set<String> refFive = new HashSet<>();
    for (String reference : truth.references()) refFive.addAll(grams(tokens(reference), 5));
    refFive.removeAll(truthFive);
    double leak = refFive.stream().filter(bodyFive::contains).count() / (double) Math.max(1, refFive.size());
    int furniture = 0;
    Matcher footer = PAGE_FOOTER.matcher(body);
    while (footer.find()) furniture++;
    if (truth.journal() != null) furniture += body.split(Pattern.quote(truth.journal() + " \u00b7 "), -1).length - 1;
    return new Score(precision, recall, f1, order, leak, furniture, pages, seconds);
  }

  private static double f1(List<String> truth, List<String> predicted) {
    Map<String, Integer> counts = new HashMap<>();
    for (String t : truth) counts.merge(t, 1, Integer::sum);
    int overlap = 0;
    for (String p : predicted) {
      Integer c = counts.get(p);
      if (c != null && c > 0) {
        overlap++;
        counts.put(p, c - 1);
      }
    }
    if (overlap == 0) return 0;
    double precision = overlap / (double) predicted.size();
    double recall = overlap / (double) truth.size();
    return 2 * precision * recall / (precision + recall);
  }

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
    while (m.find()) tokens.add(m.group());
    return tokens;
  }

  private static Set<String> grams(List<String> tokens, int n) {
    Set<String> grams = new HashSet<>();
    for (int i = 0; i + n <= tokens.size(); i++) grams.add(String.join(" ", tokens.subList(i, i + n)));
    return grams;
  }

  private static String normalise(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  private static void print(String layout, String extractor, List<Score> scores) {
    if (scores.isEmpty()) return;
    int pages = scores.stream().mapToInt(Score::pages).sum();
    double seconds = scores.stream().mapToDouble(Score::seconds).sum();
    System.out.printf(Locale.ROOT, "| %s | %s | %d | %s | %s | %.3f | %.3f | %.3f | %d | %.1f |%n", layout,
        extractor,
        scores.size(), mean(scores.stream().mapToDouble(Score::headingPrecision).toArray()),
        mean(scores.stream().mapToDouble(Score::headingRecall).toArray()),
        scores.stream().mapToDouble(Score::tokenF1).average().orElse(0),
        scores.stream().mapToDouble(Score::orderRecall).average().orElse(0),
        scores.stream().mapToDouble(Score::refLeak).average().orElse(0),
        scores.stream().mapToInt(Score::furnitureLeaks).sum(), pages / seconds);
  }

  private static String mean(double[] values) {
    if (values.length == 0 || Double.isNaN(values[0])) return "n/a";
    double sum = 0;
    for (double v : values) sum += v;
    return String.format(Locale.ROOT, "%.3f", sum / values.length);
  }
}
