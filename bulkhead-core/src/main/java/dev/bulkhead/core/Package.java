package dev.bulkhead.core;

/**
 * Describes one installed package found in a scanned filesystem.
 *
 * @param name the binary package name
 * @param version the full installed version as the package manager writes it (with epoch and
 *     release where the scheme has them)
 * @param arch the architecture, or {@code null}
 * @param sourceName the source package (dpkg {@code Source:}, apk origin, source RPM name); equal
 *     to {@code name} when the database names none
 * @param sourceVersion the source package version; equal to {@code version} when none is named
 * @param type the package type in purl terms: {@link #DEB}, {@link #APK}, {@link #RPM}...
 * @param purl the package URL, or {@code null}
 * @param layer the diff id of the layer that introduced this package at this version, or {@code
 *     null} for a plain directory
 * @param layerCommand the {@code created_by} command of that layer, or {@code null}
 * @param path the file the package was read from, e.g. {@code var/lib/dpkg/status}
 */
public record Package(
    String name,
    String version,
    String arch,
    String sourceName,
    String sourceVersion,
    String type,
    String purl,
    String layer,
    String layerCommand,
    String path) {

  /** Debian packages. */
  public static final String DEB = "deb";

  /** Alpine packages. */
  public static final String APK = "apk";

  /** RPM packages. */
  public static final String RPM = "rpm";

  /** Returns a copy attributed to the given layer. */
  public Package withLayer(String layerDiffId, String command) {
    return new Package(
        name, version, arch, sourceName, sourceVersion, type, purl, layerDiffId, command, path);
  }

  /** Returns a copy with the given package URL. */
  public Package withPurl(String packageUrl) {
    return new Package(
        name,
        version,
        arch,
        sourceName,
        sourceVersion,
        type,
        packageUrl,
        layer,
        layerCommand,
        path);
  }
}
