package dev.bulkhead.image.walk;

import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.AnalysisResult;
import dev.bulkhead.core.spi.Analyzer;
import dev.bulkhead.image.source.FileEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the accepting analyzers on one file. One analyzer reads the entry stream directly; when
 * several want the same file its content is captured once (in memory up to 16 MiB, else in a
 * temporary file) and replayed to each.
 */
final class FileAnalysis {
  private static final int IN_MEMORY = 16 << 20;

  private final String image;
  private final String layer;
  private final boolean directory;
  private final List<String> warnings;

  FileAnalysis(String image, String layer, boolean directory, List<String> warnings) {
    this.image = image;
    this.layer = layer;
    this.directory = directory;
    this.warnings = warnings;
  }

  /**
   * Returns each analyzer's result by analyzer id; analyzers that fail leave a warning instead.
   *
   * @throws IOException when the layer itself breaks while the file is read (a truncated tar)
   */
  Map<String, AnalysisResult> run(FileEntry entry, String path, List<Analyzer> analyzers)
      throws IOException {
    Map<String, AnalysisResult> results = new LinkedHashMap<>();
    TrackingInputStream content;
    try {
      content = new TrackingInputStream(entry.open(), entry.size());
    } catch (IOException e) {
      warnings.add(image + ": cannot read " + path + " in layer " + layer + ": " + e);
      return results;
    }
    try (content) {
      if (analyzers.size() == 1) {
        analyse(analyzers.get(0), path, entry.size(), content, content, results);
      } else if (entry.size() <= IN_MEMORY) {
        byte[] bytes = content.readAllBytes();
        for (Analyzer a : analyzers) {
          analyse(a, path, bytes.length, new ByteArrayInputStream(bytes), content, results);
        }
      } else {
        replayFromTempFile(content, path, analyzers, results);
      }
    } catch (IOException e) {
      if (content.failure() != null && !directory) {
        throw content.failure();
      }
      warnings.add(image + ": cannot read " + path + " in layer " + layer + ": " + e);
    }
    return results;
  }

  private void replayFromTempFile(
      TrackingInputStream content,
      String path,
      List<Analyzer> analyzers,
      Map<String, AnalysisResult> results)
      throws IOException {
    Path temp = Files.createTempFile("bulkhead-", ".file");
    try {
      Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
      long size = Files.size(temp);
      for (Analyzer a : analyzers) {
        try (InputStream in = Files.newInputStream(temp)) {
          analyse(a, path, size, in, content, results);
        }
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private void analyse(
      Analyzer analyzer,
      String path,
      long size,
      InputStream in,
      TrackingInputStream source,
      Map<String, AnalysisResult> results)
      throws IOException {
    try {
      results.put(analyzer.id(), analyzer.analyze(new AnalysisInput(path, size, in)));
    } catch (IOException e) {
      if (source.failure() != null && !directory) {
        throw source.failure();
      }
      warnings.add(
          image
              + ": analyzer "
              + analyzer.id()
              + " could not read "
              + path
              + " in layer "
              + layer
              + ": "
              + e.getMessage());
    } catch (RuntimeException e) {
      warnings.add(
          image
              + ": analyzer "
              + analyzer.id()
              + " failed on "
              + path
              + " in layer "
              + layer
              + ": "
              + e);
    }
  }
}
