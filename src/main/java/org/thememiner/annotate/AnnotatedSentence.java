package org.thememiner.annotate;

import java.io.Serializable;
import java.util.List;

/**
 * One sentence of a paper with its CoreNLP annotations.
 *
 * @param sentenceNo 0-based position of the sentence in its paper, across sections
 * @param paragraph  0-based position of the sentence's paragraph in its paper, across sections: the unit of
 *                   context theme discovery can add to a short sentence (a quote, its attribution)
 * @param part       canonical part of the section (results, methods, ...)
 * @param quote      true when the sentence lies inside a participant quote
 * @param interviewerTurn true when the sentence lies inside an interviewer's turn of a transcript
 * @param ner        named-entity tags, or an empty list when NER is off
 * @param terms      the content terms and noun phrases theme discovery works on ({@link ContentTerms})
 */
public record AnnotatedSentence(
    String paperId,
    String section,
    String part,
    int sentenceNo,
    int paragraph,
    Integer page,
    String text,
    List<String> tokens,
    List<String> lemmas,
    List<String> pos,
    List<String> ner,
    List<String> terms,
    boolean quote,
    String quoteAttribution,
    boolean interviewerTurn) implements Serializable {}
