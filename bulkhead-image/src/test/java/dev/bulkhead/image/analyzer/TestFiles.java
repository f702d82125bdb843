package dev.bulkhead.image.analyzer;

import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.AnalysisResult;
import dev.bulkhead.core.spi.Analyzer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Feeds files to analyzers the way the layer walker does, and finds fixtures. */
final class TestFiles {
  private TestFiles() {}

  /** Returns a fixture under {@code src/test/resources/dev/bulkhead/image/analyzer/}. */
  static Path fixture(String relative) {
    try {
      return Path.of(TestFiles.class.getResource(relative).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs the analyzer on a file, after checking that it accepts the path. */
  static AnalysisResult analyze(Analyzer analyzer, String path, Path file) throws IOException {
    long size = Files.size(file);
    if (!analyzer.accepts(path, size)) {
      throw new AssertionError(analyzer.id() + " does not accept " + path);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return analyzer.analyze(new AnalysisInput(path, size, in));
    }
  }

  /** Runs the analyzer on in-memory bytes. */
  static AnalysisResult analyze(Analyzer analyzer, String path, byte[] bytes) throws IOException {
    return analyzer.analyze(new AnalysisInput(path, bytes.length, new ByteArrayInputStream(bytes)));
  }

  /** Runs the analyzer on a string. */
  static AnalysisResult analyze(Analyzer analyzer, String path, String text) throws IOException {
    return analyze(analyzer, path, text.getBytes(StandardCharsets.UTF_8));
  }
}
