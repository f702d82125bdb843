package dev.bulkhead.image.lang;

import dev.bulkhead.core.spi.Analyzer;
import java.util.List;

/**
 * Lists the archive and manifest analyzers of this package (Java archives, npm, Python).
 *
 * <p>They are not in the {@code ServiceLoader} set, which holds the OS analyzers only: scans choose
 * them with {@code --pkg-types} through {@link dev.bulkhead.image.PackageAnalyzers}, which also
 * adds the binary and lock file analyzers of {@code dev.bulkhead.image.langbin}.
 */
public final class LangAnalyzers {
  private LangAnalyzers() {}

  /** Returns new instances of every language analyzer. */
  public static List<Analyzer> all() {
    return List.of(new JavaArchiveAnalyzer(), new NpmAnalyzer(), new PythonAnalyzer());
  }
}
