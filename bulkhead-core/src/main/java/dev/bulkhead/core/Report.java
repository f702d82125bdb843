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
 * @param contentFindings secrets and malicious content found in files and image metadata
 * @param suppressed findings silenced by VEX statements or ignore-file entries, with the reason
 */
public record Report(
    int schemaVersion,
    String target,
    OsInfo os,
    List<Layer> layers,
    List<Package> packages,
    List<Finding> findings,
    List<String> warnings,
    List<ContentFinding> contentFindings,
    List<SuppressedFinding> suppressed) {

  /** The current report schema version. */
  public static final int SCHEMA_VERSION = 1;

  /** Normalises the lists to immutable copies. */
  public Report {
    layers = layers == null ? List.of() : List.copyOf(layers);
    packages = packages == null ? List.of() : List.copyOf(packages);
    findings = findings == null ? List.of() : List.copyOf(findings);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    contentFindings = contentFindings == null ? List.of() : List.copyOf(contentFindings);
    suppressed = suppressed == null ? List.of() : List.copyOf(suppressed);
  }

  /** Creates a report with nothing suppressed. */
  public Report(
      int schemaVersion,
      String target,
      OsInfo os,
      List<Layer> layers,
      List<Package> packages,
      List<Finding> findings,
      List<String> warnings,
      List<ContentFinding> contentFindings) {
    this(
        schemaVersion,
        target,
        os,
        layers,
        packages,
        findings,
        warnings,
        contentFindings,
        List.of());
  }

  /** Creates a report without content findings (a vulnerability-only scan). */
  public Report(
      int schemaVersion,
      String target,
      OsInfo os,
      List<Layer> layers,
      List<Package> packages,
      List<Finding> findings,
      List<String> warnings) {
    this(schemaVersion, target, os, layers, packages, findings, warnings, List.of());
  }

  /** Returns a copy with other findings, as filters produce. */
  public Report withFindings(List<Finding> filtered) {
    return new Report(
        schemaVersion,
        target,
        os,
        layers,
        packages,
        filtered,
        warnings,
        contentFindings,
        suppressed);
  }

  /** Returns a copy with other content findings, as filters produce. */
  public Report withContentFindings(List<ContentFinding> filtered) {
    return new Report(
        schemaVersion, target, os, layers, packages, findings, warnings, filtered, suppressed);
  }

  /** Returns a copy with one more warning. */
  public Report withWarning(String warning) {
    List<String> more = new java.util.ArrayList<>(warnings);
    more.add(warning);
    return new Report(
        schemaVersion, target, os, layers, packages, findings, more, contentFindings, suppressed);
  }

  /**
   * Returns a copy whose findings are {@code kept} and whose suppressed list is {@code silenced},
   * as VEX and ignore files produce.
   */
  public Report withSuppressed(List<Finding> kept, List<SuppressedFinding> silenced) {
    return new Report(
        schemaVersion, target, os, layers, packages, kept, warnings, contentFindings, silenced);
  }

  /**
   * Returns the package a finding was matched on (see {@link PackageIndex#packageOf}), or {@code
   * null}. Builds an index on each call: for many lookups, build one {@link PackageIndex}.
   */
  public Package packageOf(Finding finding) {
    return new PackageIndex(packages).packageOf(finding);
  }

  /** Returns the content findings of one kind ({@link ContentFinding#SECRET} or MALWARE). */
  public List<ContentFinding> contentFindings(String kind) {
    return contentFindings.stream().filter(f -> f.kind().equals(kind)).toList();
  }
}
