package org.thememiner.job.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.ingest.ExtractOptions;

class JobConfigLoaderTest {
  @TempDir Path dir;

  private Path spec(String yaml) throws Exception {
    Path p = dir.resolve("job.yaml");
    Files.writeString(p, yaml);
    return p;
  }

  private static ObjectNode flags() {
    return JsonNodeFactory.instance.objectNode();
  }

  @Test
  void theShippedExampleSpecLoads() throws Exception {
    JobConfig c = JobConfigLoader.load(Path.of("jobs/example.yaml"), flags());
    assertEquals("example", c.name());
    assertEquals(List.of("jobs/example/corpus"), c.input());
    for (String constructs : c.constructs()) assertTrue(Files.isRegularFile(Path.of(constructs)), constructs);
  }

  @Test
  void specOverridesDefaultsAndFlagsOverrideTheSpec() throws Exception {
    Path p = spec("input: [a]\nout: o\nseed: 7\nthemes: {kMax: 8}\n");
    ObjectNode f = flags();
    f.put("seed", 9);
    JobConfig c = JobConfigLoader.load(p, f);
    assertEquals(9, c.seed());
    assertEquals(9, c.themes().seed(), "the top-level seed drives clustering");
    assertEquals(8, c.themes().kMax());
    assertEquals(4, c.themes().kMin(), "untouched settings keep their defaults");
    assertEquals("tokenize,ssplit,pos,lemma", c.annotate().annotators());
  }

  /** "off" turns the cache off however YAML reads it: quoted, or unquoted and so read as false. */
  @Test
  void theCacheIsOffWhetherOffIsQuotedOrNot() throws Exception {
    assertEquals(null, JobConfigLoader.load(spec("input: [a]\nout: o\ncache: off\n"), flags()).cacheLocation());
    assertEquals(null, JobConfigLoader.load(spec("input: [a]\nout: o\ncache: \"off\"\n"), flags()).cacheLocation());
    ObjectNode f = flags();
    f.put("cache", false); // --set cache=off
    assertEquals(null, JobConfigLoader.load(spec("input: [a]\nout: o\n"), f).cacheLocation());
    assertTrue(JobConfigLoader.load(spec("input: [a]\nout: o\n"), flags()).cacheLocation().endsWith("/o/cache"),
        "without it, the cache is in the output folder");
  }

  @Test
  void anUnknownSettingIsNamed() throws Exception {
    Path p = spec("input: [a]\nout: o\nthemes: {kmax: 8}\n");
    ConfigException e = assertThrows(ConfigException.class, () -> JobConfigLoader.load(p, flags()));
    assertTrue(e.getMessage().contains("job.yaml") && e.getMessage().contains("themes.kmax"), e.getMessage());
  }

  @Test
  void anInvalidValueNamesTheSettingAndTheReason() throws Exception {
    Path p = spec("input: [a]\nout: o\nthemes: {algorithm: dbscan}\n");
    ConfigException e = assertThrows(ConfigException.class, () -> JobConfigLoader.load(p, flags()));
    assertTrue(e.getMessage().contains("themes") && e.getMessage().contains("dbscan"), e.getMessage());
  }

  @Test
  void theAnnotationTimeLimitHasADefaultAndMustBePositive() throws Exception {
    assertEquals(300, JobConfigLoader.load(spec("input: [a]\nout: o\n"), flags()).annotate().timeoutSeconds());
    assertEquals(20, JobConfigLoader.load(spec("input: [a]\nout: o\nannotate: {timeoutSeconds: 20}\n"), flags())
        .annotate().timeoutSeconds());
    Path p = spec("input: [a]\nout: o\nannotate: {timeoutSeconds: 0}\n");
    ConfigException e = assertThrows(ConfigException.class, () -> JobConfigLoader.load(p, flags()));
    assertTrue(e.getMessage().contains("job.yaml") && e.getMessage().contains("annotate")
        && e.getMessage().contains("timeoutSeconds must be positive: 0"), e.getMessage());
  }

  @Test
  void theTextLengthLimitHasTheExtractorsDefaultAndMustBePositive() throws Exception {
    assertEquals(ExtractOptions.DEFAULT, JobConfigLoader.load(spec("input: [a]\nout: o\n"), flags()).extract());
    assertEquals(500_000, JobConfigLoader.load(spec("input: [a]\nout: o\nextract: {maxChars: 500000}\n"), flags())
        .extract().maxChars());
    Path p = spec("input: [a]\nout: o\nextract: {maxChars: 0}\n");
    ConfigException e = assertThrows(ConfigException.class, () -> JobConfigLoader.load(p, flags()));
    assertTrue(e.getMessage().contains("job.yaml") && e.getMessage().contains("extract")
        && e.getMessage().contains("maxChars must be positive: 0"), e.getMessage());
  }

  @Test
  void aMissingOutputFolderOrInputIsReported() throws Exception {
    assertTrue(assertThrows(ConfigException.class, () -> JobConfigLoader.load(spec("input: [a]\n"), flags()))
        .getMessage().contains("--out"));
    assertTrue(assertThrows(ConfigException.class, () -> JobConfigLoader.load(spec("out: o\n"), flags()))
        .getMessage().contains("--input"));
  }

  @Test
  void aMissingSpecIsReported() {
    ConfigException e = assertThrows(ConfigException.class, () -> JobConfigLoader.load(dir.resolve("nope.yaml"), flags()));
    assertTrue(e.getMessage().contains("nope.yaml"), e.getMessage());
  }
}
