package org.thememiner.ingest;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which text is English. Annotation (CoreNLP's English models) and the sentence embeddings (all-MiniLM-L6-v2, trained
 * on English) read English only: a Spanish paper would be tagged as English, its terms would be noise and its
 * sentences would gather in a theme of their own, the language's. So sections in another language are left out of a
 * paper (a Portuguese abstract beside an English one), and a paper with no English is reported, not read.
 *
 * <p>The test is the share of each language's most common function words among a text's words, as stop-word language
 * identification does: English prose has about a third of its words in the English list; another language's prose
 * about as many in its own list and few in the English one. Text that is neither (a list of accession numbers, a
 * taxonomic description) has few of either and stays English. A language without a list here is told by its letters:
 * English prose has next to no accented letters (at most 1.6 % of the letters of a section of the test corpus),
 * Polish, Czech, Turkish, Hungarian or Romanian prose 3-14 %. Text mostly in a script other than Latin is not English.
 */
final class EnglishText {
  /**
   * Fewer letters than this (about 30 English words) are too few to judge alone: such a section goes with the section
   * before it. Letters, not words: Chinese and Japanese do not space their words.
   */
  private static final int MIN_LETTERS = 150;
  /** Another language's function words must be at least this share of the words, and twice the English share. */
  private static final double MIN_OTHER_SHARE = 0.15;
  /** Below this share of English function words, text is not English prose... */
  private static final double MIN_ENGLISH_SHARE = 0.15;
  /** ...and with at least this share of its Latin letters accented (not ASCII), it is in another language. */
  private static final double MIN_ACCENTED_SHARE = 0.03;

  private static final Set<String> ENGLISH = words("the of and to in a is that for it as was with be by on not this "
      + "are or his her from at which but have has had an they you we were their one all can there been if more when "
      + "will would who so no its these than also our may such between both into other only some them those then what "
      + "how most after each over under while however within about during through");
  /**
   * Words of the lists below that English scientific text also uses: English words ("man", "war", "door", "come"),
   * Latin ("et al.", "per"), name particles ("von", "van") and prefixes split from their word ("non-", "con").
   */
  private static final Set<String> SHARED_WITH_ENGLISH = words("al et per non con come man war hat um er als von van "
      + "met door dan tot med sig till vid var den die son era hay do com dos num par plus ma men");
  /**
   * The most common function words of the languages a literature search most often brings beside English, less
   * those English also has or uses, and single letters (variables, "e.g.").
   */
  private static final Map<String, Set<String>> OTHERS = others(Map.of(
      "Spanish", "de la que el en y los del se las por un para con una su al lo como más pero sus le ya este sí porque "
          + "esta entre cuando muy sin sobre también hasta hay donde quien desde todo nos durante todos uno les ni "
          + "contra otros ese eso ante ellos esto antes algunos qué unos yo otro otras otra él tanto esa estos mucho "
          + "fue ha son está están era ser",
      "Portuguese", "de que do da em um para é com não uma os se na por mais dos como mas foi ao ele das tem à seu "
          + "sua ou ser quando muito há nos já está eu também só pelo pela até isso ela entre era depois sem mesmo "
          + "aos ter seus quem nas esse eles estão você foram essa num nem suas meu às minha numa pelos elas seja "
          + "qual será nós lhe deles essas esses pelas este são",
      "French", "de la le et les des en un du une que est pour qui dans par plus pas au sur ne se ce il sont avec ou "
          + "son aux mais nous comme leur été elle cette ces ont être aussi lui sans entre deux fait peut ils leurs "
          + "était très",
      "German", "der die und den von zu das mit sich des auf für ist im dem nicht ein eine als auch es werden aus er "
          + "hat dass sie nach wird bei einer um sind noch wie einem über einen zum war haben nur oder aber vor zur "
          + "bis mehr durch man sein wurde wurden kann können diese dieser zwischen",
      "Italian", "di il la che un per è una del della le non con si da al dei gli alla come più sono anche nel ma "
          + "delle ha questo tra essere lo sua suo nella sulla dalla loro ci questa stato",
      "Dutch", "de en van het een dat op te zijn voor met die niet aan er om ook als bij door maar dan naar wordt uit "
          + "nog worden kan zich deze tot werd hebben heeft wat",
      "Danish or Norwegian", "og det er en til på som med af den har de ikke et var fra men om ved sig kan så vil "
          + "eller efter også blev skal være av",
      "Swedish", "och att det som en på är av för med till den inte har de ett var om men så från kan vid sig efter "
          + "också eller skulle blev mycket"));
  private static final Pattern WORD = Pattern.compile("[\\p{L}'\u2019]+");

  private EnglishText() {}

  /** The language {@code text} reads as when that is not English ("Spanish", "Cyrillic script"), else empty. */
  static Optional<String> otherLanguage(String text) {
    Optional<String> script = otherScript(text);
    if (script.isPresent()) return script;
    List<String> words = new ArrayList<>();
    for (Matcher m = WORD.matcher(text); m.find(); ) words.add(functionWordForm(m.group()));
    if (words.isEmpty()) return Optional.empty();
    double english = share(words, ENGLISH);
    String best = null;
    double bestShare = 0;
    for (var language : OTHERS.entrySet()) {
      double s = share(words, language.getValue());
      if (s > bestShare) {
        best = language.getKey();
        bestShare = s;
      }
    }
    if (bestShare >= MIN_OTHER_SHARE && bestShare > 2 * english) return Optional.of(best);
    return english < MIN_ENGLISH_SHARE && accentedShare(text) >= MIN_ACCENTED_SHARE ? Optional.of("another language")
        : Optional.empty();
  }

  /** The share of the Latin letters that are not ASCII: "ą", "ş", "ő", "é". */
  private static double accentedShare(String text) {
    long latin = 0;
    long accented = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetter(c) && UnicodeScript.of(c) == UnicodeScript.LATIN) {
        latin++;
        if (c > 127) accented++;
      }
    }
    return latin == 0 ? 0 : accented / (double) latin;
  }

  /**
   * The paper without its sections in another language, with a warning naming them; sections of fewer than
   * {@value #MIN_LETTERS} letters go with the section before them (the first with the one after).
   *
   * @throws ExtractionException when no English is left
   */
  static Paper keepEnglish(Paper paper) throws ExtractionException {
    List<Section> sections = paper.sections();
    List<Optional<String>> judged = new ArrayList<>();
    for (Section s : sections) {
      boolean judgeable = letterCount(s.text()) >= MIN_LETTERS;
      judged.add(judgeable ? Optional.of(otherLanguage(s.text()).orElse("")) : Optional.empty());
    }
    if (judged.stream().allMatch(Optional::isEmpty)) {
      // every section is short: the text as a whole is judged
      String all = sections.stream().map(Section::text).collect(Collectors.joining("\n\n"));
      Optional<String> language = letterCount(all) >= MIN_LETTERS ? otherLanguage(all) : Optional.empty();
      if (language.isPresent()) throw notEnglish(language.get());
      return paper;
    }
    String previous = judged.stream().flatMap(Optional::stream).findFirst().orElseThrow();
    List<Section> kept = new ArrayList<>();
    Map<String, List<String>> leftOut = new LinkedHashMap<>();
    for (int i = 0; i < sections.size(); i++) {
      String language = judged.get(i).orElse(previous);
      previous = language;
      if (language.isEmpty()) kept.add(sections.get(i));
      else leftOut.computeIfAbsent(language, l -> new ArrayList<>()).add(sections.get(i).heading());
    }
    if (leftOut.isEmpty()) return paper;
    if (kept.isEmpty()) throw notEnglish(leftOut.keySet().iterator().next());
    List<String> warnings = new ArrayList<>(paper.warnings());
    leftOut.forEach((language, headings) -> warnings.add(headings.size() + " section" + (headings.size() == 1 ? "" : "s")
        + " in " + language + " left out (thememiner reads English): " + headings.stream()
        .map(h -> h.isEmpty() ? "(untitled)" : h).collect(Collectors.joining("; "))));
    return new Paper(paper.id(), paper.source(), paper.sha256(), paper.format(), paper.title(), paper.authors(),
        paper.year(), paper.doi(), paper.journal(), kept, paper.captions(), paper.references(), warnings);
  }

  private static ExtractionException notEnglish(String language) {
    return new ExtractionException("not in English: the text reads as " + language + "; thememiner's annotation "
        + "and sentence embeddings read English only");
  }

  /**
   * The script most of the letters are in, when fewer than half are Latin: "Cyrillic script", "Korean"; Japanese
   * when a tenth of the letters are kana, as Japanese writes its kanji (Han characters) among them.
   */
  private static Optional<String> otherScript(String text) {
    Map<UnicodeScript, Integer> letters = new EnumMap<>(UnicodeScript.class);
    text.codePoints().filter(Character::isLetter).forEach(c -> letters.merge(UnicodeScript.of(c), 1, Integer::sum));
    int all = letters.values().stream().mapToInt(Integer::intValue).sum();
    if (all == 0 || letters.getOrDefault(UnicodeScript.LATIN, 0) * 2 >= all) return Optional.empty();
    int kana = letters.getOrDefault(UnicodeScript.HIRAGANA, 0) + letters.getOrDefault(UnicodeScript.KATAKANA, 0);
    if (kana * 10 >= all) return Optional.of("Japanese");
    letters.remove(UnicodeScript.LATIN);
    UnicodeScript main = letters.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    return Optional.of(switch (main) {
      case HANGUL -> "Korean";
      case HAN -> "Chinese characters";
      default -> main.name().charAt(0) + main.name().substring(1).toLowerCase(Locale.ROOT) + " script";
    });
  }

  /** A word in lower case; an abbreviation ("IL", "SEM", "EU": two capitals or more) as "" so that no list has it. */
  private static String functionWordForm(String word) {
    return word.codePoints().filter(Character::isUpperCase).count() > 1 ? "" : word.toLowerCase(Locale.ROOT);
  }

  private static long letterCount(String text) {
    return text.codePoints().filter(Character::isLetter).count();
  }

  private static double share(List<String> words, Set<String> list) {
    return words.stream().filter(list::contains).count() / (double) words.size();
  }

  private static Set<String> words(String list) {
    return Set.copyOf(Arrays.asList(list.split(" ")));
  }

  private static Map<String, Set<String>> others(Map<String, String> lists) {
    Map<String, Set<String>> out = new TreeMap<>();
    lists.forEach((language, list) -> out.put(language, words(list).stream()
        .filter(w -> !ENGLISH.contains(w) && !SHARED_WITH_ENGLISH.contains(w) && w.length() > 1)
        .collect(Collectors.toUnmodifiableSet())));
    return out;
  }
}
