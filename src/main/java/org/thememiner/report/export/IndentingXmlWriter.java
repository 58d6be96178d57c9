package org.thememiner.report.export;

import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes element-only XML (every text in an element of its own), indented two spaces a level, in one default
 * namespace. Strings are cleaned of characters XML 1.0 cannot hold, which extracted text sometimes contains.
 */
final class IndentingXmlWriter implements AutoCloseable {
  private final XMLStreamWriter xml;
  private int depth;
  private boolean hasChildren;

  IndentingXmlWriter(OutputStream out, String namespace, String rootName) throws XMLStreamException {
    // The JDK's own writer, whichever StAX implementation (Woodstox, via Spark) is on the class path.
    xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
    xml.writeStartDocument("UTF-8", "1.0");
    xml.setDefaultNamespace(namespace);
    xml.writeCharacters("\n");
    xml.writeStartElement(namespace, rootName);
    xml.writeDefaultNamespace(namespace);
    depth = 1;
    hasChildren = false;
  }

  /** Opens a child element; attributes come in name, value pairs, and a null value leaves the attribute out. */
  IndentingXmlWriter start(String name, String... attributes) throws XMLStreamException {
    newLine();
    xml.writeStartElement(name);
    attributes(attributes);
    depth++;
    hasChildren = false;
    return this;
  }

  IndentingXmlWriter end() throws XMLStreamException {
    depth--;
    if (hasChildren) newLine();
    xml.writeEndElement();
    hasChildren = true;
    return this;
  }

  /** An element with no children. */
  IndentingXmlWriter empty(String name, String... attributes) throws XMLStreamException {
    newLine();
    xml.writeEmptyElement(name);
    attributes(attributes);
    hasChildren = true;
    return this;
  }

  /** An element holding only text. */
  IndentingXmlWriter text(String name, String text) throws XMLStreamException {
    newLine();
    xml.writeStartElement(name);
    xml.writeCharacters(clean(text));
    xml.writeEndElement();
    hasChildren = true;
    return this;
  }

  /** Attributes for the element just opened (the root's, after the constructor). */
  IndentingXmlWriter attributes(String... attributes) throws XMLStreamException {
    if (attributes.length % 2 != 0) throw new IllegalArgumentException("attributes come in name, value pairs");
    for (int i = 0; i < attributes.length; i += 2) {
      if (attributes[i + 1] != null) xml.writeAttribute(attributes[i], clean(attributes[i + 1]));
    }
    return this;
  }

  /** Closes the root element and the document; does not close the underlying stream. */
  @Override
  public void close() throws XMLStreamException {
    if (hasChildren) xml.writeCharacters("\n");
    xml.writeEndElement();
    xml.writeCharacters("\n");
    xml.writeEndDocument();
    xml.flush();
    xml.close();
  }

  private void newLine() throws XMLStreamException {
    xml.writeCharacters("\n" + "  ".repeat(depth));
    hasChildren = true;
  }

  /** Replaces what XML 1.0 forbids (most control characters, U+FFFE, U+FFFF, unpaired surrogates) with U+FFFD. */
  static String clean(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c)) {
        ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        if (ok) {
          if (out != null) out.append(c).append(s.charAt(i + 1));
          i++;
          continue;
        }
      } else {
        ok = c >= 0x20 && !Character.isLowSurrogate(c) && c != 0xFFFE && c != 0xFFFF || c == '\t' || c == '\n' || c == '\r';
      }
      if (!ok && out == null) out = new StringBuilder(s.length()).append(s, 0, i);
      if (out != null) out.append(ok ? c : '\uFFFD');
    }
    return out == null ? s : out.toString();
  }
}
