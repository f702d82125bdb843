package dev.bulkhead.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CargoVersionTest {
  private final CargoVersion cargo = new CargoVersion();

  @Test
  void ordersSemverOrgsPrecedenceExample() {
    var ranks = AscendingVersions.load("cargo-vectors/ascending.txt");
    SchemeChecks.assertTable(cargo, AscendingVersions.pairs(ranks));
  }

  @Test
  void ordersTheReferenceTable() {
    SchemeChecks.assertTable(cargo, VersionPair.load("cargo-vectors/pairs.txt"));
  }

  @Test
  void acceptsOnlyStrictSemver() {
    assertThat(CargoVersion.isValid("1.2.3-rc.1+build.5")).isTrue();
    assertThat(CargoVersion.isValid("v1.2.3")).isFalse();
    assertThat(CargoVersion.isValid(" 1.2.3")).isFalse();
    assertThat(CargoVersion.isValid("1.2")).isFalse();
  }

  @Test
  void keepsTheComparatorLawsOnGeneratedVersions() {
    List<String> versions = new LanguageVersionGenerator(37).semver(120, "v");
    SchemeChecks.assertComparatorLaws(cargo, versions);
  }
}
