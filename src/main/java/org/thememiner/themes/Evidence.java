package org.thememiner.themes;

import java.io.Serializable;

/** A sentence shown as evidence for a theme, with where it came from and how close it is (cosine) to the centroid. */
public record Evidence(String paperId, String section, int sentenceNo, Integer page, String text, boolean quote, double score)
    implements Serializable {}
