package dev.bulkhead.vulndb.version;

import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * Orders Maven artifact versions with Maven's own {@link ComparableVersion} (from {@code
 * maven-artifact}), the order Maven uses to resolve version ranges.
 *
 * <p>ComparableVersion accepts any string: {@code 1.0-alpha-1 < 1.0-beta < 1.0-rc1 < 1.0-SNAPSHOT <
 * 1.0 = 1.0.0 = 1.0-ga < 1.0-sp1 < 1.0-foo < 1.0.1}. A null version compares as the empty one.
 *
 * <p>Inherited flaw: ComparableVersion 3.9.9 is not transitive on a few odd shapes where a
 * qualifier is followed by a hyphenated list ({@code 9 < 9.sp-rc.sp < 9.rc < 9}); real artifact
 * versions ({@code 1.2.3}, {@code 1.2-rc1}, {@code 1.0-alpha-2}, {@code 2.0.0.RELEASE}) order
 * consistently.
 */
public final class MavenVersion implements VersionScheme {

  @Override
  public String id() {
    return "maven";
  }

  @Override
  public int compare(String a, String b) {
    ComparableVersion va = new ComparableVersion(a == null ? "" : a);
    ComparableVersion vb = new ComparableVersion(b == null ? "" : b);
    return Integer.signum(va.compareTo(vb));
  }
}
