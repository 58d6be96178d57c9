package org.thememiner.compare;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.thememiner.ingest.InputScanner;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The coded text of a REFI-QDA project ({@code .qdpx}) as NVivo, ATLAS.ti, MAXQDA or thememiner's own export write
 * it: each text source (or a PDF source's text representation) with its text and the codes of its coded selections.
 * Read for a gold coding ({@link GoldCoding}) and for coded examples ({@link CodedExamples}).
 *
 * @param sources in the project's order, those without a coded selection left out
 */
public record QdaCodings(Path file, List<CodedSource> sources) {
  private static final String PAPER_ID_LINE = "Paper id: ";

  /**
   * @param name    the source's name in the project
   * @param paperId the paper it is: the "Paper id:" line of its description (thememiner's export writes one), else
   *                the id a file of the source's name gets ({@link InputScanner#idOf})
   * @param text    its plain text
   * @param spans   its coded selections, one span per code
   */
  public record CodedSource(String name, String paperId, String text, List<CodedSpan> spans) {}

  /** A coded selection with one of its codes: characters [start, end) of the source's text (UTF-16 units). */
  public record CodedSpan(int start, int end, String code) {
    public String text(String sourceText) {
      return sourceText.substring(start, end);
    }
  }

  /** Every coded text source of {@code file}; a broken project is an {@link InvalidGoldCodingException} naming the element. */
  public static QdaCodings read(Path file) {
    if (!QdaXml.isProject(file)) {
      throw new InvalidGoldCodingException(file + ": coded text comes from a REFI-QDA project (.qdpx); a codebook has none");
    }
    Element root = QdaXml.parse(file, InvalidGoldCodingException::new).getDocumentElement();
    if (!QdaXml.PROJECT_NS.equals(root.getNamespaceURI()) || !"Project".equals(root.getLocalName())) {
      throw new InvalidGoldCodingException(file + ": the root element is " + root.getTagName() + ", not a REFI-QDA Project ("
          + QdaXml.PROJECT_NS + ")");
    }
    Map<String, String> codeNames = new HashMap<>();
    collectCodes(QdaXml.child(QdaXml.child(root, "CodeBook"), "Codes"), codeNames);
    List<CodedSource> sources = new ArrayList<>();
    Element list = QdaXml.child(root, "Sources");
    if (list == null) throw new InvalidGoldCodingException(file + ": no Sources element");
    try (ZipFile zip = new ZipFile(file.toFile())) {
      int n = 0;
      for (Node node = list.getFirstChild(); node != null; node = node.getNextSibling()) {
        if (!(node instanceof Element source)) continue;
        String where = "Sources/" + source.getLocalName() + "[" + ++n + "]";
        Element text = switch (source.getLocalName()) {
          case "TextSource" -> source;
          case "PDFSource" -> QdaXml.child(source, "Representation");
          default -> null; // pictures, audio and video have no text to find sentences in
        };
        if (text == null || QdaXml.child(text, "PlainTextSelection") == null) continue;
        String name = source.getAttribute("name").strip();
        if (name.isEmpty()) throw new InvalidGoldCodingException(file + ": " + where + " has no name");
        String content = text(file, zip, text, where);
        sources.add(new CodedSource(name, paperId(source, name), content, spans(file, text, where, content, codeNames)));
      }
    } catch (IOException e) {
      throw new InvalidGoldCodingException(file + ": cannot read: " + e.getMessage(), e);
    }
    return new QdaCodings(file, sources);
  }

  /** The construct of {@code set} a code is: the one with the code's name as its id or name, ignoring case and spacing. */
  public static Optional<String> constructOf(String code, ConstructSet set) {
    String key = key(code);
    return set.constructs().stream().filter(c -> key(c.id()).equals(key) || key(c.name()).equals(key))
        .map(Construct::id).findFirst();
  }

  private static String key(String name) {
    return CollapsedText.collapse(name).toLowerCase(Locale.ROOT);
  }

  private static void collectCodes(Element parent, Map<String, String> names) {
    if (parent == null) return;
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element code && "Code".equals(code.getLocalName())) {
        names.put(code.getAttribute("guid"), code.getAttribute("name").strip());
        collectCodes(code, names);
      }
    }
  }

  private static String paperId(Element source, String name) {
    Element description = QdaXml.child(source, "Description");
    if (description != null) {
      for (String line : description.getTextContent().split("\n")) {
        if (line.startsWith(PAPER_ID_LINE) && !line.substring(PAPER_ID_LINE.length()).isBlank()) {
          return line.substring(PAPER_ID_LINE.length()).strip();
        }
      }
    }
    return InputScanner.idOf(name);
  }

  /** The source's plain text: inline ({@code PlainTextContent}) or a file inside the archive ({@code internal://}). */
  private static String text(Path file, ZipFile zip, Element source, String where) throws IOException {
    Element inline = QdaXml.child(source, "PlainTextContent");
    if (inline != null) return inline.getTextContent();
    String path = source.getAttribute("plainTextPath");
    if (!path.startsWith("internal://")) {
      throw new InvalidGoldCodingException(file + ": " + where + " keeps its text outside the project ("
          + (path.isEmpty() ? "no plainTextPath" : path) + "); export the project with its sources embedded");
    }
    ZipEntry entry = zip.getEntry("sources/" + path.substring("internal://".length()));
    if (entry == null) throw new InvalidGoldCodingException(file + ": " + where + ": " + path + " is not in the archive's sources/");
    try (InputStream in = zip.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<CodedSpan> spans(Path file, Element source, String where, String text, Map<String, String> codeNames) {
    List<CodedSpan> spans = new ArrayList<>();
    int codePoints = text.codePointCount(0, text.length());
    int n = 0;
    for (Node node = source.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (!(node instanceof Element selection) || !"PlainTextSelection".equals(selection.getLocalName())) continue;
      String at = file + ": " + where + "/PlainTextSelection[" + ++n + "]";
      int start = position(selection, "startPosition", at);
      int end = position(selection, "endPosition", at);
      if (start > end || end > codePoints) {
        throw new InvalidGoldCodingException(at + ": positions " + start + "-" + end + " are not within the source's "
            + codePoints + " characters");
      }
      // REFI-QDA counts positions in code points; Java strings index UTF-16 units.
      int from = text.offsetByCodePoints(0, start);
      int to = text.offsetByCodePoints(from, end - start);
      for (Node c = selection.getFirstChild(); c != null; c = c.getNextSibling()) {
        if (!(c instanceof Element coding) || !"Coding".equals(coding.getLocalName())) continue;
        Element ref = QdaXml.child(coding, "CodeRef");
        String guid = ref == null ? "" : ref.getAttribute("targetGUID");
        String code = codeNames.get(guid);
        if (code == null) throw new InvalidGoldCodingException(at + ": its coding names code " + guid + ", which the CodeBook lacks");
        spans.add(new CodedSpan(from, to, code));
      }
    }
    return spans;
  }

  private static int position(Element selection, String attribute, String at) {
    try {
      int p = Integer.parseInt(selection.getAttribute(attribute).strip());
      if (p < 0) throw new NumberFormatException();
      return p;
    } catch (NumberFormatException e) {
      throw new InvalidGoldCodingException(at + ": " + attribute + " '" + selection.getAttribute(attribute) + "' is not a position");
    }
  }
}
