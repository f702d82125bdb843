package dev.bulkhead.core.spi;

import dev.bulkhead.core.OsInfo;
import dev.bulkhead.core.Package;
import java.util.List;

/**
 * Holds what an {@link Analyzer} learned from one file.
 *
 * @param os the operating system identity, or {@code null}
 * @param packages installed packages listed by the file (layer fields left {@code null}: the walker
 *     fills them)
 * @param warnings problems with the file that did not stop the analysis, each naming the file
 */
public record AnalysisResult(OsInfo os, List<Package> packages, List<String> warnings) {

  /** An empty result. */
  public static final AnalysisResult EMPTY = new AnalysisResult(null, List.of(), List.of());

  /** Normalises the lists to immutable copies. */
  public AnalysisResult {
    packages = packages == null ? List.of() : List.copyOf(packages);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** Returns a result with packages only. */
  public static AnalysisResult ofPackages(List<Package> packages) {
    return new AnalysisResult(null, packages, List.of());
  }
}
