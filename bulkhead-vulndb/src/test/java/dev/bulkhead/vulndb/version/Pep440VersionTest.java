package dev.bulkhead.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class Pep440VersionTest {
  private final Pep440Version pypi = new Pep440Version();

  @Test
  void ordersPackagingsSortedList() {
    var ranks = AscendingVersions.load("pypi-vectors/ascending.txt");
    assertThat(AscendingVersions.versions(ranks)).hasSize(54);
    SchemeChecks.assertTable(pypi, AscendingVersions.pairs(ranks));
  }

  @Test
  void ordersNormalisedSpellingsAndTheReferenceTable() {
    SchemeChecks.assertTable(pypi, VersionPair.load("pypi-vectors/pairs.txt"));
  }

  @Test
  void ignoresSurroundingBlanks() {
    assertThat(pypi.compare("  1.0\n", "1.0")).isZero();
    assertThat(Pep440Version.isValid(" 1.0 ")).isTrue();
  }

  @Test
  void refusesWhatPackagingRefuses() {
    assertThat(Pep440Version.isValid("1.0.dev1.post1")).isFalse();
    assertThat(Pep440Version.isValid("1.0+")).isFalse();
    assertThat(Pep440Version.isValid("1.0 a1")).isFalse();
    assertThat(Pep440Version.isValid("1." + "0.".repeat(600) + "0")).isFalse();
    assertThat(Pep440Version.isValid(null)).isFalse();
  }

  @Test
  void keepsTheComparatorLawsOnGeneratedVersions() {
    List<String> versions = new LanguageVersionGenerator(43).pep440(120);
    SchemeChecks.assertComparatorLaws(pypi, versions);
  }
}
