package org.thememiner.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** SHA-256 of a file's bytes: the identity of an input's content, whatever its name; and of a folder's or a jar's. */
public final class FileHashes {
  private FileHashes() {}

  public static String sha256(Path file) throws IOException {
    MessageDigest digest = newDigest();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * SHA-256 of a folder: every file's path relative to it and bytes, in path order. Two folders hash alike when
   * one is a copy of the other ({@code AtomicFiles.copyTree}).
   */
  public static String sha256Tree(Path dir) throws IOException {
    MessageDigest digest = newDigest();
    List<Path> files;
    try (var paths = Files.walk(dir)) {
      files = paths.filter(Files::isRegularFile).sorted(Comparator.comparing(p -> dir.relativize(p).toString())).toList();
    }
    for (Path f : files) addEntry(digest, dir.relativize(f).toString(), Files.readAllBytes(f));
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * SHA-256 of the entries of a jar under {@code prefix} ("org/thememiner/"), as {@link #sha256Tree} hashes the folder
   * they were packed from: each entry's name after the prefix and its bytes, in name order.
   */
  public static String sha256Entries(Path jar, String prefix) throws IOException {
    MessageDigest digest = newDigest();
    try (JarFile file = new JarFile(jar.toFile())) {
      List<JarEntry> entries = file.stream().filter(e -> !e.isDirectory() && e.getName().startsWith(prefix))
          .sorted(Comparator.comparing(JarEntry::getName)).toList();
      for (JarEntry e : entries) {
        try (InputStream in = file.getInputStream(e)) {
          addEntry(digest, e.getName().substring(prefix.length()), in.readAllBytes());
        }
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** One file of a folder or jar: its relative name, a zero byte, its bytes; the one layout both hashes share. */
  private static void addEntry(MessageDigest digest, String name, byte[] bytes) {
    digest.update(name.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update(bytes);
  }

  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(newDigest().digest(bytes));
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
