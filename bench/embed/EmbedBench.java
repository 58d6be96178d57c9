import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.thememiner.ingest.ExtractOptions;
import org.thememiner.ingest.InputFile;
import org.thememiner.ingest.InputScanner;
import org.thememiner.ingest.PaperReader;
import org.thememiner.ingest.Section;
import org.thememiner.job.SparkSessions;
import org.thememiner.themes.SentenceEmbedder;
import org.thememiner.themes.SentenceEncoder;

/**
 * The embedding stage against a bare loop of the same model: N sentences of the JATS corpus embedded by a plain
 * loop over SentenceEncoder on one thread, then by the job's Spark column (SentenceEmbedder.embed) in local[1] and
 * local[2]. Each timed in turn ROUNDS times after a warm-up; medians. Overhead = local[1] / loop; speedup =
 * local[1] / local[2].
 *
 * Usage: java EmbedBench JATS_DIR N ROUNDS MODEL
 */
public class EmbedBench {
  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    String model = args[3];
    List<String> texts = new ArrayList<>();
    for (InputFile f : InputScanner.scan(List.of(corpus.toString()))) {
      for (Section s : PaperReader.read(f, ExtractOptions.DEFAULT).sections()) {
        if (!"results".equals(s.part()) && !"discussion".equals(s.part())) continue;
        for (String sentence : s.text().split("(?<=[.?!])\\s+")) if (sentence.split("\\s+").length >= 5) texts.add(sentence);
      }
      if (texts.size() >= n) break;
    }
    texts = texts.subList(0, Math.min(n, texts.size()));
    double words = texts.stream().mapToInt(t -> t.split("\\s+").length).average().orElse(0);
    SentenceEncoder encoder = SentenceEncoder.shared(model, 1);
    encoder.encode(texts.subList(0, Math.min(200, texts.size()))); // warm-up
    List<Double> loop = new ArrayList<>();
    List<Double> one = new ArrayList<>();
    List<Double> two = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      encoder.encode(texts);
      loop.add((System.nanoTime() - t0) / 1e9);
      one.add(spark(texts, model, "local[1]"));
      two.add(spark(texts, model, "local[2]"));
    }
    double l = median(loop), a = median(one), b = median(two);
    System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f s (%.0f/s) | %.1f s (%.0f/s) | %.1f s (%.0f/s) | %.2f | %.2f |%n",
        model, texts.size(), words, l, texts.size() / l, a, texts.size() / a, b, texts.size() / b, a / l, a / b);
  }

  /** Seconds to embed the texts in a Spark session of {@code master}, the session started and warmed beforehand. */
  private static double spark(List<String> texts, String model, String master) {
    SparkSession spark = SparkSessions.getOrCreate("embed-bench", master, true);
    try {
      int partitions = spark.sparkContext().defaultParallelism() * 3;
      Dataset<Row> frame = spark.createDataset(texts, Encoders.STRING()).toDF("text").repartition(partitions).cache();
      frame.count();
      // The executors' encoder loads on its first task: warm it, as the job's first stage would.
      frame.limit(10).select(SentenceEmbedder.embed(frame.col("text"), model).as("v")).collectAsList();
      long t0 = System.nanoTime();
      frame.select(SentenceEmbedder.embed(frame.col("text"), model).as("v")).write().format("noop").mode("overwrite").save();
      return (System.nanoTime() - t0) / 1e9;
    } finally {
      spark.stop();
    }
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }
}
