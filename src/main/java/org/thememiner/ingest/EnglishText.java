package org.thememiner.ingest;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.Arrays;
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
  private static final List<Map.Entry<String, Set<String>>> OTHERS = others(Map.of(
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
    return otherLanguage(text, Letters.of(text));
  }

  /**
   * The same, with the text's letters counted. Every paper's every section comes through here, so each test is one
   * pass over the text: the letters once, the words once for all the lists.
   */
  private static Optional<String> otherLanguage(String text, Letters letters) {
    Optional<String> script = letters.otherScript();
    if (script.isPresent()) return script;
    int words = 0;
    int english = 0;
    int[] other = new int[OTHERS.size()];
    for (Matcher m = WORD.matcher(text); m.find(); ) {
      String word = functionWordForm(m.group());
      words++;
      if (ENGLISH.contains(word)) english++;
      for (int i = 0; i < other.length; i++) if (OTHERS.get(i).getValue().contains(word)) other[i]++;
    }
    if (words == 0) return Optional.empty();
    double englishShare = english / (double) words;
    String best = null;
    double bestShare = 0;
    for (int i = 0; i < other.length; i++) {
      double share = other[i] / (double) words;
      if (share > bestShare) {
        best = OTHERS.get(i).getKey();
        bestShare = share;
      }
    }
    if (bestShare >= MIN_OTHER_SHARE && bestShare > 2 * englishShare) return Optional.of(best);
    return englishShare < MIN_ENGLISH_SHARE && letters.accentedShare() >= MIN_ACCENTED_SHARE
        ? Optional.of("another language") : Optional.empty();
  }

  /**
   * A text's letters by script ({@link UnicodeScript} ordinal), and how many of its Latin letters are accented (not
   * ASCII: "ą", "ş", "ő", "é").
   */
  private record Letters(int[] byScript, int all, int accented) {
    static Letters of(String text) {
      int[] byScript = new int[UnicodeScript.values().length];
      int all = 0;
      int accented = 0;
      for (int i = 0; i < text.length(); ) {
        int c = text.codePointAt(i);
        i += Character.charCount(c);
        if (c < 128) {
          if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
            byScript[UnicodeScript.LATIN.ordinal()]++;
            all++;
          }
        } else if (Character.isLetter(c)) {
          UnicodeScript script = UnicodeScript.of(c);
          byScript[script.ordinal()]++;
          all++;
          if (script == UnicodeScript.LATIN) accented++;
        }
      }
      return new Letters(byScript, all, accented);
    }

    int count(UnicodeScript script) {
      return byScript[script.ordinal()];
    }

    double accentedShare() {
      int latin = count(UnicodeScript.LATIN);
      return latin == 0 ? 0 : accented / (double) latin;
    }

    /**
     * The script most of the letters are in, when fewer than half are Latin: "Cyrillic script", "Korean"; Japanese
     * when a tenth of the letters are kana, as Japanese writes its kanji (Han characters) among them.
     */
    Optional<String> otherScript() {
      if (all == 0 || count(UnicodeScript.LATIN) * 2 >= all) return Optional.empty();
      if ((count(UnicodeScript.HIRAGANA) + count(UnicodeScript.KATAKANA)) * 10 >= all) return Optional.of("Japanese");
      UnicodeScript main = null;
      for (UnicodeScript script : UnicodeScript.values()) {
        if (script != UnicodeScript.LATIN && (main == null || count(script) > count(main))) main = script;
      }
      return Optional.of(switch (main) {
        case HANGUL -> "Korean";
        case HAN -> "Chinese characters";
        default -> main.name().charAt(0) + main.name().substring(1).toLowerCase(Locale.ROOT) + " script";
      });
    }
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
      Letters letters = Letters.of(s.text());
      judged.add(letters.all() >= MIN_LETTERS ? Optional.of(otherLanguage(s.text(), letters).orElse("")) : Optional.empty());
    }
    if (judged.stream().allMatch(Optional::isEmpty)) {
      // every section is short: the text as a whole is judged
      String all = sections.stream().map(Section::text).collect(Collectors.joining("\n\n"));
      Letters letters = Letters.of(all);
      Optional<String> language = letters.all() >= MIN_LETTERS ? otherLanguage(all, letters) : Optional.empty();
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

  /** A word in lower case; an abbreviation ("IL", "SEM", "EU": two capitals or more) as "" so that no list has it. */
  private static String functionWordForm(String word) {
    int capitals = 0;
    for (int i = 0; i < word.length(); i++) {
      if (Character.isUpperCase(word.charAt(i)) && ++capitals > 1) return "";
    }
    return word.toLowerCase(Locale.ROOT);
  }

  private static Set<String> words(String list) {
    return Set.copyOf(Arrays.asList(list.split(" ")));
  }

  /** Each language's list, in the order of the languages' names (the first of two equal shares is named). */
  private static List<Map.Entry<String, Set<String>>> others(Map<String, String> lists) {
    Map<String, Set<String>> out = new TreeMap<>();
    lists.forEach((language, list) -> out.put(language, words(list).stream()
        .filter(w -> !ENGLISH.contains(w) && !SHARED_WITH_ENGLISH.contains(w) && w.length() > 1)
        .collect(Collectors.toUnmodifiableSet())));
    return List.copyOf(out.entrySet());
  }
}
