package dev.bulkhead.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeverityTest {

  @Test
  void parsesDebianUrgenciesAndOsvWords() {
    assertThat(Severity.parse("unimportant")).isEqualTo(Severity.LOW);
    assertThat(Severity.parse("low**")).isEqualTo(Severity.LOW);
    assertThat(Severity.parse("MODERATE")).isEqualTo(Severity.MEDIUM);
    assertThat(Severity.parse("not yet assigned")).isEqualTo(Severity.UNKNOWN);
    assertThat(Severity.parse(null)).isEqualTo(Severity.UNKNOWN);
  }

  @Test
  void mapsCvssScoresToRatings() {
    assertThat(Severity.fromCvssScore(9.8)).isEqualTo(Severity.CRITICAL);
    assertThat(Severity.fromCvssScore(7.0)).isEqualTo(Severity.HIGH);
    assertThat(Severity.fromCvssScore(6.9)).isEqualTo(Severity.MEDIUM);
    assertThat(Severity.fromCvssScore(0.1)).isEqualTo(Severity.LOW);
    assertThat(Severity.fromCvssScore(0.0)).isEqualTo(Severity.UNKNOWN);
  }
}
