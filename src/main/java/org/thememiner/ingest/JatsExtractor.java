package org.thememiner.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * JATS / NLM XML (PubMed Central, PLOS): metadata from {@code <front>}, the abstract, the {@code <body>} section tree,
 * figure and table captions, {@code <disp-quote>} quotes and the reference list. The parser never fetches the DTD or
 * any other external entity.
 */
public final class JatsExtractor implements Extractor {

  private static final Pattern ENCODING = Pattern.compile("^<\\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']");
  /** Elements whose text is not running prose. */
  private static final List<String> SKIPPED = List.of("fig", "fig-group", "table-wrap", "table-wrap-group",
      "supplementary-material", "math", "tex-math", "graphic", "inline-graphic", "media", "disp-formula", "ack",
      "ref-list", "fn-group", "object-id");
  /** Shorter block quotes are not taken for pull quotes: a participant's few words may recur in the discussion. */
  private static final int MIN_PULL_QUOTE_WORDS = 8;
  /** Inline elements that join their neighbours without a space. */
  private static final List<String> INLINE = List.of("italic", "bold", "sup", "sub", "sc", "underline", "monospace",
      "xref", "ext-link", "named-content", "styled-content", "uri", "email", "inline-formula", "abbrev", "roman",
      "sans-serif", "overline", "strike", "break", "target", "related-article", "fn");

  @Override
  public Paper extract(InputFile file, byte[] bytes, String sha256) throws ExtractionException {
    Element article = parse(bytes).getDocumentElement();
    List<String> warnings = new ArrayList<>();
    List<String> captions = new ArrayList<>();
    SectionAssembler assembler = new SectionAssembler(false);

    Element meta = first(first(article, "front"), "article-meta");
    Element journalMeta = first(first(article, "front"), "journal-meta");
    for (Element abs : children(meta, "abstract")) addAbstract(abs, assembler, captions);
    Element body = first(article, "body");
    if (body == null) warnings.add("no <body>: the article has metadata only");
    else {
      // text before the body's first titled <sec> (or in an untitled one) opens an untitled section: left to run on,
      // it was added to the last abstract, and a letter's whole body was filed as its table-of-contents blurb
      assembler.heading("", 1, null, null);
      removePullQuotes(body);
      addContent(body, 0, false, assembler, captions);
    }
    Element back = first(article, "back");
    for (Element refList : descendants(back, "ref-list")) {
      for (Element ref : descendants(refList, "ref")) assembler.reference(flatten(citationOf(ref), true));
    }
    collectCaptions(back, captions);

    return new Paper(file.id(), file.path(), sha256, "jats", text(first(first(meta, "title-group"), "article-title")),
        authors(meta), year(meta), doi(meta), text(descendants(journalMeta, "journal-title").stream().findFirst()
            .orElse(null)), assembler.sections(), captions, assembler.references(), warnings);
  }

  private static Document parse(byte[] bytes) throws ExtractionException {
    String xml = XmlEntities.toNumeric(new String(bytes, charsetOf(bytes)));
    try {
      // the JDK's own parser: a Xerces jar on Spark's or CoreNLP's class path would ignore the JAXP 1.5 limits
      DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setValidating(false);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new ErrorHandler() {
        @Override public void warning(SAXParseException e) {}
        @Override public void error(SAXParseException e) {}
        @Override public void fatalError(SAXParseException e) throws SAXException { throw e; }
      });
      builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
      Document document = builder.parse(new InputSource(new StringReader(xml)));
      if (!"article".equals(document.getDocumentElement().getLocalName())) {
        throw new ExtractionException("not a JATS article: root element is <"
            + document.getDocumentElement().getNodeName() + ">");
      }
      return document;
    } catch (SAXParseException e) {
      throw new ExtractionException("malformed XML at line " + e.getLineNumber() + ": " + e.getMessage(), e);
    } catch (SAXException | IOException e) {
      throw new ExtractionException("malformed XML: " + e.getMessage(), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
    }
  }

  private static Charset charsetOf(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
    Matcher m = ENCODING.matcher(head);
    try {
      return m.find() ? Charset.forName(m.group(1)) : StandardCharsets.UTF_8;
    } catch (IllegalArgumentException unknown) {
      return StandardCharsets.UTF_8;
    }
  }

  private static void addAbstract(Element abs, SectionAssembler assembler, List<String> captions)
      throws ExtractionException {
    String title = text(first(abs, "title"));
    String type = abs.getAttribute("abstract-type");
    if (title.isEmpty()) title = type.isEmpty() ? "Abstract" : capitalise(type.replace('-', ' ')) + " abstract";
    assembler.heading(title, 1, null, SectionPart.ABSTRACT);
    addContent(abs, 1, true, assembler, captions);
  }

  /**
   * Adds the paragraphs, quotes and subsections of {@code container}; {@code depth} is the heading level of the
   * container itself (0 for the body). Structured abstracts keep their inner headings as paragraph lead-ins.
   */
  private static void addContent(Element container, int depth, boolean inAbstract, SectionAssembler assembler,
      List<String> captions) throws ExtractionException {
    for (Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e)) continue;
      if (Thread.currentThread().isInterrupted()) throw new ExtractionException("interrupted");
      switch (e.getLocalName()) {
        case "sec" -> {
          String title = text(first(e, "title"));
          if (inAbstract) {
            if (!title.isEmpty()) assembler.paragraph(title.endsWith(".") ? title : title + ".", null);
            addContent(e, depth, inAbstract, assembler, captions);
          } else {
            if (!title.isEmpty()) assembler.heading(title, depth + 1, null, partOf(e.getAttribute("sec-type")));
            addContent(e, title.isEmpty() ? depth : depth + 1, false, assembler, captions);
          }
        }
        case "p" -> addParagraph(e, assembler, captions);
        case "disp-quote" -> addQuote(e, assembler);
        case "list" -> {
          for (Element item : children(e, "list-item")) addContent(item, depth, inAbstract, assembler, captions);
        }
        case "boxed-text", "list-item" -> addContent(e, depth, inAbstract, assembler, captions);
        case "fig", "fig-group", "table-wrap", "table-wrap-group", "supplementary-material" ->
            collectCaptions(e, captions);
        default -> { }
      }
    }
  }

  /** A paragraph's prose; block quotes, figures and tables nested inside it are taken out in place. */
  private static void addParagraph(Element p, SectionAssembler assembler, List<String> captions) {
    StringBuilder prose = new StringBuilder();
    for (Node n = p.getFirstChild(); n != null; n = n.getNextSibling()) {
      String name = n instanceof Element e ? e.getLocalName() : "";
      if (name.equals("disp-quote") || name.equals("list")) {
        assembler.paragraph(normalise(prose.toString()), null);
        prose.setLength(0);
        if (name.equals("disp-quote")) addQuote((Element) n, assembler);
        else for (Element item : children((Element) n, "list-item")) assembler.paragraph(flatten(item, false), null);
      } else if (SKIPPED.contains(name)) {
        collectCaptions((Element) n, captions);
      } else {
        appendText(n, prose, false);
      }
    }
    assembler.paragraph(normalise(prose.toString()), null);
  }

  private static void addQuote(Element quote, SectionAssembler assembler) {
    String speech = normalise(String.join(" ", children(quote, "p").stream().map(p -> flatten(p, false)).toList()));
    if (speech.isEmpty()) speech = flatten(quote, false);
    String attribution = text(first(quote, "attrib"));
    if (attribution.isEmpty()) {
      var tag = QuoteAttribution.find(speech);
      if (tag.isPresent()) {
        assembler.quote(speech, 0, tag.get().start(), tag.get().attribution(), null);
        return;
      }
      assembler.quote(speech, 0, speech.length(), null, null);
      return;
    }
    String printed = speech + " (" + attribution + ")";
    assembler.quote(printed, 0, speech.length(), attribution, null);
  }

  /**
   * Removes the body's pull quotes: a disp-quote of {@value #MIN_PULL_QUOTE_WORDS} words or more whose words run in
   * the body's own paragraphs, as a magazine's display quote repeats a line of the article. Kept, it was the same
   * sentence twice and a "participant quote" that nobody said.
   */
  private static void removePullQuotes(Element body) {
    List<Element> quotes = descendants(body, "disp-quote");
    if (quotes.isEmpty()) return;
    StringBuilder prose = new StringBuilder(" ");
    for (Element p : descendants(body, "p")) {
      if (!within(p, "disp-quote")) {
        for (Node n = p.getFirstChild(); n != null; n = n.getNextSibling()) {
          if (!(n instanceof Element e && e.getLocalName().equals("disp-quote"))) appendText(n, prose, false);
        }
        prose.append(' ');
      }
    }
    String words = wordsOf(prose.toString());
    for (Element quote : quotes) {
      String quoted = wordsOf(flatten(quote, false));
      if (quoted.strip().split(" ").length >= MIN_PULL_QUOTE_WORDS && words.contains(quoted)) {
        quote.getParentNode().removeChild(quote);
      }
    }
  }

  /** Lower case words separated by single spaces, with a space at each end. */
  private static String wordsOf(String text) {
    return " " + String.join(" ", text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).strip() + " ";
  }

  private static boolean within(Node node, String name) {
    for (Node n = node.getParentNode(); n != null; n = n.getParentNode()) {
      if (n instanceof Element e && name.equals(e.getLocalName())) return true;
    }
    return false;
  }

  private static void collectCaptions(Element root, List<String> captions) {
    if (root == null) return;
    for (String name : List.of("fig", "table-wrap", "supplementary-material")) {
      List<Element> found = new ArrayList<>(descendants(root, name));
      if (name.equals(root.getLocalName())) found.add(0, root);
      for (Element figure : found) {
        String label = text(first(figure, "label"));
        String caption = flatten(first(figure, "caption"), false);
        String joined = normalise(label + " " + caption);
        if (!joined.isEmpty() && !captions.contains(joined)) captions.add(joined);
      }
    }
  }

  private static Element citationOf(Element ref) {
    for (String name : List.of("mixed-citation", "element-citation", "nlm-citation", "citation")) {
      Element citation = first(ref, name);
      if (citation != null) return citation;
    }
    return ref;
  }

  private static SectionPart partOf(String secType) {
    String type = secType.toLowerCase(Locale.ROOT);
    if (type.isEmpty()) return null;
    if (type.startsWith("intro")) return SectionPart.INTRODUCTION;
    if (type.startsWith("materials") || type.startsWith("methods") || type.equals("subjects")
        || type.equals("cases")) return SectionPart.METHODS;
    if (type.startsWith("results")) return SectionPart.RESULTS;
    if (type.startsWith("discussion")) return SectionPart.DISCUSSION;
    if (type.startsWith("conclusion")) return SectionPart.CONCLUSION;
    return null;
  }

  private static List<String> authors(Element meta) {
    List<String> authors = new ArrayList<>();
    for (Element contrib : descendants(meta, "contrib")) {
      if (!"author".equals(contrib.getAttribute("contrib-type"))) continue;
      Element name = first(contrib, "name");
      if (name != null) {
        authors.add(normalise(text(first(name, "given-names")) + " " + text(first(name, "surname"))));
      } else if (first(contrib, "collab") != null) {
        authors.add(text(first(contrib, "collab")));
      }
    }
    return authors;
  }

  private static Integer year(Element meta) {
    Integer fallback = null;
    for (Element date : children(meta, "pub-date")) {
      String type = date.getAttribute("pub-type") + date.getAttribute("date-type");
      Integer year = MetadataText.findYear(text(first(date, "year")));
      if (type.contains("epub") || type.contains("ppub") || type.equals("pub")) return year;
      if (fallback == null) fallback = year;
    }
    return fallback;
  }

  private static String doi(Element meta) {
    for (Element id : children(meta, "article-id")) {
      if ("doi".equals(id.getAttribute("pub-id-type"))) return text(id).toLowerCase(Locale.ROOT);
    }
    return null;
  }

  /** All text under {@code node}; with {@code spaced}, every element boundary separates words. */
  private static String flatten(Element node, boolean spaced) {
    if (node == null) return "";
    StringBuilder out = new StringBuilder();
    appendText(node, out, spaced);
    return normalise(out.toString());
  }

  private static void appendText(Node node, StringBuilder out, boolean spaced) {
    if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
      out.append(node.getNodeValue());
      return;
    }
    if (!(node instanceof Element e) || SKIPPED.contains(e.getLocalName())) return;
    boolean separate = spaced || !INLINE.contains(e.getLocalName());
    if (separate) out.append(' ');
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) appendText(c, out, spaced);
    if (separate) out.append(' ');
  }

  private static String text(Element element) {
    return flatten(element, false);
  }

  private static String normalise(String text) {
    return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").replaceAll(" ([,.;:)\\]])", "$1")
        .replaceAll("([(\\[]) ", "$1").strip();
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static Element first(Element parent, String name) {
    if (parent == null) return null;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getLocalName())) return e;
    }
    return null;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    if (parent == null) return found;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getLocalName())) found.add(e);
    }
    return found;
  }

  private static List<Element> descendants(Element root, String name) {
    List<Element> found = new ArrayList<>();
    if (root == null) return found;
    var nodes = root.getElementsByTagNameNS("*", name);
    for (int i = 0; i < nodes.getLength(); i++) found.add((Element) nodes.item(i));
    return found;
  }
}
