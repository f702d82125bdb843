package dev.bulkhead.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NpmVersionTest {
  private final NpmVersion npm = new NpmVersion();

  @Test
  void ordersTheReferenceTable() {
    SchemeChecks.assertTable(npm, VersionPair.load("npm-vectors/pairs.txt"));
  }

  @Test
  void trimsBlanksAndDropsPrefixesAsCleanDoes() {
    assertThat(npm.compare(" v1.2.3 ", "1.2.3")).isZero();
    assertThat(npm.compare("=v1.2.3", "1.2.3")).isZero();
    assertThat(NpmVersion.isValid("  =1.2.3-beta+build  ")).isTrue();
  }

  @Test
  void refusesLooseForms() {
    assertThat(NpmVersion.isValid("1.2")).isFalse();
    assertThat(NpmVersion.isValid("1.2.3.4")).isFalse();
    assertThat(NpmVersion.isValid("01.2.3")).isFalse();
    assertThat(NpmVersion.isValid("1.2.3beta")).isFalse();
    assertThat(NpmVersion.isValid("1.2.3-" + "a".repeat(300))).isFalse();
    assertThat(NpmVersion.isValid(null)).isFalse();
  }

  @Test
  void ordersInvalidVersionsFirstAndByString() {
    assertThat(npm.compare("junk", "0.0.0-0")).isNegative();
    assertThat(npm.compare("a", "b")).isNegative();
    assertThat(npm.compare(null, null)).isZero();
  }

  @Test
  void keepsTheComparatorLawsOnGeneratedVersions() {
    List<String> versions = new LanguageVersionGenerator(31).semver(120, "v");
    SchemeChecks.assertComparatorLaws(npm, versions);
  }
}
