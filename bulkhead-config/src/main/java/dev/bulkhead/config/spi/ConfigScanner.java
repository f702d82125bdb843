package dev.bulkhead.config.spi;

import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.Rule;
import java.util.List;

/**
 * Checks one kind of configuration file (Kubernetes manifests, Dockerfiles, compose files, Docker
 * daemon.json). The {@code config} command offers each file to every scanner that accepts it.
 */
public interface ConfigScanner {

  /** A short name for the file kind, e.g. {@code kubernetes}, {@code dockerfile}. */
  String fileKind();

  /** Every rule this scanner can report. */
  List<Rule> rules();

  /**
   * Whether this scanner handles the file.
   *
   * @param fileName the file's name without directories ({@code -} for stdin)
   * @param head the first few kilobytes of its text
   */
  boolean accepts(String fileName, String head);

  /**
   * Scans one file.
   *
   * @param file the path to report in locations
   * @param text the whole text (already bounded in size by the caller)
   * @throws ConfigParseException when the file cannot be parsed at all
   */
  List<ConfigFinding> scan(String file, String text) throws ConfigParseException;

  /**
   * Returns findings that need every file seen first (for example a namespace no NetworkPolicy in
   * any file covers). Called once after the last {@link #scan}; the default has none.
   */
  default List<ConfigFinding> finish() {
    return List.of();
  }

  /** Returns every resource {@link #scan} has looked at so far; the default reports none. */
  default List<ScannedResource> scannedResources() {
    return List.of();
  }
}
