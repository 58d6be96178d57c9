package org.thememiner.ingest;

public final class PdfExtractor implements Extractor {
  @Override
  public Paper extract(InputFile file, byte[] bytes, String sha256) throws ExtractionException {
    throw new ExtractionException("todo");
  }
}
