package dev.bulkhead.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DpkgVersionTest {
  private final DpkgVersion dpkg = new DpkgVersion();

  @Test
  void ordersTheReferenceTable() {
    SchemeChecks.assertTable(dpkg, VersionPair.load("dpkg-vectors/pairs.txt"));
  }

  @Test
  void tildeSortsBeforeTheEndAndLettersBeforeSymbols() {
    List<String> sorted = new ArrayList<>(List.of("1.0", "1.0+", "1.0~", "1.0a", "1.0~~", "1.0."));
    sorted.sort(dpkg);
    assertThat(sorted).containsExactly("1.0~~", "1.0~", "1.0", "1.0a", "1.0+", "1.0.");
  }

  @Test
  void splitsTheRevisionAtTheLastHyphen() {
    // upstream "1.0-2", revision "3" against upstream "1.0", revision "2-3"-less "9".
    assertThat(dpkg.compare("1.0-2-3", "1.0-9")).isPositive();
    assertThat(dpkg.compare("1.0-2-3", "1.0-2-4")).isNegative();
  }

  @Test
  void comparesDigitRunsOfAnyLengthWithoutOverflow() {
    String big = "1" + "0".repeat(40);
    assertThat(dpkg.compare(big, "9".repeat(40))).isPositive();
    assertThat(dpkg.compare("1:" + big, "2:0")).isNegative();
    assertThat(dpkg.compare("0000" + big, big)).isZero();
    assertThat(dpkg.compare("99999999999999999999:1", "99999999999999999998:9")).isPositive();
  }

  @Test
  void ignoresLeadingAndTrailingBlanksAsDpkgDoes() {
    assertThat(dpkg.compare("  \t0:0-1", "0-1")).isZero();
    assertThat(dpkg.compare("0:0-1\t  ", "0-1")).isZero();
  }

  @Test
  void ordersInputDpkgRefusesDeterministically() {
    assertThat(dpkg.compare(null, "")).isZero();
    assertThat(dpkg.compare("", "0")).isZero();
    assertThat(dpkg.compare("a:1", "a:1")).isZero();
    assertThat(dpkg.compare("a:1", "1")).isEqualTo(-dpkg.compare("1", "a:1"));
    assertThat(dpkg.compare("1.0-", "1.0")).isZero();
    assertThat(dpkg.compare("1.0ä", "1.0z")).isPositive();
  }

  @Test
  void keepsTheComparatorLawsOnGeneratedVersions() {
    List<String> versions = new ArrayList<>();
    for (String[] p : new VersionGenerator(11).dpkgPairs(60)) {
      versions.add(p[0]);
      versions.add(p[1]);
    }
    SchemeChecks.assertComparatorLaws(dpkg, versions);
  }
}
