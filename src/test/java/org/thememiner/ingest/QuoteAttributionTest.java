package org.thememiner.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuoteAttributionTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "It settled me down. (Centre A, R4).|Centre A, R4",
      "You just get used to it. (P3, female, 45)|P3, female, 45",
      "Nobody explained the tablets. [Participant 12]|Participant 12",
      "We were written off. (FG2, carer)|FG2, carer",
      "I was afraid to walk. \u2014 Interviewee 7|Interviewee 7"})
  void speakerTags(String paragraph, String attribution) {
    QuoteAttribution.Found found = QuoteAttribution.find(paragraph).orElseThrow();
    assertEquals(attribution, found.attribution());
    assertTrue(paragraph.substring(0, found.start()).strip().endsWith("."));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Readmissions fell [12].", "as reported earlier (Smith et al., 2010).",
      "as reported earlier (Smith 2010).", "see the appendix [3, 4\u20136].", "the odds ratio (OR 0.60)."})
  void citationsAreNotAttributions(String paragraph) {
    assertTrue(QuoteAttribution.find(paragraph).isEmpty(), paragraph);
  }
}
