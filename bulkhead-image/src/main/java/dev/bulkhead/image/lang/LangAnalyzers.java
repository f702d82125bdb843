package dev.bulkhead.image.lang;

import dev.bulkhead.core.spi.Analyzer;
import java.util.List;

/**
 * Lists the language-package analyzers (Java archives, npm, Python).
 *
 * <p>They are not in the default {@code ServiceLoader} set yet: until language packages are matched
 * against advisories, reading every jar of a filesystem would only slow OS scans. A caller that
 * wants them passes them explicitly, e.g. {@code ImageScan.withAnalyzers(...)}.
 */
public final class LangAnalyzers {
  private LangAnalyzers() {}

  /** Returns new instances of every language analyzer. */
  public static List<Analyzer> all() {
    return List.of(new JavaArchiveAnalyzer(), new NpmAnalyzer(), new PythonAnalyzer());
  }
}
