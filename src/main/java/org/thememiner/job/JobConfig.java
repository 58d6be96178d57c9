package org.thememiner.job;

import java.util.List;
import org.thememiner.annotate.AnnotatorSettings;
import org.thememiner.ingest.ExtractOptions;
import org.thememiner.themes.ThemeSettings;

/** A job's complete, validated settings: defaults, then the job spec, then command-line flags. */
public record JobConfig(
    String name,
    List<String> input,
    List<String> constructs,
    String out,
    String master,
    long seed,
    String cache,
    ExtractOptions extract,
    AnnotatorSettings annotate,
    ThemeSettings themes) {

  public JobConfig {
    input = List.copyOf(input);
    constructs = List.copyOf(constructs);
  }

  /** Where the cache lives, or null when it is off. */
  public String cacheLocation() {
    if ("off".equals(cache)) return null;
    return cache != null ? cache : java.nio.file.Path.of(out).resolve("cache").toAbsolutePath().toUri().toString();
  }
}
