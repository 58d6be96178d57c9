package org.thememiner.report;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.thememiner.ingest.FileHashes;

/**
 * Versions of the tools a run used, read from the names of the jars they were loaded from, and a hash of
 * thememiner's own code: a build of changed code keeps its version number until a release, and what a rerun reuses
 * (cached papers and sentences, a previous run's outputs) must have been made by the same code.
 */
public final class Versions {
  private static final Pattern JAR_VERSION = Pattern.compile("-([0-9][^/]*?)\\.jar$");
  private static final Map<String, String> CODE = new ConcurrentHashMap<>();

  private Versions() {}

  public static Map<String, String> current() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("thememiner", of(Versions.class));
    v.put("thememiner-code", code("org/thememiner/"));
    v.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    v.put("corenlp", of(edu.stanford.nlp.pipeline.StanfordCoreNLP.class));
    v.put("pdfbox", of(org.apache.pdfbox.Loader.class));
    v.put("java", System.getProperty("java.version"));
    return v;
  }

  /**
   * SHA-256 (16 hex digits) of thememiner's class and resource files under {@code folder} ("org/thememiner/ingest/"),
   * the same whether they were loaded from a jar or from the classes folder of a development build.
   */
  public static String code(String folder) {
    return CODE.computeIfAbsent(folder, Versions::hashOf);
  }

  private static String hashOf(String folder) {
    var source = Versions.class.getProtectionDomain().getCodeSource();
    if (source == null) return "unknown";
    try {
      Path location = Path.of(source.getLocation().toURI());
      String hash = Files.isDirectory(location) ? FileHashes.sha256Tree(location.resolve(folder))
          : FileHashes.sha256Entries(location, folder);
      return hash.substring(0, 16);
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return "unknown";
    }
  }

  /** The version in the name of the jar a class was loaded from ("pdfbox-3.0.6.jar" gives 3.0.6). */
  static String of(Class<?> type) {
    var source = type.getProtectionDomain().getCodeSource();
    if (source == null) return "unknown";
    Matcher m = JAR_VERSION.matcher(source.getLocation().getPath());
    return m.find() ? m.group(1) : "development build (classes folder)";
  }
}
