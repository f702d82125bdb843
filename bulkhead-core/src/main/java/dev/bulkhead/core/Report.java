package dev.bulkhead.core;

import java.util.List;

/**
 * Holds the result of one scan: what was scanned, what it contains and what is wrong with it.
 *
 * @param schemaVersion the JSON schema version of this report, {@link #SCHEMA_VERSION}
 * @param target the scanned target as the user named it
 * @param os the detected operating system, or {@code null} when none was found
 * @param layers the image layers, bottom first (empty for a directory)
 * @param packages every installed package found
 * @param findings the vulnerabilities found, after filters
 * @param warnings problems met during the scan that did not stop it
 */
public record Report(
    int schemaVersion,
    String target,
    OsInfo os,
    List<Layer> layers,
    List<Package> packages,
    List<Finding> findings,
    List<String> warnings) {

  /** The current report schema version. */
  public static final int SCHEMA_VERSION = 1;

  /** Normalises the lists to immutable copies. */
  public Report {
    layers = layers == null ? List.of() : List.copyOf(layers);
    packages = packages == null ? List.of() : List.copyOf(packages);
    findings = findings == null ? List.of() : List.copyOf(findings);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** Returns a copy with other findings, as filters produce. */
  public Report withFindings(List<Finding> filtered) {
    return new Report(schemaVersion, target, os, layers, packages, filtered, warnings);
  }
}
