package dev.bulkhead.vulndb.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Cvss3Test {

  // Scores from the CVSS v3.1 examples document (first.org/cvss/v3.1/examples) and NVD.
  @ParameterizedTest
  @CsvSource({
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8", // CVE-2014-6271 Shellshock
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N, 7.5", // CVE-2014-0160 Heartbleed
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N, 6.1", // CVE-2013-1937 phpMyAdmin XSS
    "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N, 3.1", // CVE-2014-3566 POODLE
    "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H, 9.9", // CVE-2012-1516 VMware
    "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H, 7.8", // CVE-2015-1098 iWork
    "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H, 10.0",
    "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N, 1.6",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N, 0.0",
  })
  void computesBaseScores(String vector, double expected) {
    assertThat(Cvss3.baseScore(vector)).hasValue(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H",
        "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "garbage"
      })
  void rejectsOtherOrIncompleteVectors(String vector) {
    assertThat(Cvss3.baseScore(vector)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void roundsUpWithoutFloatArtefacts() {
    assertThat(Cvss3.roundUp(4.0)).isEqualTo(4.0);
    assertThat(Cvss3.roundUp(4.02)).isEqualTo(4.1);
    assertThat(Cvss3.roundUp(4.000_000_1)).isEqualTo(4.0);
  }
}
