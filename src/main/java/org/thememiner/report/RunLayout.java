package org.thememiner.report;

import java.util.List;

/**
 * The run folder's layout: the one place its file names and the columns of assignments.csv are spelled, for the
 * job that writes them, reruns that read a previous run, the exports and the benchmark. notebooks/runfolders.py
 * reads the same names (its constants say so).
 */
public final class RunLayout {
  /** What the run was: inputs, settings, versions, stage timings, exit code. */
  public static final String RUN_INFO = "run.json";
  /** One line per paper read: its text by section. */
  public static final String PAPERS = "papers.jsonl";
  /** One line per input that failed, with the reason. */
  public static final String ERRORS = "errors.jsonl";
  public static final String THEMES = "themes.json";
  /** Against the previous run; absent when there is none. */
  public static final String DRIFT = "drift.json";
  public static final String COMPARISON = "comparison.json";
  public static final String REPORT = "report.html";
  public static final String ASSIGNMENTS = "assignments.csv";
  /** With coded examples only. */
  public static final String EXAMPLE_CODING = "example_coding.csv";
  /** Parquet: every sentence with its annotations and theme, what a rerun carries. */
  public static final String SENTENCES = "sentences";
  /**
   * Parquet, with construct sets: each sentence's code against each set ({@code paper_id, sentence_no, set_id,
   * coded_construct, coding_score}), what a rerun carries.
   */
  public static final String CODES = "codes";
  /** The theme model the run assigned with (a byte copy of the shared one in a rerun). */
  public static final String MODEL = "model";
  /** The default cache of extracted papers, annotated sentences and embeddings (setting {@code cache}). */
  public static final String CACHE = "cache";
  /** One line per author theme found in the papers (the studies' own themes). */
  public static final String AUTHOR_THEMES = "author_themes.jsonl";
  /** Per paper: how many author themes were found, and what was found or why none was. */
  public static final String AUTHOR_THEMES_BY_PAPER = "author_themes_by_paper.csv";
  /** The study table: each author theme's construct in each set (with construct sets only; also written by map). */
  public static final String AUTHOR_THEME_TABLE = "author_themes.csv";
  /** The author themes grouped across studies, and the groups against the construct sets (also written by map). */
  public static final String TRANSLATIONS = "translations.json";
  /** The exports' folder. */
  public static final String EXPORT = "export";

  public static final String PAPER_ID = "paper_id";
  public static final String SECTION = "section";
  public static final String SENTENCE_NO = "sentence_no";
  /** A sentence's page in its PDF, null for other formats. */
  public static final String PAGE = "page";
  public static final String THEME_ID = "theme_id";
  public static final String CONSTRUCT_ID = "construct_id";
  public static final String TEXT = "text";
  /** assignments.csv's header, in column order. */
  public static final List<String> ASSIGNMENTS_COLUMNS = List.of(PAPER_ID, SECTION, SENTENCE_NO, THEME_ID, CONSTRUCT_ID,
      "similarity", "coded_construct_id", "coding_score", TEXT);
  /** example_coding.csv's header, in column order. */
  public static final List<String> EXAMPLE_CODING_COLUMNS = List.of(PAPER_ID, SECTION, SENTENCE_NO, CONSTRUCT_ID, "score", TEXT);

  private RunLayout() {}
}
