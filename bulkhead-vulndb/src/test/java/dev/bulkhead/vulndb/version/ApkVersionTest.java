package dev.bulkhead.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApkVersionTest {
  private final ApkVersion apk = new ApkVersion();

  @Test
  void ordersTheReferenceTable() {
    SchemeChecks.assertTable(apk, VersionPair.load("apk-vectors/pairs.txt"));
  }

  @Test
  void ordersSuffixesAroundTheRelease() {
    List<String> sorted =
        new ArrayList<>(
            List.of(
                "1.0_p",
                "1.0_hg",
                "1.0",
                "1.0_rc",
                "1.0_git",
                "1.0_alpha",
                "1.0_svn",
                "1.0_pre",
                "1.0_cvs",
                "1.0_beta"));
    sorted.sort(apk);
    assertThat(sorted)
        .containsExactly(
            "1.0_alpha",
            "1.0_beta",
            "1.0_pre",
            "1.0_rc",
            "1.0",
            "1.0_cvs",
            "1.0_svn",
            "1.0_git",
            "1.0_hg",
            "1.0_p");
  }

  @Test
  void comparesLeadingZeroPartsAsStringsAndOthersAsNumbers() {
    assertThat(apk.compare("1.02", "1.1")).isNegative();
    assertThat(apk.compare("1.010", "1.01")).isPositive();
    assertThat(apk.compare("1.10", "1.9")).isPositive();
    assertThat(apk.compare("010", "9")).isPositive();
    assertThat(apk.compare("1.0", "1.00")).isNegative();
  }

  @Test
  void comparesLongNumbersExactly() {
    assertThat(apk.compare("18446744073709551616", "18446744073709551615")).isPositive();
    assertThat(apk.compare("1.0-r" + "9".repeat(30), "1.0-r" + "9".repeat(29))).isPositive();
  }

  @Test
  void tellsValidFromInvalidVersions() {
    assertThat(ApkVersion.isValid("1.2.3a_rc1_p2~deadbeef-r10")).isTrue();
    assertThat(ApkVersion.isValid("1.0")).isTrue();
    assertThat(ApkVersion.isValid("1.0bc")).isFalse();
    assertThat(ApkVersion.isValid("1.0-foo")).isFalse();
    assertThat(ApkVersion.isValid("1.0~DEAD")).isFalse();
    assertThat(ApkVersion.isValid("")).isFalse();
    assertThat(ApkVersion.isValid("1.0_")).isFalse();
  }

  @Test
  void ordersNullAndEmptyDeterministically() {
    assertThat(apk.compare(null, "")).isZero();
    assertThat(apk.compare("", "0")).isNegative();
    assertThat(apk.compare("0", "")).isPositive();
  }

  @Test
  void keepsTheComparatorLawsOnGeneratedVersions() {
    List<String> versions = new ArrayList<>();
    for (String[] p : new VersionGenerator(13).apkPairs(60)) {
      versions.add(p[0]);
      versions.add(p[1]);
    }
    SchemeChecks.assertComparatorLaws(apk, versions);
  }
}
