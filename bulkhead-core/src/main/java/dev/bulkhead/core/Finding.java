package dev.bulkhead.core;

import java.util.List;

/**
 * States that one installed package is affected by one known vulnerability.
 *
 * @param vulnerabilityId the advisory id as the data names it (a CVE id where there is one)
 * @param packageName the installed (binary) package name
 * @param installedVersion the installed version
 * @param fixedVersion the first fixed version, or {@code null} when no fix is known
 * @param status {@link #STATUS_FIXED} when a fixed version exists, {@link #STATUS_AFFECTED} when
 *     none does
 * @param severity the severity from the advisory data, {@link Severity#UNKNOWN} when absent
 * @param title a one-line description, or {@code null}
 * @param layer the diff id of the layer that introduced the package, or {@code null}
 * @param packageType the package type ({@link Package#type()})
 * @param sourceName the source package the advisory was matched on
 * @param dataSource the advisory source that produced the match (e.g. {@code debian-tracker},
 *     {@code alpine-secdb:v3.11/main}, {@code osv:Debian:12})
 * @param aliases other ids of the same vulnerability
 * @param references reference URLs
 * @param purl the package URL of the affected package, or {@code null}
 * @param path the file the package was found in ({@code app.jar!/BOOT-INF/lib/x.jar} for nested
 *     archives), or {@code null}
 */
public record Finding(
    String vulnerabilityId,
    String packageName,
    String installedVersion,
    String fixedVersion,
    String status,
    Severity severity,
    String title,
    String layer,
    String packageType,
    String sourceName,
    String dataSource,
    List<String> aliases,
    List<String> references,
    String purl,
    String path) {

  /** A fixed version is known: upgrade to it. */
  public static final String STATUS_FIXED = "fixed";

  /** The package is affected and no fixed version is known. */
  public static final String STATUS_AFFECTED = "affected";

  /** Normalises the lists to immutable copies. */
  public Finding {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    references = references == null ? List.of() : List.copyOf(references);
  }

  /** Creates a finding that names no package URL and no file. */
  public Finding(
      String vulnerabilityId,
      String packageName,
      String installedVersion,
      String fixedVersion,
      String status,
      Severity severity,
      String title,
      String layer,
      String packageType,
      String sourceName,
      String dataSource,
      List<String> aliases,
      List<String> references) {
    this(
        vulnerabilityId,
        packageName,
        installedVersion,
        fixedVersion,
        status,
        severity,
        title,
        layer,
        packageType,
        sourceName,
        dataSource,
        aliases,
        references,
        null,
        null);
  }
}
