package org.thememiner.ingest;

import java.util.Locale;
import java.util.regex.Pattern;

/** The canonical parts of a scholarly article that a heading maps to. */
public enum SectionPart {
  ABSTRACT, INTRODUCTION, METHODS, RESULTS, DISCUSSION, CONCLUSION, REFERENCES, ACKNOWLEDGEMENTS, OTHER;

  private static final Pattern NUMBERING = Pattern.compile("^\\s*(?:[0-9]+(?:\\.[0-9]+)*\\.?|[IVX]+\\.)\\s*");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** The part a top-level heading names, or null when the heading is not one of the canonical names. */
  public static SectionPart fromHeading(String heading) {
    String h = WHITESPACE.matcher(NUMBERING.matcher(heading).replaceFirst("").toLowerCase(Locale.ROOT)
        .replace('\u2019', '\'')).replaceAll(" ").trim();
    if (h.startsWith("abstract") || h.equals("summary") || h.startsWith("author summary")) return ABSTRACT;
    if (h.startsWith("introduction") || h.equals("background")) return INTRODUCTION;
    if (h.startsWith("method") || h.startsWith("materials and method") || h.startsWith("material and method")
        || h.startsWith("patients and method") || h.equals("the study") || h.startsWith("study design")) return METHODS;
    if (h.startsWith("result") || h.startsWith("finding")) return RESULTS;
    if (h.startsWith("discussion")) return DISCUSSION;
    if (h.startsWith("conclusion") || h.startsWith("concluding")) return CONCLUSION;
    if (h.startsWith("reference") || h.startsWith("bibliography") || h.startsWith("literature cited")
        || h.startsWith("works cited")) return REFERENCES;
    if (h.startsWith("acknowledg") || h.startsWith("funding") || h.startsWith("competing interest")
        || h.startsWith("conflict of interest") || h.startsWith("conflicts of interest")
        || h.startsWith("authors' contribution") || h.startsWith("author contribution")
        || h.startsWith("declaration") || h.startsWith("author details") || h.startsWith("authors' information")
        || h.startsWith("author information") || h.startsWith("additional information and declarations")
        || h.startsWith("grant disclosure") || h.startsWith("data availability")
        || h.startsWith("supplemental information") || h.startsWith("supplementary information")
        || h.startsWith("pre-publication history") || h.startsWith("additional file")) return ACKNOWLEDGEMENTS;
    return null;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
