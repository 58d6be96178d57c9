package org.thememiner.ingest;

import java.io.Serializable;

/**
 * An interviewer's, moderator's or facilitator's turn inside a section's text: [start, end). The questions are kept
 * for reading, but they are the interview guide's words, not the participants': over many transcripts the same
 * questions would gather into themes of their own.
 */
public record InterviewerTurn(int start, int end) implements Serializable {}
