package org.thememiner.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * One {@code --set KEY=VALUE}: a job-spec setting by its dotted path ({@code themes.k=8}) with its value read as in
 * a job spec (numbers, booleans, {@code [a, b]} lists), or a Spark property ({@code spark.ui.enabled=true}), which
 * Spark reads from the JVM's system properties when the session starts.
 */
record Setting(String key, String value, JsonNode parsed) {
  private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*");
  private static final YAMLMapper YAML = new YAMLMapper();

  boolean spark() {
    return key.startsWith("spark.");
  }

  /** Puts this setting into a tree of settings in the job spec's shape. */
  void applyTo(ObjectNode settings) {
    String[] path = key.split("\\.");
    ObjectNode at = settings;
    for (int i = 0; i < path.length - 1; i++) at = Main.object(at, path[i]);
    at.set(path[path.length - 1], parsed);
  }

  /** Reads {@code KEY=VALUE}; picocli reports a malformed one as a usage error (exit code 2). */
  static final class Converter implements CommandLine.ITypeConverter<Setting> {
    @Override
    public Setting convert(String arg) {
      int eq = arg.indexOf('=');
      String key = eq < 0 ? arg : arg.substring(0, eq);
      if (eq < 0 || !KEY.matcher(key).matches()) {
        throw new CommandLine.TypeConversionException("expected KEY=VALUE with a dotted setting name, e.g. themes.k=8, got '" + arg + "'");
      }
      String value = arg.substring(eq + 1);
      JsonNode parsed;
      try {
        parsed = value.isBlank() ? null : YAML.readTree(value);
      } catch (JsonProcessingException e) {
        throw new CommandLine.TypeConversionException("'" + arg + "': the value cannot be read: " + e.getOriginalMessage());
      }
      return new Setting(key, value, parsed == null || parsed.isMissingNode() ? NullNode.getInstance() : parsed);
    }
  }
}
