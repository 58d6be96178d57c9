package org.thememiner.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which block quotes are a participant's words, and which the words of a cited publication. */
class SectionAssemblerTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      // a review quoting its source's finding: the source's authors speak, the block stays prose
      "Men showed vulnerability. By conforming to the role of patient the tension could be eased. [59]|-|-",
      "Patients described unhelpful mixed messages from professionals (Bendz, 2003).|-|-",
      // a participant's words relayed by a review keep the quote, without the marker
      "I didn't know who to ask, my nurse was never there. [12]|-|I didn't know who to ask, my nurse was never there.",
      "It settled me down (Smith et al., 2010).|-|It settled me down",
      // a speaker tag says who speaks, cited or not
      "Nobody told us anything. [7]|P4|Nobody told us anything.",
      // a block quote that cites nothing is speech, as before
      "Nobody told us anything.|-|Nobody told us anything.",
      "[95]|-|-"})
  void aQuoteClosedByACitationIsAParticipantsOnlyWhenItSpeaksAsI(String block, String attribution, String quote) {
    SectionAssembler assembler = new SectionAssembler(false);
    assembler.heading("Results", 1, null, null);
    assembler.paragraph("The themes follow.", null);
    assembler.quote(block, 0, block.length(), attribution, null);
    Section section = assembler.sections().get(0);
    assertEquals("The themes follow.\n\n" + block, section.text(), "the block stays in the text either way");
    List<String> quotes = section.quotes().stream().map(q -> section.text().substring(q.start(), q.end())).toList();
    assertEquals(quote == null ? List.of() : List.of(quote), quotes);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "I felt alone.|true", "I'm fine now|true", "I\u2019ve been back|true", "it settled me down|true",
      "My wife does the tablets|true", "Men showed vulnerability.|false",
      "in Phase I.|false", "the I-131 dose|false", "we were never told|false", "Time, images and imagination|false"})
  void firstPersonSingular(String text, boolean speaks) {
    assertEquals(speaks, FirstPerson.speaks(text, 0, text.length()), text);
  }
}
