package dev.bulkhead.vulndb.version;

import dev.bulkhead.core.Package;

/** Returns the version scheme for a package type. */
public final class VersionSchemes {
  private static final VersionScheme DPKG = new DpkgVersion();
  private static final VersionScheme APK = new ApkVersion();
  private static final VersionScheme RPM = new RpmVersion();

  private VersionSchemes() {}

  /**
   * Returns the scheme that orders versions of packages of the given type ({@link Package#DEB},
   * {@link Package#APK}, {@link Package#RPM}). Schemes are stateless, so the same instance is
   * returned every time.
   *
   * @throws IllegalArgumentException for an unknown type
   */
  public static VersionScheme forType(String packageType) {
    if (packageType == null) {
      throw new IllegalArgumentException("no version scheme for a package without a type");
    }
    return switch (packageType) {
      case Package.DEB -> DPKG;
      case Package.APK -> APK;
      case Package.RPM -> RPM;
      default ->
          throw new IllegalArgumentException("no version scheme for package type " + packageType);
    };
  }
}
