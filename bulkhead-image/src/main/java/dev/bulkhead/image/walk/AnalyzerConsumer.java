package dev.bulkhead.image.walk;

import dev.bulkhead.core.spi.AnalysisInput;
import dev.bulkhead.core.spi.Analyzer;
import java.io.IOException;
import java.io.InputStream;

/** Runs one analyzer on one file, keeping its result in the layer scan or a warning. */
final class AnalyzerConsumer implements FileAnalysis.Consumer {
  private final Analyzer analyzer;
  private final String path;
  private final String layer;
  private final LayerScan scan;
  private final String image;

  AnalyzerConsumer(Analyzer analyzer, String path, String layer, LayerScan scan, String image) {
    this.analyzer = analyzer;
    this.path = path;
    this.layer = layer;
    this.scan = scan;
    this.image = image;
  }

  @Override
  public void read(InputStream in, long size) throws IOException {
    scan.results.put(
        new ResultKey(analyzer.id(), path), analyzer.analyze(new AnalysisInput(path, size, in)));
  }

  @Override
  public void unreadable(IOException e) {
    scan.warnings.add(
        image
            + ": analyzer "
            + analyzer.id()
            + " could not read "
            + path
            + " in layer "
            + layer
            + ": "
            + e.getMessage());
  }

  @Override
  public void crashed(RuntimeException e) {
    scan.warnings.add(
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
