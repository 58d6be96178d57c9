package org.thememiner;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.thememiner.job.SparkSessions;

/** The shared corpus beside the project, and one local Spark session for the whole test JVM. */
public final class TestData {
  private static SparkSession spark;

  private TestData() {}

  /** {@code ../shared} (Surefire passes it as thememiner.shared). */
  public static Path shared() {
    Path p = Path.of(System.getProperty("thememiner.shared", "../shared"));
    if (!Files.isDirectory(p.resolve("corpus"))) {
      throw new IllegalStateException("the shared test corpus is not at " + p.toAbsolutePath());
    }
    return p;
  }

  public static Path pdf(String name) {
    return shared().resolve("corpus/pdf").resolve(name);
  }

  public static Path jats(String name) {
    return shared().resolve("corpus/jats").resolve(name);
  }

  /** Spark local[2], started once; stopped when the JVM ends. */
  public static synchronized SparkSession spark() {
    if (spark == null) {
      spark = SparkSessions.getOrCreate("thememiner-tests", "local[2]", true);
      Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
    }
    return spark;
  }
}
