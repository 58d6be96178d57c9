package org.thememiner.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Citation markers closing a quote, numbered as printed in the corpus's reviews and author-year as other journals print
 * them; speaker tags and the rest of the text are left alone.
 */
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
      "It settled me down.|It settled me down.",
      "confusion about the right way to behave (Bendz, 2003).|confusion about the right way to behave",
      "being called away (Smith et al. 2010, p. 4; Jones 2011)|being called away",
      "care was lost (Andersson & Hansebo, 2009, pp. 12–14).|care was lost",
      "I went back six times (Centre A, R4).|I went back six times (Centre A, R4).",
      "I was diagnosed (P3, aged 45)|I was diagnosed (P3, aged 45)",
      "rates rose (from 2010 to 2012)|rates rose (from 2010 to 2012)"})
  void theMarkersClosingATextAreFoundAndNothingElse(String text, String speech) {
    assertEquals(speech, text.substring(0, CitationMarker.trailingStart(text, 0, text.length())));
  }
}
