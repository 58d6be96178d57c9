package org.thememiner.ingest;

/** Turns one file's bytes into a {@link Paper}. Implementations are stateless and thread-safe. */
public interface Extractor {
  /**
   * @param file   where the bytes came from; its id and path go into the paper
   * @param sha256 hex SHA-256 of {@code bytes}
   */
  Paper extract(InputFile file, byte[] bytes, String sha256) throws ExtractionException;
}
