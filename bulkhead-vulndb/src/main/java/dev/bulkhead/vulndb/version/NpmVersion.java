package dev.bulkhead.vulndb.version;

/**
 * Orders npm package versions as node-semver's {@code compare(clean(a), clean(b))} does.
 *
 * <p>A version is {@code major.minor.patch[-pre][+build]} after trimming blanks and dropping any
 * leading {@code v}s and {@code =}s (node-semver's {@code clean}); numbers have no leading zeros.
 * Loose forms that node-semver accepts only with {@code loose} or {@code coerce} ({@code 1.2},
 * {@code 01.2.3}, {@code 1.2.3beta}) are not versions here: a lockfile records exact versions, and
 * guessing would invent matches. Rejected versions sort before every valid one (node-semver throws
 * instead). Deviation: numbers compare exactly at any length, where node-semver rejects a main
 * number above 2^53-1 and compares bigger pre-release numbers as doubles.
 */
public final class NpmVersion implements VersionScheme {

  @Override
  public String id() {
    return "npm";
  }

  @Override
  public int compare(String a, String b) {
    return SemVer.compare(a, b, SemVer.NPM);
  }

  /** Tells whether node-semver's {@code valid(clean(version))} would accept {@code version}. */
  public static boolean isValid(String version) {
    return SemVer.parse(version, SemVer.NPM) != null;
  }
}
