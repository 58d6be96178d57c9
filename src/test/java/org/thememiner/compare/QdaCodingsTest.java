package org.thememiner.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project's coded selections as a gold coding and as coded examples: a project written as QDA software writes one
 * (the source named after its PDF, its text in the archive, positions in code points), coded by a researcher with
 * codes named as the Tully 2010 set's constructs, and one code that is not a construct.
 */
class QdaCodingsTest {
  private static final ConstructSet TULLY = CompareFixtures.set("tully-2010");
  /** The text as the coder's software extracted it: its own line breaks, and a letter outside the BMP first. */
  private static final String TEXT = "𝛼 Results\n\nPatients kept a list of their tablets.  They found the doses"
      + "\nconfusing at first, and then learnt them. Their GP visits were short.\nThanks to the nurses.\n";
  private static final String S1 = "Patients kept a list of their tablets.";
  private static final String S2 = "They found the doses confusing at first, and then learnt them.";
  private static final String S3 = "Their GP visits were short.";

  @TempDir Path dir;

  @Test
  void aProjectsSelectionsCodePapersAndTheSentencesTheyCoverByHalf() throws IOException {
    GoldCoding gold = GoldCoding.load(project("coded.qdpx", standardSelections(), "internal://src-1.txt"), TULLY);

    assertEquals(Map.of("tully-2010-heart-failure", Set.of("medication", "gp-services")), gold.constructsByPaper(),
        "the source's name without its extension is the paper id the PDF gets");
    assertEquals(Set.of("Memo: check"), gold.otherCodes());
    assertTrue(gold.codesText());

    List<SentenceGold.CodedSentence> sentences = List.of(
        new SentenceGold.CodedSentence("tully-2010-heart-failure", 1, S1, "medication"),
        new SentenceGold.CodedSentence("tully-2010-heart-failure", 2, S2, null),
        new SentenceGold.CodedSentence("tully-2010-heart-failure", 3, S3, "medication"),
        new SentenceGold.CodedSentence("tully-2010-heart-failure", 4, "A sentence the coder's text does not have.", null));
    SentenceGold.Located located = SentenceGold.locate(gold.texts().get(0), sentences);
    assertEquals(Set.of("medication"), located.bySentence().get(1));
    assertEquals(Set.of(), located.bySentence().get(2), "a selection covering less than half of a sentence does not code it");
    assertEquals(Set.of("gp-services"), located.bySentence().get(3));
    assertEquals(1, located.notFound());

    GoldAgreement.SentenceLevel level = SentenceGold.agreement(gold, List.of("medication", "gp-services"), sentences);
    assertEquals(1, level.papers());
    assertEquals(3, level.sentences());
    assertEquals(1, level.sentencesNotFound());
    assertEquals(2, level.codedSentences());
    GoldAgreement.ConstructAgreement medication = level.constructs().get(0);
    assertEquals(List.of(1, 1, 0, 1), List.of(medication.truePositives(), medication.falsePositives(),
        medication.falseNegatives(), medication.trueNegatives()));
    GoldAgreement.ConstructAgreement gp = level.constructs().get(1);
    assertEquals(List.of(0, 0, 1, 2), List.of(gp.truePositives(), gp.falsePositives(), gp.falseNegatives(), gp.trueNegatives()));
    assertEquals(4 / 6.0, level.accuracy(), 1e-12);
  }

  @Test
  void theSelectionsSentencesAreCodedExamples() throws IOException {
    CodedExamples examples = CodedExamples.load(project("coded.qdpx", standardSelections(), "internal://src-1.txt"), TULLY);
    assertEquals(List.of(new CodedExamples.Example("medication", S1), new CodedExamples.Example("medication", "They found the doses"),
        new CodedExamples.Example("gp-services", S3)), examples.examples());
  }

  @Test
  void brokenProjectsAreNamedWithTheElement() throws IOException {
    int length = TEXT.codePointCount(0, TEXT.length());
    String beyond = selection(10, length + 1, "c-med");
    assertMessage(project("beyond.qdpx", beyond, "internal://src-1.txt"), "Sources/TextSource[1]/PlainTextSelection[1]: positions 10-"
        + (length + 1) + " are not within the source's " + length + " characters");
    assertMessage(project("guid.qdpx", selection(0, 5, "c-none"), "internal://src-1.txt"), "names code c-none, which the CodeBook lacks");
    assertMessage(project("outside.qdpx", standardSelections(), "relative:///home/me/tully.txt"),
        "Sources/TextSource[1] keeps its text outside the project (relative:///home/me/tully.txt)");
    assertMessage(project("memo.qdpx", selection(0, 5, "c-memo"), "internal://src-1.txt"),
        "no coded selection has a code that is a construct of tully-2010 by id or name; its codes: Memo: check");
    Path qdc = Files.writeString(dir.resolve("book.qdc"), "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"/>");
    assertMessage(qdc, "coded text comes from a REFI-QDA project (.qdpx); a codebook has none");
  }

  private void assertMessage(Path file, String expected) {
    InvalidGoldCodingException e = assertThrows(InvalidGoldCodingException.class, () -> GoldCoding.load(file, TULLY));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  /** S1 and the start of S2 (a third of it) coded Medication; S3 coded "gp services" and a memo code. */
  private static String standardSelections() {
    int s1 = cp(TEXT.indexOf(S1));
    int s2 = cp(TEXT.indexOf("They found"));
    int s3 = cp(TEXT.indexOf(S3));
    return selection(s1, s2 + "They found the doses".length(), "c-med") + selection(s3, s3 + S3.length(), "c-gp", "c-memo");
  }

  private static int cp(int charIndex) {
    return TEXT.codePointCount(0, charIndex);
  }

  private static String selection(int start, int end, String... codes) {
    StringBuilder s = new StringBuilder("<PlainTextSelection guid=\"s-" + start + "\" startPosition=\"" + start
        + "\" endPosition=\"" + end + "\">");
    for (String code : codes) s.append("<Coding guid=\"k-").append(start).append(code).append("\"><CodeRef targetGUID=\"")
        .append(code).append("\"/></Coding>");
    return s.append("</PlainTextSelection>").toString();
  }

  private Path project(String name, String selections, String plainTextPath) throws IOException {
    String qde = """
        <?xml version="1.0" encoding="utf-8"?>
        <Project xmlns="urn:QDA-XML:project:1.0" name="Tully coding" origin="NVivo">
          <CodeBook><Codes>
            <Code guid="c-group" name="Tully themes" isCodable="false">
              <Code guid="c-med" name="Medication" isCodable="true"/>
              <Code guid="c-gp" name="gp  services" isCodable="true"/>
            </Code>
            <Code guid="c-memo" name="Memo: check" isCodable="true"/>
          </Codes></CodeBook>
          <Sources>
            <TextSource guid="src-1" name="Tully 2010 heart failure.pdf" plainTextPath="%s">%s</TextSource>
            <TextSource guid="src-2" name="Uncoded study" plainTextPath="internal://src-2.txt"/>
          </Sources>
        </Project>
        """.formatted(plainTextPath, selections);
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("project.qde"));
      zip.write(qde.getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("sources/src-1.txt"));
      zip.write(TEXT.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }
}
