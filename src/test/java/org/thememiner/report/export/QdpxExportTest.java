package org.thememiner.report.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class QdpxExportTest {
  private static final String NS = QdpxExport.NAMESPACE;

  @TempDir Path tmp;

  @Test
  void zipHoldsTheProjectAndOneSourcePerPaper() throws Exception {
    Path run = RunFixture.copyTo(tmp);
    QdpxExport.Result result = QdpxExport.write(run);

    assertEquals(run.resolve("export/project.qdpx"), result.project());
    Map<String, byte[]> zip = unzip(result.project());
    Document qde = parse(zip.get("project.qde"));
    List<Element> sources = elements(qde.getDocumentElement(), "TextSource");
    assertEquals(List.of("alpha-2019", "beta-2021", "gamma-2022"), sources.stream().map(s -> paperIdOf(s)).toList());
    Set<String> expectedEntries = new TreeSet<>(Set.of("project.qde"));
    for (Element s : sources) {
      String guid = s.getAttribute("guid");
      assertEquals("internal://" + guid + ".txt", s.getAttribute("plainTextPath"));
      expectedEntries.add("sources/" + guid + ".txt");
    }
    assertEquals(expectedEntries, new TreeSet<>(zip.keySet()));
    assertEquals(3, result.sources());
  }

  @Test
  void projectValidatesAgainstTheRefiQdaSchema() throws Exception {
    Path run = RunFixture.copyTo(tmp);
    byte[] qde = unzip(QdpxExport.write(run).project()).get("project.qde");
    var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(getClass().getResource("/export/Project-mrt2019.xsd"));
    schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(qde)));
  }

  @Test
  void everySelectionCoversItsSentenceInCodePoints() throws Exception {
    Path run = RunFixture.copyTo(tmp);
    QdpxExport.Result result = QdpxExport.write(run);
    Map<String, byte[]> zip = unzip(result.project());
    Document qde = parse(zip.get("project.qde"));
    String identity = RunFolder.open(run).identity();
    Map<String, Assignment> bySelectionGuid = new HashMap<>();
    for (List<Assignment> rows : Assignment.readByPaper(run.resolve("assignments.csv")).values()) {
      for (Assignment a : rows) bySelectionGuid.put(QdaGuids.of(identity, "selection", a.paperId(), Integer.toString(a.sentenceNo())), a);
    }

    int checked = 0;
    for (Element source : elements(qde.getDocumentElement(), "TextSource")) {
      String text = new String(zip.get("sources/" + source.getAttribute("guid") + ".txt"), StandardCharsets.UTF_8);
      for (Element selection : elements(source, "PlainTextSelection")) {
        Assignment sentence = bySelectionGuid.get(selection.getAttribute("guid"));
        assertNotNull(sentence, "selection " + selection.getAttribute("guid") + " is no sentence of assignments.csv");
        String selected = codePoints(text, Integer.parseInt(selection.getAttribute("startPosition")),
            Integer.parseInt(selection.getAttribute("endPosition")));
        assertEquals(collapsed(sentence.text()), collapsed(selected), "paper " + sentence.paperId() + " sentence " + sentence.sentenceNo());
        checked++;
      }
    }
    assertEquals(10, checked);
    assertEquals(10, result.codedSentences());
  }

  @Test
  void positionsCountCodePointsNotUtf16Units() throws Exception {
    Path run = RunFixture.copyTo(tmp);
    Map<String, byte[]> zip = unzip(QdpxExport.write(run).project());
    Document qde = parse(zip.get("project.qde"));
    Element alpha = elements(qde.getDocumentElement(), "TextSource").get(0);
    String text = new String(zip.get("sources/" + alpha.getAttribute("guid") + ".txt"), StandardCharsets.UTF_8);
    // Two mathematical letters (outside the BMP) come before this sentence, one emoji inside the one before it.
    String sentence = "Continuity built trust over years.";
    int utf16 = text.indexOf(sentence);
    Element selection = elements(alpha, "PlainTextSelection").stream()
        .filter(s -> s.getAttribute("name").equals(sentence)).findFirst().orElseThrow();
    assertEquals(text.codePointCount(0, utf16), Integer.parseInt(selection.getAttribute("startPosition")));
    assertEquals(utf16 - 3, Integer.parseInt(selection.getAttribute("startPosition")));
  }

  @Test
  void repeatedSentencesGetTheirOwnOccurrence() throws Exception {
    Path run = RunFixture.copyTo(tmp);
    Document qde = parse(unzip(QdpxExport.write(run).project()).get("project.qde"));
    for (Element source : elements(qde.getDocumentElement(), "TextSource")) {
      Set<String> starts = new TreeSet<>();
      for (Element selection : elements(source, "PlainTextSelection")) {
        assertTrue(starts.add(selection.getAttribute("startPosition")), "two selections share a start in " + paperIdOf(source));
      }
    }
  }

  @Test
  void selectionsAreCodedWithTheirThemeAndTheConstructItMapsTo() throws Exception {
    Path run = RunFixture.copyTo(tmp);
    Document qde = parse(unzip(QdpxExport.write(run).project()).get("project.qde"));
    String identity = RunFolder.open(run).identity();
    Map<String, String> codeNames = new HashMap<>();
    for (Element code : elements(qde.getDocumentElement(), "Code")) codeNames.put(code.getAttribute("guid"), code.getAttribute("name"));
    assertEquals("T0 continuity, \"trust\", nurse", codeNames.get(QdaGuids.of(identity, "theme", "0")));
    assertEquals("Constructs: Demo synthesis (2020)", codeNames.get(QdaGuids.of(identity, "construct-set", "demo-synthesis")));

    Map<String, List<String>> codesBySelectionName = new LinkedHashMap<>();
    for (Element selection : elements(qde.getDocumentElement(), "PlainTextSelection")) {
      List<String> codes = new ArrayList<>();
      for (Element ref : elements(selection, "CodeRef")) codes.add(codeNames.get(ref.getAttribute("targetGUID")));
      codesBySelectionName.put(selection.getAttribute("name"), codes);
    }
    assertEquals(List.of("T0 continuity, \"trust\", nurse", "Continuity of care"),
        codesBySelectionName.get("Participants valued continuity of care with one nurse."));
    assertEquals(List.of("T2 regimen, burden, medication", "Treatment burden"),
        codesBySelectionName.get("Medication changes were hard to follow."));
    // Theme 1 maps to no construct: a candidate new theme, coded with its theme only.
    assertEquals(List.of("T1 clinic, family, visit"), codesBySelectionName.get("Families carried the organisation of care."));
  }

  @Test
  void authorThemesAreCodesUnderTheirStudyAndCodeTheTextUnderTheirHeadings() throws Exception {
    Path run = RunFixture.copyTo(tmp);
    // alpha-2019 has two sections headed "Findings": the theme's text is the first, its sub-theme's the second.
    Files.writeString(run.resolve("author_themes.jsonl"), String.join("\n",
        "{\"paper\":\"alpha-2019\",\"theme\":\"Findings\",\"parent\":null,\"level\":1,\"section\":\"Findings\",\"page\":2,"
            + "\"text\":\"...\",\"quotes\":[\"She knew me\"]}",
        "{\"paper\":\"alpha-2019\",\"theme\":\"Hard to follow\",\"parent\":\"Findings\",\"level\":2,\"section\":\"Findings\","
            + "\"page\":null,\"text\":\"...\",\"quotes\":[]}", ""));
    Files.writeString(run.resolve("author_themes.csv"), "study,author_theme,construct_id,similarity\n"
        + "alpha-2019,Findings,demo-synthesis:continuity,0.61\nalpha-2019,Hard to follow,,0.12\n");
    Map<String, byte[]> zip = unzip(QdpxExport.write(run).project());
    byte[] qdeBytes = zip.get("project.qde");
    SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(getClass().getResource("/export/Project-mrt2019.xsd"))
        .newValidator().validate(new StreamSource(new ByteArrayInputStream(qdeBytes)));
    Document qde = parse(qdeBytes);

    Map<String, Element> codes = new HashMap<>();
    for (Element code : elements(qde.getDocumentElement(), "Code")) codes.put(code.getAttribute("name"), code);
    Element study = codes.get("alpha-2019");
    assertEquals("Studies' own themes (author themes)", ((Element) study.getParentNode()).getAttribute("name"));
    assertEquals(study, codes.get("Findings").getParentNode());
    assertEquals(codes.get("Findings"), codes.get("Hard to follow").getParentNode(), "a sub-theme under its theme");

    Element alpha = elements(qde.getDocumentElement(), "TextSource").stream().filter(e -> paperIdOf(e).equals("alpha-2019"))
        .findFirst().orElseThrow();
    String text = new String(zip.get("sources/" + alpha.getAttribute("guid") + ".txt"), StandardCharsets.UTF_8);
    Map<String, String> nameByGuid = new HashMap<>();
    codes.forEach((name, e) -> nameByGuid.put(e.getAttribute("guid"), name));
    Map<List<String>, String> selectedByCodes = new LinkedHashMap<>();
    for (Element selection : elements(alpha, "PlainTextSelection")) {
      List<String> coded = elements(selection, "CodeRef").stream().map(r -> nameByGuid.get(r.getAttribute("targetGUID"))).toList();
      selectedByCodes.put(coded, codePoints(text, Integer.parseInt(selection.getAttribute("startPosition")),
          Integer.parseInt(selection.getAttribute("endPosition"))));
    }
    assertTrue(selectedByCodes.get(List.of("Findings", "Continuity of care")).startsWith("Participants valued continuity")
        && selectedByCodes.get(List.of("Findings", "Continuity of care")).endsWith("trust over years."), selectedByCodes.toString());
    assertTrue(selectedByCodes.get(List.of("Hard to follow")).startsWith("Medication    changes"), selectedByCodes.toString());
  }

  @Test
  void sentencesThatCannotBeLocatedAreReportedNotGuessed() throws Exception {
    Path run = RunFixture.copyTo(tmp);
    QdpxExport.Result result = QdpxExport.write(run);

    assertEquals(2, result.unlocatedSentences());
    List<CsvRecords.CsvRecord> report = readCsv(result.unlocatedReport());
    assertEquals(List.of("paper_id", "section", "sentence_no", "theme_id", "reason", "text"), report.get(0).fields());
    assertEquals(List.of("beta-2021", "3", "not found in the paper's text after the sentence before it"),
        List.of(report.get(1).fields().get(0), report.get(1).fields().get(2), report.get(1).fields().get(4)));
    assertEquals(List.of("delta-2020", "0", "paper not in papers.jsonl"),
        List.of(report.get(2).fields().get(0), report.get(2).fields().get(2), report.get(2).fields().get(4)));
    Document qde = parse(unzip(result.project()).get("project.qde"));
    for (Element selection : elements(qde.getDocumentElement(), "PlainTextSelection")) {
      assertTrue(!selection.getAttribute("name").startsWith("Doctors rarely"), "an unlocatable sentence was coded");
    }
    String description = elements(qde.getDocumentElement(), "Description").stream()
        .filter(d -> d.getParentNode() == qde.getDocumentElement()).findFirst().orElseThrow().getTextContent();
    assertTrue(description.contains("2 sentences could not be located"), description);
  }

  @Test
  void reExportingGivesTheSameGuidsAndBytes() throws Exception {
    Path run = RunFixture.copyTo(tmp);
    byte[] first = Files.readAllBytes(QdpxExport.write(run).project());
    List<String> firstGuids = guids(parse(unzip(run.resolve("export/project.qdpx")).get("project.qde")));
    byte[] second = Files.readAllBytes(QdpxExport.write(run).project());
    List<String> secondGuids = guids(parse(unzip(run.resolve("export/project.qdpx")).get("project.qde")));

    assertEquals(firstGuids, secondGuids);
    assertEquals(firstGuids.size(), new TreeSet<>(firstGuids).size(), "GUIDs are not unique");
    assertArrayEquals(first, second);
  }

  @Test
  void aRunWithoutComparisonStillExports() throws Exception {
    Path run = RunFixture.copyTo(tmp);
    Files.delete(run.resolve("comparison.json"));
    QdpxExport.Result result = QdpxExport.write(run);

    byte[] qde = unzip(result.project()).get("project.qde");
    SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(getClass().getResource("/export/Project-mrt2019.xsd"))
        .newValidator().validate(new StreamSource(new ByteArrayInputStream(qde)));
    Document doc = parse(qde);
    assertEquals(4, elements(doc.getDocumentElement(), "Code").size(), "the theme group and its three themes");
    for (Element ref : elements(doc.getDocumentElement(), "Coding")) assertEquals(1, elements(ref, "CodeRef").size());
    assertEquals(10, result.codedSentences());
  }

  @Test
  void aMalformedPapersLineNamesTheFileAndLine() throws Exception {
    Path run = RunFixture.copyTo(tmp);
    Path papers = run.resolve("papers.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(papers));
    lines.set(1, lines.get(1).substring(0, 40));
    Files.write(papers, lines);

    IOException e = assertThrows(IOException.class, () -> QdpxExport.write(run));
    assertTrue(e.getMessage().startsWith(papers + " line 2: not a paper"), e.getMessage());
    assertTrue(Files.notExists(run.resolve("export/project.qdpx")), "a broken export was left behind");
  }

  @Test
  void aThemeMissingFromThemesJsonNamesTheAssignmentLine() throws Exception {
    Path run = RunFixture.copyTo(tmp);
    Path assignments = run.resolve("assignments.csv");
    Files.writeString(assignments, Files.readString(assignments).replace("beta-2021,,1,1,", "beta-2021,,1,9,"));

    IOException e = assertThrows(IOException.class, () -> QdpxExport.write(run));
    assertEquals(assignments + " line 10: theme 9 is not in themes.json", e.getMessage());
  }

  @Test
  void aFolderThatIsNotARunIsRefusedByName() throws Exception {
    IOException e = assertThrows(IOException.class, () -> QdpxExport.write(tmp));
    assertEquals(tmp.resolve("run.json") + ": missing; " + tmp + " is not a thememiner run folder", e.getMessage());
  }

  static Map<String, byte[]> unzip(Path zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) entries.put(e.getName(), in.readAllBytes());
    }
    return entries;
  }

  static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  /** Descendants in the REFI-QDA namespace with this local name, in document order. */
  static List<Element> elements(Element root, String localName) {
    NodeList nodes = root.getElementsByTagNameNS(NS, localName);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
    return out;
  }

  private static String paperIdOf(Element source) {
    String description = elements(source, "Description").get(0).getTextContent();
    return description.lines().filter(l -> l.startsWith("Paper id: ")).findFirst().orElseThrow().substring("Paper id: ".length());
  }

  private static List<String> guids(Document doc) {
    List<String> out = new ArrayList<>();
    NodeList all = doc.getElementsByTagNameNS(NS, "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (e.hasAttribute("guid")) out.add(e.getAttribute("guid"));
    }
    return out;
  }

  /**
   * The sentence as assignments.csv keeps it, white space collapsed; control characters count as white space, since
   * the source text has a space for each (they are not allowed in every QDA program).
   */
  private static String collapsed(String s) {
    return s.replaceAll("[\\s\\p{Cc}]+", " ").strip();
  }

  private static String codePoints(String text, int start, int end) {
    return text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
  }

  static List<CsvRecords.CsvRecord> readCsv(Path file) throws IOException {
    List<CsvRecords.CsvRecord> records = new ArrayList<>();
    CsvRecords in = new CsvRecords(new StringReader(Files.readString(file)), file.toString());
    for (CsvRecords.CsvRecord r = in.next(); r != null; r = in.next()) records.add(r);
    return records;
  }
}
