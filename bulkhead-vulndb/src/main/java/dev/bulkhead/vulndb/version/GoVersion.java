package dev.bulkhead.vulndb.version;

/**
 * Orders Go module versions as {@code golang.org/x/mod/semver.Compare} does.
 *
 * <p>Versions are {@code vMAJOR[.MINOR[.PATCH[-pre][+build]]]}; {@code v1} and {@code v1.2} stand
 * for {@code v1.0.0} and {@code v1.2.0}. Build metadata, including {@code +incompatible}, is
 * ignored. Pseudo-versions ({@code v0.0.0-20191109021931-daa7c04131f5}, {@code
 * v1.2.4-0.20191109021931-daa7c04131f5}, {@code v1.2.3-pre.0.20191109021931-daa7c04131f5}) are
 * ordinary pre-releases, so they sort by base version, then by their fixed-width timestamp, as Go
 * intends. A version without the {@code v} is read as if it had one, because OSV's Go ecosystem
 * writes versions without it. Invalid versions sort before every valid one and compare among
 * themselves as strings (Go calls them all equal).
 */
public final class GoVersion implements VersionScheme {

  @Override
  public String id() {
    return "golang";
  }

  @Override
  public int compare(String a, String b) {
    return SemVer.compare(withV(a), withV(b), SemVer.GO);
  }

  /** Tells whether {@code version}, with a {@code v} added if missing, is a valid Go version. */
  public static boolean isValid(String version) {
    return SemVer.parse(withV(version), SemVer.GO) != null;
  }

  private static String withV(String v) {
    return v == null || v.startsWith("v") ? v : "v" + v;
  }
}
