package org.thememiner.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sections and papers in a language other than English are left out and named; English is never taken for one. */
class EnglishTextTest {

  static final String SPANISH = "Los pacientes describieron la espera como la parte más difícil del tratamiento. "
      + "Muchos de ellos no sabían a quién llamar cuando se sentían mal, y algunos dijeron que las enfermeras no tenían "
      + "tiempo para explicar los medicamentos. Para las familias, el apoyo de otros pacientes fue muy importante.";
  static final String PORTUGUESE = "Os participantes relataram que a falta de informação sobre o tratamento era uma "
      + "das maiores dificuldades. Muitos não sabiam quando deveriam voltar ao hospital, e alguns disseram que o apoio "
      + "dos outros pacientes foi mais importante do que as consultas com os médicos.";
  static final String GERMAN = "Die Teilnehmer beschrieben das Warten als den schwierigsten Teil der Behandlung. Viele "
      + "wussten nicht, wen sie anrufen sollten, wenn es ihnen schlecht ging, und einige sagten, dass die Pflegekräfte "
      + "keine Zeit hatten, die Medikamente zu erklären. Für die Familien war die Unterstützung sehr wichtig.";
  static final String FRENCH = "Les participants ont décrit l'attente comme la partie la plus difficile du traitement. "
      + "Beaucoup ne savaient pas qui appeler quand ils se sentaient mal, et certains ont dit que les infirmières "
      + "n'avaient pas le temps d'expliquer les médicaments. Pour les familles, le soutien des autres était essentiel.";
  static final String ENGLISH = "Participants described waiting as the hardest part of the treatment. Many of them did "
      + "not know whom to call when they felt unwell, and some said that the nurses had no time to explain the "
      + "medicines. For the families, the support of other patients was very important.";

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"SPANISH|Spanish", "PORTUGUESE|Portuguese", "GERMAN|German", "FRENCH|French"})
  void eachLanguageIsNamed(String text, String language) throws Exception {
    String sample = (String) EnglishTextTest.class.getDeclaredField(text).get(null);
    assertEquals(Optional.of(language), EnglishText.otherLanguage(sample));
    assertEquals(Optional.empty(), EnglishText.otherLanguage(ENGLISH));
  }

  @Test
  void textInAnotherScriptIsNotEnglish() {
    String russian = "Пациенты описали ожидание как самую трудную часть лечения, и многие не знали, кому позвонить.";
    assertEquals(Optional.of("Cyrillic script"), EnglishText.otherLanguage(russian));
    assertEquals(Optional.of("Japanese"), EnglishText.otherLanguage("患者は待つことが治療の中でいちばんつらいと話した (n = 12, p < 0.05)."));
    assertEquals(Optional.of("Japanese"), EnglishText.otherLanguage("退院後の服薬管理と外来受診の負担は大きいと述べた。"),
        "mostly kanji");
    assertEquals(Optional.of("Chinese characters"), EnglishText.otherLanguage("出院后的服药管理和门诊就诊负担很大。"));
  }

  /** A language without a word list is told by its accented letters. */
  @Test
  void aLanguageWithoutAListIsToldByItsLetters() {
    String polish = "Pacjenci opisywali oczekiwanie jako najtrudniejszą część leczenia. Wielu z nich nie wiedziało, do "
        + "kogo zadzwonić, gdy czuli się źle, a niektórzy mówili, że pielęgniarki nie miały czasu wyjaśnić leków.";
    String turkish = "Hastalar beklemeyi tedavinin en zor kısmı olarak tanımladılar. Birçoğu kendilerini kötü "
        + "hissettiklerinde kimi arayacaklarını bilmiyordu ve bazıları hemşirelerin ilaçları açıklamaya zamanı "
        + "olmadığını söyledi.";
    assertEquals(Optional.of("another language"), EnglishText.otherLanguage(polish));
    assertEquals(Optional.of("another language"), EnglishText.otherLanguage(turkish));
    String places = "Samples were collected in São Paulo, Göttingen, Kraków and Malmö by the teams of Łukasz Żółć "
        + "and José Núñez, and they were analysed at the universities of Zürich and Besançon during the summer.";
    assertEquals(Optional.empty(), EnglishText.otherLanguage(places), "English with accented names");
  }

  /** What English scientific text has besides prose: lists, abbreviations, Latin, a taxonomic description. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Accession numbers: VACV WR C6, P17362.1; TNF-alpha, NP_000585; IL-6, NP_000591; SEM, TEM, EU, OS, NA.",
      "Lectotype: NHMUK PI BM G 83969 (de Vries et al. 1988; van der Berg et al. 2003; von Willebrand per protocol).",
      "Spire whorls: spire height high (RSH 0.27-0.30, mean 0.28), outline straight to concave; protoconch 1.5 whorls.",
      "Men who die of war injuries, non-smokers, the dos and don'ts: hat, door, era, son, come, man, plus."})
  void englishThatIsNotProseStaysEnglish(String text) {
    assertEquals(Optional.empty(), EnglishText.otherLanguage(text));
  }

  /** A Portuguese abstract beside an English paper is left out and named; the English is kept. */
  @Test
  void aSectionInAnotherLanguageIsLeftOutAndNamed() throws Exception {
    String md = "# Abstract\n\n" + ENGLISH + "\n\n# Resumo\n\n" + PORTUGUESE + "\n\n# Results\n\n" + ENGLISH + "\n";
    Paper paper = TextExtractorTest.extractText("paper.md", md);
    Paper kept = EnglishText.keepEnglish(paper);
    assertEquals(List.of("Abstract", "Results"), kept.sections().stream().map(Section::heading).toList());
    assertEquals(List.of("1 section in Portuguese left out (thememiner reads English): Resumo"), kept.warnings());
  }

  /** A short section goes with the one before it: the heading of a Spanish body is not read as English. */
  @Test
  void aShortSectionGoesWithTheSectionBeforeIt() throws Exception {
    String md = "# Abstract\n\n" + ENGLISH + "\n\n# Resultados\n\n" + SPANISH + "\n\n# Métodos\n\nEntrevistas.\n";
    Paper kept = EnglishText.keepEnglish(TextExtractorTest.extractText("paper.md", md));
    assertEquals(List.of("Abstract"), kept.sections().stream().map(Section::heading).toList());
    assertTrue(kept.warnings().get(0).startsWith("2 sections in Spanish left out"), kept.warnings().toString());
  }

  /** Chinese does not space its words: a section is long enough to judge by its letters. */
  @Test
  void aChineseTranscriptIsReported(@TempDir Path dir) throws Exception {
    String chinese = "患者们把等待描述为治疗中最困难的部分。他们中的许多人在感到不适时不知道该给谁打电话，"
        + "有些人说护士没有时间解释药物。对家庭来说，其他患者的支持非常重要。";
    Path file = Files.writeString(dir.resolve("访谈.txt"), chinese + "\n\n" + chinese + "\n\n" + chinese,
        StandardCharsets.UTF_8);
    ExtractionException e = assertThrows(ExtractionException.class, () -> Corpus.read(file));
    assertTrue(e.getMessage().startsWith("not in English: the text reads as Chinese characters;"), e.getMessage());
  }

  @Test
  void aTranscriptInAnotherLanguageIsReportedWithItsLanguage(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("entrevista.txt"), SPANISH + "\n\n" + SPANISH, StandardCharsets.UTF_8);
    ExtractionException e = assertThrows(ExtractionException.class, () -> Corpus.read(file));
    assertEquals("not in English: the text reads as Spanish; thememiner's annotation and sentence embeddings read "
        + "English only", e.getMessage());
  }

  /** Every paper of the test corpus, PDF and JATS, keeps every section: none is taken for another language. */
  @Test
  void noSectionOfTheCorpusIsTakenForAnotherLanguage() throws Exception {
    List<String> flagged = new ArrayList<>();
    int papers = 0;
    for (String folder : List.of("jats", "pdf")) {
      try (Stream<Path> files = Files.list(Corpus.root().resolve(folder))) {
        for (Path f : files.filter(p -> p.toString().matches(".*\\.(xml|pdf)")).sorted().toList()) {
          papers++;
          Paper paper = Corpus.read(f);
          paper.warnings().stream().filter(w -> w.contains("left out (thememiner reads English)"))
              .forEach(w -> flagged.add(f.getFileName() + ": " + w));
        }
      }
    }
    assertTrue(papers > 121, "the corpus was read: " + papers);
    assertEquals(List.of(), flagged);
  }
}
