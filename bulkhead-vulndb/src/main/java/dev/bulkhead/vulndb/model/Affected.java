package dev.bulkhead.vulndb.model;

import java.util.List;

/**
 * Names one package an advisory concerns and which of its versions are affected.
 *
 * <p>Distro feeds fill {@code status} and {@code fixedVersion}; OSV fills {@code ranges} and {@code
 * versions}.
 *
 * @param ecosystem {@code debian:bookworm}, {@code alpine:v3.11}, or the OSV ecosystem verbatim
 *     ({@code Debian:12}, {@code crates.io})
 * @param packageName the package name (a source package for distro data)
 * @param purl the package URL, or {@code null}
 * @param status {@code resolved}, {@code open} or {@code undetermined} for distro data, else {@code
 *     null}
 * @param fixedVersion the fixed version for distro data ({@code 0}: never affected), else {@code
 *     null}
 * @param severity a per-package severity word, or {@code null}
 * @param ranges OSV ranges
 * @param versions OSV enumerated affected versions
 */
public record Affected(
    String ecosystem,
    String packageName,
    String purl,
    String status,
    String fixedVersion,
    String severity,
    List<Range> ranges,
    List<String> versions) {

  /** Normalises the lists to immutable copies. */
  public Affected {
    ranges = ranges == null ? List.of() : List.copyOf(ranges);
    versions = versions == null ? List.of() : List.copyOf(versions);
  }

  /** Returns a distro-feed entry with a status and a fixed version. */
  public static Affected distro(
      String ecosystem, String packageName, String status, String fixedVersion, String severity) {
    return new Affected(
        ecosystem, packageName, null, status, fixedVersion, severity, List.of(), List.of());
  }
}
