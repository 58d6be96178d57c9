package org.thememiner.themes;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.feature.VectorAssembler;

/** Two representations side by side, each of unit length, so that each weighs half of the cosine. */
final class JoinedRepresentation implements Representation {
  private final String name;
  private final Representation first;
  private final Representation second;

  JoinedRepresentation(String name, Representation first, Representation second) {
    this.name = name;
    this.first = first;
    this.second = second;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean embeds() {
    return first.embeds() || second.embeds();
  }

  @Override
  public List<PipelineStage> stages(ThemeSettings s, String out) {
    String a = first.name() + "_n";
    String b = second.name() + "_n";
    List<PipelineStage> stages = new ArrayList<>(first.stages(s, a));
    stages.addAll(second.stages(s, b));
    stages.add(new VectorAssembler().setInputCols(new String[] {a, b}).setOutputCol("joined"));
    stages.add(new Normalizer().setInputCol("joined").setOutputCol(out).setP(2.0));
    return stages;
  }
}
