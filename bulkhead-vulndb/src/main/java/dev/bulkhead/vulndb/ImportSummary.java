package dev.bulkhead.vulndb;

import java.util.List;

/**
 * Tells what {@link VulnDb#importPaths} did: one entry per source, and the warnings met.
 *
 * @param sources what happened to each source, in import order
 * @param warnings problems that did not stop the import (malformed advisories, unknown files)
 */
public record ImportSummary(List<SourceImport> sources, List<String> warnings) {

  /** Normalises the lists to immutable copies. */
  public ImportSummary {
    sources = List.copyOf(sources);
    warnings = List.copyOf(warnings);
  }
}
