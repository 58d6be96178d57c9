package org.thememiner.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Citation markers closing a quote, as printed in the corpus's reviews; the rest of the text is left alone. */
class CitationMarkerTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "This resulted in confusion regarding the correct way to behave. [76]|This resulted in confusion regarding the correct way to behave.",
      "limit autonomy. [111]|limit autonomy.",
      "as they would then enjoy a better quality of life [12,13].|as they would then enjoy a better quality of life",
      "insufficient pain relief (3)|insufficient pain relief",
      "side effects [4\u20137] [9].|side effects",
      "[95]|''",
      "the odds ratio (OR 0.60).|the odds ratio (OR 0.60).",
      "Treatment burden includes: (1) making sense of stroke management|Treatment burden includes: (1) making sense of stroke management",
      "It settled me down.|It settled me down."})
  void theMarkersClosingATextAreFoundAndNothingElse(String text, String speech) {
    assertEquals(speech, text.substring(0, CitationMarker.trailingStart(text, 0, text.length())));
  }
}
