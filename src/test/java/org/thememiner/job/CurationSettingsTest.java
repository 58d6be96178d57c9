package org.thememiner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thememiner.job.spec.ConfigException;
import org.thememiner.job.spec.JobConfigLoader;
import org.thememiner.themes.Curation;

/** The job spec's {@code curation} block as read from YAML, and the edits it rejects. */
class CurationSettingsTest {
  @TempDir Path work;

  private Curation load(String... curation) throws Exception {
    Path spec = work.resolve("job.yaml");
    Files.writeString(spec, "input: [in]\nout: out\ncuration:\n  " + String.join("\n  ", curation) + "\n");
    return JobConfigLoader.load(spec, JsonNodeFactory.instance.objectNode()).curation();
  }

  @Test
  void theDefaultIsNoCuration() throws Exception {
    Path spec = work.resolve("plain.yaml");
    Files.writeString(spec, "input: [in]\nout: out\n");
    assertTrue(JobConfigLoader.load(spec, JsonNodeFactory.instance.objectNode()).curation().isEmpty());
  }

  @Test
  void editsAreReadByThemeId() throws Exception {
    Curation c = load("rename: {0: \"Sharing one's story\"}", "merge: [[3, 2]]", "split: {1: 3}", "drop: [4]",
        "stopWords: [Patient]", "move: [{paper: p1, sentence: 7, theme: 2}]");
    assertEquals(Map.of(0, "Sharing one's story"), c.rename());
    assertEquals(List.of(List.of(3, 2)), c.merge());
    assertEquals(List.of("patient"), c.stopWords());
    assertEquals(new Curation.Move("p1", 7, 2), c.move().get(0));
    assertEquals(Map.of(1, List.of(6, 7)), c.splitIds(6), "split parts after the model's last theme");
    assertEquals(Optional.empty(), c.unknownTheme(6, "the saved model"));
    assertEquals(List.of("split theme 1 into 3", "merged themes [3, 2] into theme 2", "dropped theme 4: its sentences are outliers",
        "moved sentence 7 of p1 to theme 2", "renamed theme 0 \"Sharing one's story\"",
        "stop words left out of keywords and labels: patient"), c.describe());
  }

  @Test
  void anEditNamingAThemeThereIsNotSaysWhichSettingAndId() throws Exception {
    assertEquals(Optional.of("curation.drop names theme 9, which does not exist: the saved model in m has themes 0 to 4"),
        load("drop: [9]").unknownTheme(5, "the saved model in m"));
    assertEquals(Optional.of("curation.rename names theme 3, which curation.merge merges into theme 2: name 2"),
        load("merge: [[2, 3]]", "rename: {3: x}").unknownTheme(5, "m"));
    assertEquals(Optional.of("curation.move names theme 4, which curation.drop drops"),
        load("drop: [4]", "move: [{paper: p1, sentence: 7, theme: 4}]").unknownTheme(5, "m"));
    assertEquals(Optional.empty(), load("split: {1: 2}", "rename: {5: x}").unknownTheme(5, "m"), "a split part may be renamed");
  }

  @Test
  void malformedEditsStopTheJobNamingTheSetting() {
    for (String[] edit : List.of(new String[] {"merge: [[2]]"}, new String[] {"merge: [[1, 2], [2, 3]]"},
        new String[] {"split: {1: 1}"}, new String[] {"move: [{paper: p1, theme: 2}]"}, new String[] {"rename: {x: y}"})) {
      ConfigException e = assertThrows(ConfigException.class, () -> load(edit), edit[0]);
      assertTrue(e.getMessage().contains("curation"), e.getMessage());
    }
  }
}
