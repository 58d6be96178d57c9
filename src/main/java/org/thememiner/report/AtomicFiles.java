package org.thememiner.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes a file so that readers see the old version or the complete new one, never half of it: the content
 * goes to a hidden temporary file in the same folder, which is then renamed over the target.
 */
public final class AtomicFiles {
  /** Writes text; may throw IOException. */
  @FunctionalInterface
  public interface WriterBody {
    void write(Writer out) throws IOException;
  }

  private AtomicFiles() {}

  public static void write(Path target, WriterBody body) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    // Not Files.createTempFile: its owner-only permissions would stick to the renamed output.
    Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8))) {
        body.write(w);
      }
      replace(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static void writeString(Path target, String content) throws IOException {
    write(target, w -> w.write(content));
  }

  /** Renames {@code source} (a file or folder) onto {@code target}, replacing a previous one. */
  public static void replace(Path source, Path target) throws IOException {
    if (Files.isDirectory(target) && !Files.isDirectory(source)) {
      throw new IOException(target + " is a folder; cannot replace it with a file");
    }
    if (Files.isDirectory(target)) {
      // A folder cannot be renamed over a non-empty one: move the old one aside first, then drop it.
      Path old = target.resolveSibling("." + target.getFileName() + ".old");
      deleteTree(old);
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(old);
      return;
    }
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Copies the folder {@code source} with everything in it to {@code target}, which must not exist yet. */
  public static void copyTree(Path source, Path target) throws IOException {
    try (var paths = Files.walk(source)) {
      for (Path p : paths.toList()) Files.copy(p, target.resolve(source.relativize(p).toString()));
    }
  }

  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
