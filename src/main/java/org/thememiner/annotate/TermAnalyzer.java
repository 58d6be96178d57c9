package org.thememiner.annotate;

import java.util.List;

/** Free text to the content terms theme discovery uses; applied to construct descriptions so both share one term space. */
@FunctionalInterface
public interface TermAnalyzer {
  List<String> terms(String text);
}
