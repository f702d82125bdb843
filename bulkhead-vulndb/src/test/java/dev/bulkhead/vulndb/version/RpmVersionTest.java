package dev.bulkhead.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpmVersionTest {
  private final RpmVersion rpm = new RpmVersion();

  @Test
  void ordersTheReferenceTable() {
    SchemeChecks.assertTable(rpm, VersionPair.load("rpm-vectors/pairs.txt"));
  }

  @Test
  void caretSortsAfterTheEndButBeforeAnyOtherSegment() {
    List<String> sorted =
        new ArrayList<>(List.of("1.0.1", "1.0^git1", "1.0", "1.0~rc1", "1.0^", "1.0a"));
    sorted.sort(rpm);
    assertThat(sorted).containsExactly("1.0~rc1", "1.0", "1.0^", "1.0^git1", "1.0a", "1.0.1");
  }

  @Test
  void comparesTheReleaseOnlyWhenBothSidesHaveOne() {
    assertThat(rpm.compare("1.0-5", "1.0")).isZero();
    assertThat(rpm.compare("1.0", "1.0-5")).isZero();
    assertThat(rpm.compare("1.0-", "1.0-5")).isZero();
    assertThat(rpm.compare("1.0-4", "1.0-5")).isNegative();
    assertThat(rpm.compare("1:1.0", "1.0-5")).isPositive();
  }

  @Test
  void strictComparisonOrdersAMissingReleaseFirstAsRpmVercmpDoes() {
    assertThat(rpm.compareStrict("1.0-5", "1.0")).isPositive();
    assertThat(rpm.compareStrict("1.0", "1.0-~")).isNegative();
    assertThat(rpm.compareStrict("1.0-", "1.0")).isPositive();
    assertThat(rpm.compareStrict("1.0-", "1.0-0")).isNegative();
    assertThat(rpm.compareStrict("1.0", "1.0")).isZero();
  }

  @Test
  void treatsAMissingOrEmptyEpochAsZero() {
    assertThat(rpm.compare(":1.0", "1.0")).isZero();
    assertThat(rpm.compare("0:1.0", "1.0")).isZero();
    assertThat(rpm.compare("0001:1.0", "1:1.0")).isZero();
  }

  @Test
  void exposesSegmentComparisonForVersionAndReleaseFields() {
    assertThat(RpmVersion.rpmvercmp("1.el8", "1.el9")).isEqualTo(-1);
    assertThat(RpmVersion.rpmvercmp("2_0", "2.0")).isZero();
    assertThat(RpmVersion.rpmvercmp("1.1.α", "1.1.β")).isZero();
  }

  @Test
  void keepsTheComparatorLawsOnGeneratedVersions() {
    List<String> versions = new ArrayList<>();
    for (String[] p : new VersionGenerator(12).rpmPairs(60)) {
      versions.add(p[0]);
      versions.add(p[1]);
    }
    RpmVersion strict = new RpmVersion();
    SchemeChecks.assertComparatorLaws(
        new VersionScheme() {
          @Override
          public String id() {
            return "rpm-strict";
          }

          @Override
          public int compare(String a, String b) {
            return strict.compareStrict(a, b);
          }
        },
        versions);
  }
}
