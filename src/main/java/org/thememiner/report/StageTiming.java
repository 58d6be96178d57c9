package org.thememiner.report;

import java.util.Map;

/** How long one stage took and what it counted (papers, sentences, themes, ...). */
public record StageTiming(String stage, double seconds, Map<String, Long> counts) {
  public StageTiming {
    counts = Map.copyOf(counts);
  }
}
