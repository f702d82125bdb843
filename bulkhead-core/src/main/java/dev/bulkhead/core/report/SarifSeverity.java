package dev.bulkhead.core.report;

import dev.bulkhead.core.Severity;

/**
 * How every Bulkhead SARIF writer maps a {@link Severity}: the result {@code level} and GitHub code
 * scanning's {@code security-severity} property (a CVSS-like number: 9.0+ critical, 7.0+ high, 4.0+
 * medium, above 0 low).
 */
public final class SarifSeverity {
  private SarifSeverity() {}

  /** {@code error} for CRITICAL and HIGH, {@code warning} for MEDIUM, else {@code note}. */
  public static String level(Severity s) {
    switch (s) {
      case CRITICAL:
      case HIGH:
        return "error";
      case MEDIUM:
        return "warning";
      default:
        return "note";
    }
  }

  /** The {@code security-severity} value for {@code s}, as text. */
  public static String securitySeverity(Severity s) {
    switch (s) {
      case CRITICAL:
        return "9.5";
      case HIGH:
        return "8.0";
      case MEDIUM:
        return "5.5";
      case LOW:
        return "2.0";
      default:
        return "0.0";
    }
  }
}
