package dev.bulkhead.vulndb.version;

/**
 * Orders Rust crate versions by Semantic Versioning 2.0.0 precedence, as OSV's {@code SEMVER}
 * ranges for crates.io do.
 *
 * <p>The syntax is strict ({@code major.minor.patch[-pre][+build]}, no {@code v}, no leading
 * zeros), like the {@code semver} crate's {@code Version::parse}. One difference from that crate's
 * {@code Ord}: build metadata is ignored ({@code 1.0.0+a} equals {@code 1.0.0+b}), as semver.org
 * and OSV say; the crate breaks such ties by the build. Numbers compare exactly at any length (the
 * crate rejects numbers above 2^64-1). Invalid versions sort before every valid one and compare
 * among themselves as strings.
 */
public final class CargoVersion implements VersionScheme {

  @Override
  public String id() {
    return "cargo";
  }

  @Override
  public int compare(String a, String b) {
    return SemVer.compare(a, b, SemVer.CARGO);
  }

  /** Tells whether {@code version} is a valid Semantic Versioning 2.0.0 version. */
  public static boolean isValid(String version) {
    return SemVer.parse(version, SemVer.CARGO) != null;
  }
}
