package org.thememiner.report;

import java.util.List;
import java.util.Map;
import org.thememiner.themes.Stability;

/**
 * {@code run.json}: everything needed to cite or repeat a run.
 *
 * @param inputs   every input file: path, id, format, size and (when it could be read) sha256
 * @param constructSets the construct set files compared with, in the job's order
 * @param settings the complete effective settings (defaults + job spec + flags)
 * @param versions thememiner, Spark, CoreNLP, PDFBox, Java
 * @param stability assignment agreement (adjusted Rand index) with refits under other seeds, or null when off
 * @param meanLargestPaperShare the mean over the themes of the share of a theme's sentences that come from its
 *                 largest paper ({@link org.thememiner.themes.Theme#largestPaperShare}): 1.0 when every theme is one
 *                 paper's; null without themes
 */
public record RunInfo(
    String name,
    String startedAt,
    String finishedAt,
    int exitCode,
    String status,
    String master,
    long seed,
    List<Map<String, Object>> inputs,
    List<RunInfo.ConstructSetFile> constructSets,
    Object settings,
    Map<String, String> versions,
    List<StageTiming> stages,
    List<double[]> silhouettes,
    List<double[]> stabilities,
    Integer chosenK,
    Stability stability,
    Double meanLargestPaperShare) {
  /** A construct set as loaded: its id, its file and the file's content hash. */
  public record ConstructSetFile(String id, String path, String sha256) {}
}
