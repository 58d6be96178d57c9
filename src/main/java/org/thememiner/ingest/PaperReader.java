package org.thememiner.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Reads one input file into a {@link Paper}, within the size, length and time limits, turning every failure into an
 * {@link ExtractionException} whose message a researcher can act on. Stateless and thread-safe: it runs inside
 * Spark tasks.
 */
public final class PaperReader {

  private static final Extractor PDF = new PdfExtractor();
  private static final Extractor JATS = new JatsExtractor();
  private static final Extractor TEXT = new TextExtractor();

  private PaperReader() {}

  public static Paper read(InputFile file, ExtractOptions options) throws ExtractionException {
    Extractor extractor = switch (file.format()) {
      case "pdf" -> PDF;
      case "jats" -> JATS;
      case "text" -> TEXT;
      default -> throw new ExtractionException("unsupported format '" + file.format() + "'");
    };
    byte[] bytes = readBytes(Path.of(file.path()), options.maxBytes());
    String sha256 = FileHashes.sha256(bytes);
    Paper paper = extractWithin(options.timeoutSeconds(), () -> extractor.extract(file, bytes, sha256), file.id());
    if (paper.textLength() > options.maxChars()) {
      throw new ExtractionException("text is " + paper.textLength() + " characters, over the limit of "
          + options.maxChars() + " characters (extract.maxChars)");
    }
    return EnglishText.keepEnglish(paper);
  }

  private static byte[] readBytes(Path path, long maxBytes) throws ExtractionException {
    try {
      long size = Files.size(path);
      if (size > maxBytes) {
        throw new ExtractionException("file is " + size + " bytes, over the limit of " + maxBytes + " bytes");
      }
      if (size == 0) throw new ExtractionException("empty file");
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new ExtractionException("file not found: " + path);
    } catch (IOException e) {
      throw new ExtractionException("cannot read file: " + e.getMessage(), e);
    }
  }

  /** The extraction within the time limit ({@link TimeLimit}), every failure as an {@link ExtractionException}. */
  private static Paper extractWithin(int timeoutSeconds, Callable<Paper> extraction, String id)
      throws ExtractionException {
    try {
      return TimeLimit.call(extraction, Duration.ofSeconds(timeoutSeconds), "thememiner-extract-" + id);
    } catch (TimeoutException e) {
      throw new ExtractionException("timed out after " + timeoutSeconds + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExtractionException("interrupted before extraction finished");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ExtractionException reason) throw reason;
      if (cause instanceof OutOfMemoryError) {
        throw new ExtractionException("ran out of memory while extracting (document too large or too complex)");
      }
      throw new ExtractionException("extraction failed: " + cause, cause);
    }
  }
}
