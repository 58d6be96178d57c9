package org.thememiner.ingest;

import java.io.Serializable;

/** A participant quote inside a section's text: [start, end) and its attribution, e.g. "Centre A, R4". */
public record QuoteSpan(int start, int end, String attribution) implements Serializable {}
