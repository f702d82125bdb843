package dev.bulkhead.vulndb.version;

import dev.bulkhead.core.Package;
import java.util.Locale;

/** Returns the version scheme for a package type or an OSV ecosystem. */
public final class VersionSchemes {
  private static final VersionScheme DPKG = new DpkgVersion();
  private static final VersionScheme APK = new ApkVersion();
  private static final VersionScheme RPM = new RpmVersion();
  private static final VersionScheme MAVEN = new MavenVersion();
  private static final VersionScheme NPM = new NpmVersion();
  private static final VersionScheme PYPI = new Pep440Version();
  private static final VersionScheme GO = new GoVersion();
  private static final VersionScheme CARGO = new CargoVersion();
  private static final VersionScheme GEM = new GemVersion();
  private static final VersionScheme COMPOSER = new ComposerVersion();
  private static final VersionScheme NUGET = new NugetVersion();

  private VersionSchemes() {}

  /**
   * Returns the scheme that orders versions of packages of the given purl type: {@link
   * Package#DEB}, {@link Package#APK}, {@link Package#RPM}, {@code maven}, {@code npm}, {@code
   * pypi}, {@code golang}, {@code cargo}, {@code gem}, {@code composer} or {@code nuget}
   * (case-insensitive). Schemes are stateless, so the same instance is returned every time.
   *
   * @throws IllegalArgumentException for an unknown type
   */
  public static VersionScheme forType(String packageType) {
    if (packageType == null) {
      throw new IllegalArgumentException("no version scheme for a package without a type");
    }
    return switch (packageType.toLowerCase(Locale.ROOT)) {
      case Package.DEB -> DPKG;
      case Package.APK -> APK;
      case Package.RPM -> RPM;
      case "maven" -> MAVEN;
      case "npm" -> NPM;
      case "pypi" -> PYPI;
      case "golang" -> GO;
      case "cargo" -> CARGO;
      case "gem" -> GEM;
      case "composer" -> COMPOSER;
      case "nuget" -> NUGET;
      default ->
          throw new IllegalArgumentException("no version scheme for package type " + packageType);
    };
  }

  /**
   * Returns the scheme for an OSV ecosystem name ({@code Maven}, {@code npm}, {@code PyPI}, {@code
   * Go}, {@code crates.io}, {@code RubyGems}, {@code Packagist}, {@code NuGet}, {@code Debian},
   * {@code Ubuntu}, {@code Alpine}, {@code Rocky Linux}, {@code AlmaLinux}, {@code Red Hat}, {@code
   * openSUSE}, {@code SUSE}), with or without a release suffix after a colon ({@code Debian:12},
   * {@code Alpine:v3.18}). Names are matched exactly, as OSV spells them.
   *
   * @return the scheme, or null for an ecosystem without one (Hex, Pub...), so that an importer can
   *     skip such advisories without catching exceptions
   */
  public static VersionScheme forOsvEcosystem(String ecosystem) {
    if (ecosystem == null) {
      return null;
    }
    int colon = ecosystem.indexOf(':');
    String name = colon >= 0 ? ecosystem.substring(0, colon) : ecosystem;
    return switch (name) {
      case "Maven" -> MAVEN;
      case "npm" -> NPM;
      case "PyPI" -> PYPI;
      case "Go" -> GO;
      case "crates.io" -> CARGO;
      case "RubyGems" -> GEM;
      case "Packagist" -> COMPOSER;
      case "NuGet" -> NUGET;
      case "Debian", "Ubuntu" -> DPKG;
      case "Alpine" -> APK;
      case "Rocky Linux", "AlmaLinux", "Red Hat", "openSUSE", "SUSE" -> RPM;
      default -> null;
    };
  }
}
