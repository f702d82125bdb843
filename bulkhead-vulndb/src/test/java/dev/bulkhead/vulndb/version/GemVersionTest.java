package dev.bulkhead.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GemVersionTest {
  private final GemVersion gem = new GemVersion();

  @Test
  void ordersTheRubyGemsTestFacts() {
    var ranks = AscendingVersions.load("gem-vectors/ascending.txt");
    SchemeChecks.assertTable(gem, AscendingVersions.pairs(ranks));
  }

  @Test
  void ordersTheReferenceTable() {
    SchemeChecks.assertTable(gem, VersionPair.load("gem-vectors/pairs.txt"));
  }

  @Test
  void readsBlankAsZeroAndTellsPrereleases() {
    assertThat(gem.compare("", "0")).isZero();
    assertThat(gem.compare(" 1.0 ", "1")).isZero();
    assertThat(GemVersion.isPrerelease("1.0.a")).isTrue();
    assertThat(GemVersion.isPrerelease("1.0-1")).isTrue();
    assertThat(GemVersion.isPrerelease("1.0.1")).isFalse();
    assertThat(GemVersion.isValid("1.0 2")).isFalse();
  }

  @Test
  void keepsTheComparatorLawsOnGeneratedVersions() {
    List<String> versions = new LanguageVersionGenerator(47).gem(120);
    SchemeChecks.assertComparatorLaws(gem, versions);
  }
}
