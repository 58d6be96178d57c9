package org.thememiner.compare;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reading REFI-QDA files: a codebook ({@code .qdc}, XML) or a project ({@code .qdpx}, a zip archive with the XML in
 * {@code project.qde} and internal sources under {@code sources/}). No DTDs and no external entities.
 */
final class QdaXml {
  static final String CODEBOOK_NS = "urn:QDA-XML:codebook:1.0";
  static final String PROJECT_NS = "urn:QDA-XML:project:1.0";

  private QdaXml() {}

  static boolean isProject(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".qdpx");
  }

  /**
   * The XML of a codebook, or of a project's {@code project.qde}.
   *
   * @param error makes the caller's exception from a message naming the file, and the cause or null
   */
  static Document parse(Path file, BiFunction<String, Throwable, RuntimeException> error) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setExpandEntityReferences(false);
      DocumentBuilder builder = f.newDocumentBuilder();
      builder.setErrorHandler(null);
      if (isProject(file)) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
          ZipEntry qde = zip.getEntry("project.qde");
          if (qde == null) throw error.apply(file + ": no project.qde in the .qdpx archive", null);
          try (InputStream in = zip.getInputStream(qde)) {
            return builder.parse(in);
          }
        }
      }
      try (InputStream in = Files.newInputStream(file)) {
        return builder.parse(in);
      }
    } catch (NoSuchFileException e) {
      throw error.apply(file + ": no such file", null);
    } catch (SAXException e) {
      throw error.apply(file + ": not well-formed XML: " + e.getMessage(), e);
    } catch (IOException e) {
      throw error.apply(file + ": cannot read: " + e.getMessage(), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
    }
  }

  /** The first child element of this local name, or null. */
  static Element child(Element parent, String localName) {
    if (parent == null) return null;
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element e && localName.equals(e.getLocalName())) return e;
    }
    return null;
  }
}
