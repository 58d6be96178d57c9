package org.thememiner.job.spec;

import java.util.List;
import org.thememiner.annotate.AnnotatorSettings;
import org.thememiner.compare.ComparisonSettings;
import org.thememiner.ingest.ExtractOptions;
import org.thememiner.report.RunLayout;
import org.thememiner.report.export.Exports;
import org.thememiner.themes.Curation;
import org.thememiner.themes.ThemeSettings;

/** A job's complete, validated settings: defaults, then the job spec, then command-line flags. */
public record JobConfig(
    String name,
    List<String> input,
    List<String> constructs,
    String out,
    String master,
    long seed,
    List<String> gold,
    List<String> codedExamples,
    List<String> export,
    String cache,
    ExtractOptions extract,
    AnnotatorSettings annotate,
    ThemeSettings themes,
    ComparisonSettings compare,
    RerunSettings rerun,
    Curation curation) {

  public JobConfig {
    input = List.copyOf(input);
    constructs = List.copyOf(constructs);
    gold = List.copyOf(gold);
    codedExamples = List.copyOf(codedExamples);
    export = List.copyOf(export);
    if (curation == null) curation = Curation.NONE; // "curation:" with nothing under it
    for (String e : export) {
      if (!EXPORTS.contains(e)) throw new IllegalArgumentException("export must be one of " + EXPORTS + ", got " + e);
    }
  }

  /** What {@code --export} can write besides the run's own outputs. */
  public static final List<String> EXPORTS = Exports.FORMATS;

  /** Where reruns keep the shared theme model. */
  public java.nio.file.Path modelLocation() {
    return java.nio.file.Path.of(rerun.model() != null ? rerun.model() : "models/" + name);
  }

  /** Where the cache lives, or null when it is off. */
  public String cacheLocation() {
    // YAML reads an unquoted off (in a spec or in --set cache=off) as false, which reaches here as "false".
    if ("off".equals(cache) || "false".equals(cache)) return null;
    return cache != null ? cache : java.nio.file.Path.of(out).resolve(RunLayout.CACHE).toAbsolutePath().toUri().toString();
  }
}
