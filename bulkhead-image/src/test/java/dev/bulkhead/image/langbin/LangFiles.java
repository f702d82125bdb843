package dev.bulkhead.image.langbin;

import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.AnalysisResult;
import dev.bulkhead.core.spi.Analyzer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Feeds files to analyzers as the layer walker does and finds fixtures. */
final class LangFiles {
  private LangFiles() {}

  static Path fixture(String relative) {
    try {
      return Path.of(LangFiles.class.getResource(relative).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(fixture(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the analyzer on a file after checking that it accepts the path. */
  static AnalysisResult analyze(Analyzer analyzer, String path, Path file) throws IOException {
    long size = Files.size(file);
    if (!analyzer.accepts(path, size)) {
      throw new AssertionError(analyzer.id() + " does not accept " + path);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return analyzer.analyze(new AnalysisInput(path, size, in));
    }
  }

  static AnalysisResult analyze(Analyzer analyzer, String path, byte[] bytes) throws IOException {
    return analyzer.analyze(new AnalysisInput(path, bytes.length, new ByteArrayInputStream(bytes)));
  }
}
