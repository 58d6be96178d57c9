package org.thememiner.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Finds the readable files under the job's inputs and gives each a stable id. */
public final class InputScanner {

  private InputScanner() {}

  /**
   * @param inputs files and folders (searched recursively)
   * @return recognised files sorted by path, each once; ids are unique
   * @throws IllegalArgumentException when an input does not exist
   */
  public static List<InputFile> scan(List<String> inputs) {
    TreeSet<Path> files = new TreeSet<>();
    for (String input : inputs) {
      Path path = Paths.get(input).toAbsolutePath().normalize();
      if (!Files.exists(path)) throw new IllegalArgumentException("input does not exist: " + input);
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile).filter(p -> formatOf(p).isPresent()).forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + input, e);
        }
      } else if (formatOf(path).isPresent()) {
        files.add(path);
      }
    }
    Map<String, Integer> slugCounts = new HashMap<>();
    files.forEach(p -> slugCounts.merge(slug(p), 1, Integer::sum));
    List<InputFile> found = new ArrayList<>(files.size());
    for (Path p : files) {
      String slug = slug(p);
      String id = slugCounts.get(slug) > 1 ? slug + "-" + FileHashes.sha256(p.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 8) : slug;
      found.add(new InputFile(p.toString(), id, formatOf(p).orElseThrow(), size(p)));
    }
    return List.copyOf(found);
  }

  /** pdf, jats or text by file extension; empty for files the job does not read. */
  public static Optional<String> formatOf(Path path) {
    return formatOfName(path.getFileName().toString());
  }

  private static Optional<String> formatOfName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".pdf")) return Optional.of("pdf");
    if (name.endsWith(".xml") || name.endsWith(".nxml")) return Optional.of("jats");
    if (name.endsWith(".txt") || name.endsWith(".md")) return Optional.of("text");
    return Optional.empty();
  }

  /** Lower-case file name stem with every run of other characters than [a-z0-9] turned into one '-'. */
  static String slug(Path path) {
    return idOf(path.getFileName().toString());
  }

  /**
   * The paper id a file of this name gets ({@link #scan} adds to it when two files share it), for a name that may
   * lack its extension, as a QDA project's source names do: the extension of a format the job reads is left out.
   */
  public static String idOf(String name) {
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 && formatOfName(name).isPresent() ? name.substring(0, dot) : name;
    String ascii = Normalizer.normalize(stem, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "file" : slug;
  }

  private static long size(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + path, e);
    }
  }
}
