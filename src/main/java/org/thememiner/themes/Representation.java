package org.thememiner.themes;

import java.util.List;
import org.apache.spark.ml.PipelineStage;

/**
 * One way of turning a sentence into the vector its themes are found in (BERTopic's embedding step): Spark ML
 * stages from the sentence table ({@link ThemeDiscovery#CONTEXT_TERMS}, and {@link ThemeDiscovery#EMBEDDING_TEXT}
 * when it {@link #embeds}) to a unit-length vector column. {@code themes.representation} names one of
 * {@link ThemeParts#REPRESENTATIONS}.
 */
interface Representation {
  String name();

  /** The stages that end with the unit vectors in {@code outputCol}. */
  List<PipelineStage> stages(ThemeSettings settings, String outputCol);

  /** Whether the stages read sentence embeddings. */
  default boolean embeds() {
    return false;
  }
}
