package org.thememiner.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * A run of body text under one heading.
 *
 * @param heading the heading as printed ("Experience of Programmes"); empty for text before the first
 * @param part    canonical part of the paper, one of {@link SectionPart}'s names in lower case
 * @param level   heading depth: 1 for a top-level section, 2 for a subsection, ...
 * @param page    1-based page the section starts on, or null where the format has no pages
 * @param text    the body text, paragraphs separated by a blank line
 * @param quotes  character spans of {@code text} that are participant quotes
 * @param interviewerTurns character spans of {@code text} that are an interviewer's turns (transcripts)
 */
public record Section(String heading, String part, int level, Integer page, String text, List<QuoteSpan> quotes,
    List<InterviewerTurn> interviewerTurns) implements Serializable {

  public Section {
    quotes = List.copyOf(quotes);
    interviewerTurns = interviewerTurns == null ? List.of() : List.copyOf(interviewerTurns);
  }

  /** A section of a format without interviewer turns (articles). */
  public Section(String heading, String part, int level, Integer page, String text, List<QuoteSpan> quotes) {
    this(heading, part, level, page, text, quotes, List.of());
  }
}
