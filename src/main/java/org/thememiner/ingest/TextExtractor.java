package org.thememiner.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-text and Markdown transcripts and notes: "#" headings (or, without Markdown, a short line standing alone
 * before body text), paragraphs separated by blank lines, and quotes as "&gt;" blocks, quoted paragraphs with an
 * attribution, or turns with a speaker tag ("P3:", "interviewee:"); the interviewer's or moderator's turns
 * ("Interviewer 1:", "Q:") are {@link InterviewerTurn}s, not quotes.
 */
public final class TextExtractor implements Extractor {

  private static final Pattern MARKDOWN_HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
  private static final Pattern SPEAKER_TURN = Pattern.compile(
      "^((?:P|R|(?i:Participant|Respondent|Interviewee|Interviewer|Moderator|Facilitator|Speaker))\\s?-?\\d{0,4}"
          + "|I|Q|A|[A-Z][A-Za-z]{1,20}\\s?\\d{1,3})\\s*:\\s+");
  /** The turns of whoever asks the questions: their words are part of the text, not a participant's quote. */
  private static final Pattern INTERVIEWER =
      Pattern.compile("(?i:Interviewer|Moderator|Facilitator)\\s?-?\\d{0,4}|I|Q");
  private static final int MAX_HEADING_CHARS = 90;
  /**
   * Above this share of control characters a file is not text. Text has next to none; random or compressed bytes
   * read as ISO-8859-1 have about 11 %.
   */
  private static final double MAX_CONTROL_SHARE = 0.01;

  @Override
  public Paper extract(InputFile file, byte[] bytes, String sha256) throws ExtractionException {
    List<String> warnings = new ArrayList<>();
    String content = decode(bytes, warnings).replace("\r\n", "\n").replace('\r', '\n');
    if (content.startsWith("\uFEFF")) content = content.substring(1);
    if (content.isBlank()) throw new ExtractionException("empty file (no text)");
    requireText(content);

    List<String> blocks = blocks(content);
    boolean markdown = blocks.stream().anyMatch(b -> MARKDOWN_HEADING.matcher(b).matches());
    SectionAssembler assembler = new SectionAssembler(!markdown);
    String title = null;
    for (int i = 0; i < blocks.size(); i++) {
      String block = blocks.get(i);
      Matcher md = MARKDOWN_HEADING.matcher(block);
      if (md.matches()) {
        title = title == null ? md.group(2) : title;
        assembler.heading(md.group(2), md.group(1).length(), null, null);
      } else if (!markdown && i + 1 < blocks.size() && looksLikeHeading(block, blocks.get(i + 1))) {
        title = title == null ? block : title;
        assembler.heading(block, 1, null, null);
      } else {
        addParagraph(block, assembler);
      }
    }
    if (title == null) title = stem(file.path());
    return new Paper(file.id(), file.path(), sha256, "text", title, List.of(), null, MetadataText.findDoi(content),
        null, assembler.sections(), List.of(), assembler.references(), warnings);
  }

  private static String decode(byte[] bytes, List<String> warnings) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      warnings.add("not valid UTF-8; read as ISO-8859-1");
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  /** Refuses binary data, and text in an encoding it was not read in, by its share of control characters. */
  private static void requireText(String content) throws ExtractionException {
    long controls = content.chars().filter(TextExtractor::isControl).count();
    if (controls > content.length() * MAX_CONTROL_SHARE) {
      throw new ExtractionException(String.format(Locale.ROOT, "not text: %.1f %% of its %d characters are control "
          + "characters (binary data, or text in an encoding other than UTF-8 and ISO-8859-1)",
          100.0 * controls / content.length(), content.length()));
    }
  }

  /**
   * C0 controls and DEL, but not the white space of text (tab, line and page breaks). C1 controls do not count:
   * they are what the punctuation of Windows-1252 text (curly quotes, dashes) becomes when read as ISO-8859-1.
   */
  private static boolean isControl(int c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != 0x0B && c != '\f' && c != '\r') || c == 0x7F;
  }

  /** Runs of non-blank lines; a Markdown heading line is a block of its own even without blank lines around it. */
  private static List<String> blocks(String content) {
    List<String> blocks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : content.split("\n", -1)) {
      boolean heading = MARKDOWN_HEADING.matcher(line.strip()).matches();
      if (line.isBlank() || heading) {
        if (!current.isEmpty()) blocks.add(current.toString());
        current.setLength(0);
        if (heading) blocks.add(line.strip());
      } else {
        if (!current.isEmpty()) current.append('\n');
        current.append(line.strip());
      }
    }
    if (!current.isEmpty()) blocks.add(current.toString());
    return blocks;
  }

  private static boolean looksLikeHeading(String block, String next) {
    return !block.contains("\n") && block.length() <= MAX_HEADING_CHARS && !block.startsWith(">")
        && !block.matches(".*[.,;:!?\"\u201d]$") && Character.isLetterOrDigit(block.codePointAt(0))
        && !SPEAKER_TURN.matcher(block).find() && next.length() > block.length();
  }

  private static void addParagraph(String block, SectionAssembler assembler) {
    if (block.lines().allMatch(l -> l.startsWith(">"))) {
      String quote = joinLines(block.lines().map(l -> l.substring(1).strip()).toList());
      Optional<QuoteAttribution.Found> tag = QuoteAttribution.find(quote);
      assembler.quote(quote, 0, tag.map(QuoteAttribution.Found::start).orElse(quote.length()),
          tag.map(QuoteAttribution.Found::attribution).orElse(null), null);
      return;
    }
    String paragraph = joinLines(block.lines().toList());
    Matcher speaker = SPEAKER_TURN.matcher(paragraph);
    if (speaker.find()) {
      if (INTERVIEWER.matcher(speaker.group(1)).matches()) assembler.interviewerTurn(paragraph, null);
      else assembler.quote(paragraph, speaker.end(), paragraph.length(), speaker.group(1), null);
      return;
    }
    Optional<QuoteAttribution.Found> tag = QuoteAttribution.find(paragraph);
    if (tag.isPresent() && startsWithQuoteMark(paragraph)) {
      assembler.quote(paragraph, 0, tag.get().start(), tag.get().attribution(), null);
      return;
    }
    assembler.paragraph(paragraph, null);
  }

  private static boolean startsWithQuoteMark(String paragraph) {
    char c = paragraph.charAt(0);
    return c == '"' || c == '\u201c' || c == '\'' || c == '\u2018';
  }

  private static String joinLines(List<String> lines) {
    return String.join(" ", lines).replaceAll("\\s+", " ").strip();
  }

  private static String stem(String path) {
    String name = Path.of(path).getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
