package org.thememiner.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Placeholder scanner: replaced by the extract branch. */
public final class InputScanner {
  private InputScanner() {}

  public static List<InputFile> scan(List<String> inputs) {
    List<InputFile> out = new ArrayList<>();
    for (String in : inputs) {
      Path p = Path.of(in);
      if (!Files.exists(p)) throw new IllegalArgumentException("input does not exist: " + in);
      try (Stream<Path> s = Files.walk(p)) {
        s.filter(Files::isRegularFile).sorted().forEach(f -> {
          String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
          String fmt = name.endsWith(".pdf") ? "pdf" : name.endsWith(".xml") || name.endsWith(".nxml") ? "jats"
              : name.endsWith(".txt") || name.endsWith(".md") ? "text" : null;
          if (fmt == null) return;
          String id = name.replaceAll("\\.[a-z]+$", "").replaceAll("[^a-z0-9]+", "-");
          try {
            out.add(new InputFile(f.toString(), id, fmt, Files.size(f)));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }
}
