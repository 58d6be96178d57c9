package org.thememiner.themes;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.feature.VectorSizeHint;

/**
 * The sentence's embedding by {@code themes.embeddingModel} (of its own text, when the themes place it), averaged
 * with its paragraph's if {@code themes.context} is paragraph, less its paper's mean if {@code themes.centre} is
 * paper.
 */
final class SentenceEmbedding implements Representation {
  @Override
  public String name() {
    return "embedding";
  }

  @Override
  public boolean embeds() {
    return true;
  }

  @Override
  public List<PipelineStage> stages(ThemeSettings s, String out) {
    SentenceEmbedder embedder = new SentenceEmbedder().setInputCol(ThemeDiscovery.EMBEDDING_TEXT)
        .setOutputCol(ThemeDiscovery.EMBEDDING).setModel(s.embeddingModel());
    boolean centred = s.centre().equals("paper");
    String inContext = centred ? "embedding_context" : out;
    List<PipelineStage> stages = new ArrayList<>(List.of(embedder, s.context().equals("sentence")
        ? new Normalizer().setInputCol(ThemeDiscovery.EMBEDDING).setOutputCol(inContext).setP(2.0)
        : GroupMeanShift.paragraphContext().setInputCol(ThemeDiscovery.EMBEDDING).setOutputCol(inContext)));
    if (centred) stages.add(GroupMeanShift.paperCentring().setInputCol(inContext).setOutputCol(out));
    // Stages after this one read a vector's size from the column's metadata or else from the first row, and an
    // empty table (a rerun's new sentences that all fall in excluded parts) has none.
    stages.add(new VectorSizeHint().setInputCol(out).setSize(SentenceEncoder.DIMENSION));
    return stages;
  }
}
