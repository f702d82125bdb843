package dev.bulkhead.vulndb.version;

import dev.bulkhead.core.Package;

/** Returns the version scheme for a package type. */
public final class VersionSchemes {
  private VersionSchemes() {}

  /**
   * Returns the scheme that orders versions of packages of the given type ({@link Package#DEB},
   * {@link Package#APK}, {@link Package#RPM}).
   *
   * @throws IllegalArgumentException for an unknown type
   */
  public static VersionScheme forType(String packageType) {
    switch (packageType) {
      case Package.DEB:
        return new DpkgVersion();
      case Package.APK:
        return new ApkVersion();
      case Package.RPM:
        return new RpmVersion();
      default:
        throw new IllegalArgumentException("no version scheme for package type " + packageType);
    }
  }
}
