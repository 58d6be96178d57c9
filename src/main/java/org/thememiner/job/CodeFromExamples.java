package org.thememiner.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.thememiner.annotate.CoreNlpTermAnalyzer;
import org.thememiner.annotate.TermAnalyzer;
import org.thememiner.compare.CodedExamples;
import org.thememiner.compare.ConstructSet;
import org.thememiner.compare.ExampleCoding;
import org.thememiner.compare.Profiler;
import org.thememiner.compare.SentenceCoder;
import org.thememiner.job.spec.JobConfig;
import org.thememiner.themes.ThemeModel;

/**
 * The coding stage: per construct set with coded examples, the coder made from them and its codes of the run's
 * sentences.
 *
 * @param examples the coded examples by construct set id
 * @param profiler the constructs' profiler: each construct's prototype is learnt from beside its examples
 */
record CodeFromExamples(List<ConstructSet> constructSets, Map<String, CodedExamples> examples, Profiler profiler, ThemeModel model)
    implements Stage<Dataset<Row>, Map<String, ExampleCoding>> {
  @Override
  public String name() {
    return "coding";
  }

  @Override
  public Done<Map<String, ExampleCoding>> run(StageContext context, Dataset<Row> assigned) {
    JobConfig config = context.config();
    TermAnalyzer analyzer = new CoreNlpTermAnalyzer(config.annotate());
    Map<String, ExampleCoding> out = new LinkedHashMap<>();
    for (ConstructSet set : constructSets) {
      CodedExamples coded = examples.get(set.id());
      if (coded == null) continue;
      ExampleCoding coding = ExampleCoding.run(context.spark(), coded, SentenceCoder.Prototype.ofSetByPart(set, profiler, analyzer),
          config.compare().exampleCoder(), model, analyzer, assigned, config.seed());
      coding = new ExampleCoding(coding.summary(), coding.codes().persist(StorageLevel.MEMORY_AND_DISK()));
      out.put(set.id(), coding);
    }
    return Done.of(out, out.values().stream().map(c -> String.format(Locale.ROOT, "%s from %d coded examples: cross-validated kappa %.2f",
        c.summary().setId(), c.summary().examples(), c.summary().validation().kappa())).collect(Collectors.joining("; ")),
        "codedSets", out.size());
  }
}
