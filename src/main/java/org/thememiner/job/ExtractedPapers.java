package org.thememiner.job;

import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.thememiner.ingest.AuthorThemeSearch;
import org.thememiner.ingest.InputFile;
import org.thememiner.ingest.Paper;
import org.thememiner.job.rerun.CarriedPapers;
import org.thememiner.report.PaperSummary;

/**
 * The extract stage's output: the run's papers.
 *
 * @param papers     every paper of the run but the carried ones, ordered by id, persisted
 * @param carried    the papers whose lines papers.jsonl took from the previous run ({@link CarriedPapers}): the
 *                   cache holds them, under their cache items
 * @param sha256ById each paper's content hash
 * @param idsBySha   the paper ids of each content hash (two files with the same bytes are two papers)
 * @param summaries  each paper of papers.jsonl, in its order
 * @param authorThemes each paper's author themes, or why it has none, in the same order
 */
record ExtractedPapers(JavaRDD<Paper> papers, Map<String, List<InputFile>> carried, Map<String, String> sha256ById,
    Map<String, List<String>> idsBySha, List<PaperSummary> summaries, List<AuthorThemeSearch> authorThemes) {}
