package dev.bulkhead.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Orders from NuGet's "Package versioning" and Composer's "Versions and constraints" docs. */
class NugetComposerVersionTest {
  private static void ascending(VersionScheme s, List<String> versions) {
    for (int i = 0; i < versions.size(); i++) {
      for (int j = 0; j < versions.size(); j++) {
        assertThat(Integer.signum(s.compare(versions.get(i), versions.get(j))))
            .as("%s vs %s", versions.get(i), versions.get(j))
            .isEqualTo(Integer.compare(i, j));
      }
    }
  }

  @Test
  void nugetOrdersPreReleasesLikeSemVer2AndPadsToFourParts() {
    VersionScheme nuget = VersionSchemes.forOsvEcosystem("NuGet");
    ascending(
        nuget,
        List.of(
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0",
            "1.0.0.1",
            "1.0.1",
            "1.10.0",
            "2.0.0"));
    assertThat(nuget.compare("1.0", "1.0.0.0")).isZero();
    assertThat(nuget.compare("1.0.0-ALPHA", "1.0.0-alpha")).isZero();
    assertThat(nuget.compare("1.0.0+build.5", "1.0.0")).isZero();
    assertThat(nuget.compare("not-a-version", "0.0.1")).isNegative();
    assertThat(VersionSchemes.forType("nuget")).isSameAs(nuget);
  }

  @Test
  void composerRanksStabilitiesAroundTheStableRelease() {
    VersionScheme composer = VersionSchemes.forOsvEcosystem("Packagist");
    ascending(
        composer,
        List.of(
            "1.0.0-dev",
            "1.0.0-alpha1",
            "1.0.0-alpha2",
            "1.0.0-beta1",
            "1.0.0-beta2",
            "1.0.0-RC1",
            "1.0.0-RC2",
            "1.0.0",
            "1.0.0-p1",
            "1.0.0.1",
            "1.0.1",
            "1.10.0",
            "2.0.0"));
    assertThat(composer.compare("v1.2", "1.2.0")).isZero();
    assertThat(composer.compare("1.0.0-a1", "1.0.0-alpha1")).isZero();
    assertThat(composer.compare("1.0.0-b2", "1.0.0-beta2")).isZero();
    assertThat(composer.compare("1.0.0-pl1", "1.0.0-patch1")).isZero();
    assertThat(VersionSchemes.forType("composer")).isSameAs(composer);
  }
}
