package org.thememiner.report.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.compare.Construct;
import org.thememiner.compare.ConstructSet;
import org.thememiner.compare.ConstructSets;
import org.thememiner.compare.InvalidConstructSetException;
import org.thememiner.compare.QdaCodebook;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A run's codes exported as a REFI-QDA codebook (valid against the standard's schema) and read back as a construct set,
 * and codebooks made by hand.
 */
class QdaCodebookTest {
  @TempDir Path tmp;

  @Test
  void theExportedCodebookIsTheProjectsCodesAndReadsBackAsTheSameCodes() throws Exception {
    Path run = RunFixture.copyTo(tmp);
    Path qdc = QdpxExport.writeCodebook(run);
    Path qdpx = QdpxExport.write(run).project();

    Validator codebookSchema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(getClass().getResource("/export/Codebook.xsd")).newValidator();
    codebookSchema.validate(new StreamSource(qdc.toFile()));
    Path withoutGuid = Files.writeString(tmp.resolve("no-guid.qdc"),
        "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code name=\"x\" isCodable=\"true\"/></Codes></CodeBook>");
    assertThrows(SAXException.class, () -> codebookSchema.validate(new StreamSource(withoutGuid.toFile())), "the schema checks");
    Document codebook = QdpxExportTest.parse(Files.readAllBytes(qdc));
    assertEquals(QdpxExport.CODEBOOK_NAMESPACE, codebook.getDocumentElement().getNamespaceURI());
    assertEquals("CodeBook", codebook.getDocumentElement().getLocalName());
    Document project = QdpxExportTest.parse(QdpxExportTest.unzip(qdpx).get("project.qde"));
    assertEquals(codes(project.getDocumentElement()), codes(codebook.getDocumentElement()),
        "the codebook's codes are the (schema-valid) project's, names and GUIDs alike");

    ConstructSet fromCodebook = ConstructSets.load(qdc);
    assertEquals("codebook", fromCodebook.id(), "a file given to --constructs takes its id from its name");
    List<String> codable = new ArrayList<>();
    for (Element code : codeElements(codebook.getDocumentElement())) {
      if (code.getAttribute("isCodable").equals("true")) codable.add(code.getAttribute("name"));
    }
    assertEquals(codable, fromCodebook.constructs().stream().map(Construct::name).toList(), "every codable code, in order");
    assertEquals(fromCodebook.constructs(), ConstructSets.load(qdpx).constructs(), "the project's codes read the same");
    Construct continuity = fromCodebook.constructs().stream().filter(c -> c.name().equals("Continuity of care")).findFirst().orElseThrow();
    assertTrue(continuity.keywords().containsAll(List.of("continuity", "care")), continuity.toString());
    assertNull(continuity.parent());
  }

  @Test
  void nestedCodesBecomeParentsAndSubThemesAndTheYamlLoadsBack() throws Exception {
    Path qdc = Files.writeString(tmp.resolve("peer-work.qdc"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="NVivo">
          <Codes>
            <Code guid="8c3c6d4e-1f0a-4c2b-9a57-000000000001" name="Identity" isCodable="false">
              <Code guid="8c3c6d4e-1f0a-4c2b-9a57-000000000002" name="Reframing identity" isCodable="true">
                <Description>Seeing oneself anew through the work.</Description>
                <Code guid="8c3c6d4e-1f0a-4c2b-9a57-000000000003" name="Giving back" isCodable="true">
                  <Code guid="8c3c6d4e-1f0a-4c2b-9a57-000000000004" name="Helping others recover" isCodable="true"/>
                </Code>
              </Code>
            </Code>
            <Code guid="8c3c6d4e-1f0a-4c2b-9a57-000000000005" name="Use of self" isCodable="true"/>
          </Codes>
        </CodeBook>
        """);
    ConstructSet set = QdaCodebook.read(qdc, "peer-work");
    assertEquals(List.of("reframing-identity", "giving-back", "use-of-self"), set.constructs().stream().map(Construct::id).toList());
    assertEquals("Seeing oneself anew through the work.", set.constructs().get(0).description());
    assertEquals("reframing-identity", set.constructs().get(1).parent());
    assertEquals(List.of("Helping others recover"), set.constructs().get(1).subThemes(), "a third-level code is a sub-theme");
    assertEquals("Use of self", set.constructs().get(2).description(), "no description: the name stands for it");

    Path yaml = Files.writeString(tmp.resolve("peer-work.yaml"), QdaCodebook.toYaml(set));
    assertEquals(set.constructs(), ConstructSets.load(yaml).constructs(), "the YAML import writes is a valid construct set");
  }

  @Test
  void aBrokenFileIsNamedWithTheElement() throws Exception {
    Path malformed = Files.writeString(tmp.resolve("broken.qdc"), "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>");
    InvalidConstructSetException e = assertThrows(InvalidConstructSetException.class, () -> ConstructSets.load(malformed));
    assertTrue(e.getMessage().contains("broken.qdc") && e.getMessage().contains("not well-formed"), e.getMessage());

    Path unnamed = Files.writeString(tmp.resolve("unnamed.qdc"), "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>"
        + "<Code guid=\"8c3c6d4e-1f0a-4c2b-9a57-000000000001\" name=\"Group\" isCodable=\"false\">"
        + "<Code guid=\"8c3c6d4e-1f0a-4c2b-9a57-000000000002\" name=\"A\" isCodable=\"true\"/>"
        + "<Code guid=\"8c3c6d4e-1f0a-4c2b-9a57-000000000003\" isCodable=\"true\"/></Code></Codes></CodeBook>");
    e = assertThrows(InvalidConstructSetException.class, () -> ConstructSets.load(unnamed));
    assertTrue(e.getMessage().contains("unnamed.qdc") && e.getMessage().contains("Codes/Code[1]/Code[2] has no name"), e.getMessage());

    Path other = Files.writeString(tmp.resolve("other.qdc"), "<Project xmlns=\"urn:something-else\"/>");
    e = assertThrows(InvalidConstructSetException.class, () -> ConstructSets.load(other));
    assertTrue(e.getMessage().contains("other.qdc") && e.getMessage().contains("not a REFI-QDA CodeBook"), e.getMessage());

    Path notZip = Files.writeString(tmp.resolve("project.qdpx"), "not a zip");
    e = assertThrows(InvalidConstructSetException.class, () -> ConstructSets.load(notZip));
    assertTrue(e.getMessage().contains("project.qdpx"), e.getMessage());
  }

  /** Every code element under {@code root} as name, GUID and whether codable, in document order. */
  private static List<String> codes(Element root) {
    return codeElements(root).stream().map(c -> c.getAttribute("name") + " " + c.getAttribute("guid")
        + " " + c.getAttribute("isCodable")).toList();
  }

  /** The Code elements under {@code root}, in whichever REFI-QDA namespace (project or codebook). */
  private static List<Element> codeElements(Element root) {
    NodeList nodes = root.getElementsByTagNameNS("*", "Code");
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
    return out;
  }
}
