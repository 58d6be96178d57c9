package org.thememiner.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.thememiner.annotate.TermAnalyzer;
import org.thememiner.compare.ConstructSet;

/**
 * The naive coder a codebook's keywords make on their own: a sentence gets the construct whose keywords occur most
 * often among its content terms. The floor a coder has to clear before its agreement says more than the keyword list.
 */
final class KeywordCount {
  private final List<String> ids;
  private final List<Set<String>> keywordTerms;

  private KeywordCount(List<String> ids, List<Set<String>> keywordTerms) {
    this.ids = ids;
    this.keywordTerms = keywordTerms;
  }

  /** Each construct's keywords read by {@code analyzer}, so that they match the sentences' lemmatised terms. */
  static KeywordCount of(ConstructSet set, TermAnalyzer analyzer) {
    return new KeywordCount(set.constructs().stream().map(c -> c.id()).toList(), set.constructs().stream()
        .map(c -> {
          Set<String> terms = new HashSet<>();
          c.keywords().forEach(k -> terms.addAll(analyzer.terms(k)));
          return Set.copyOf(terms);
        }).toList());
  }

  /**
   * The construct with the most keyword occurrences among {@code terms}; empty when no keyword occurs or two
   * constructs tie, since then the keywords do not decide.
   */
  Optional<String> code(List<String> terms) {
    int best = 0;
    String code = null;
    for (int i = 0; i < ids.size(); i++) {
      Set<String> keywords = keywordTerms.get(i);
      int count = (int) terms.stream().filter(keywords::contains).count();
      if (count > best) {
        best = count;
        code = ids.get(i);
      } else if (count == best) {
        code = null;
      }
    }
    return Optional.ofNullable(code);
  }
}
