package org.thememiner.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Versions of the tools a run used, read from the names of the jars they were loaded from. */
public final class Versions {
  private static final Pattern JAR_VERSION = Pattern.compile("-([0-9][^/]*?)\\.jar$");

  private Versions() {}

  public static Map<String, String> current() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("thememiner", of(Versions.class));
    v.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    v.put("corenlp", of(edu.stanford.nlp.pipeline.StanfordCoreNLP.class));
    v.put("pdfbox", of(org.apache.pdfbox.Loader.class));
    v.put("java", System.getProperty("java.version"));
    return v;
  }

  /** The version in the name of the jar a class was loaded from ("pdfbox-3.0.6.jar" gives 3.0.6). */
  static String of(Class<?> type) {
    var source = type.getProtectionDomain().getCodeSource();
    if (source == null) return "unknown";
    Matcher m = JAR_VERSION.matcher(source.getLocation().getPath());
    return m.find() ? m.group(1) : "development build (classes folder)";
  }
}
