package dev.bulkhead.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoVersionTest {
  private final GoVersion go = new GoVersion();

  @Test
  void ordersTheSemverTestTableWithPseudoVersions() {
    var ranks = AscendingVersions.load("go-vectors/ascending.txt");
    SchemeChecks.assertTable(go, AscendingVersions.pairs(ranks));
  }

  @Test
  void ordersInvalidAndUnprefixedVersions() {
    SchemeChecks.assertTable(go, VersionPair.load("go-vectors/pairs.txt"));
  }

  @Test
  void readsShortFormsOnlyWithoutPrereleaseOrBuild() {
    assertThat(GoVersion.isValid("v1")).isTrue();
    assertThat(GoVersion.isValid("v1.2")).isTrue();
    assertThat(GoVersion.isValid("v1.2-pre")).isFalse();
    assertThat(GoVersion.isValid("v1.2.3+incompatible")).isTrue();
    assertThat(GoVersion.isValid("1.2.3")).isTrue();
  }

  @Test
  void ordersPseudoVersionsByBaseThenTime() {
    assertThat(go.compare("v1.2.4-0.20191109021931-daa7c04131f5", "v1.2.3")).isPositive();
    assertThat(go.compare("v1.2.4-0.20191109021931-daa7c04131f5", "v1.2.4")).isNegative();
    assertThat(
            go.compare("v0.0.0-20191109021931-daa7c04131f5", "v0.0.0-20191109021932-000000000000"))
        .isNegative();
  }

  @Test
  void keepsTheComparatorLawsOnGeneratedVersions() {
    List<String> versions = new LanguageVersionGenerator(41).semver(120, "v");
    SchemeChecks.assertComparatorLaws(go, versions);
  }
}
