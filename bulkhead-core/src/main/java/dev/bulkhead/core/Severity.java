package dev.bulkhead.core;

import java.util.Locale;

/** Ranks how serious a finding is, from {@link #UNKNOWN} to {@link #CRITICAL}. */
public enum Severity {
  UNKNOWN,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /**
   * Parses a severity word from advisory data or the command line, case-insensitively.
   *
   * <p>Accepts the Debian tracker urgencies too: {@code unimportant} and {@code low**} map to
   * {@link #LOW}, {@code not yet assigned} and {@code end-of-life} to {@link #UNKNOWN}. Anything
   * unrecognised, {@code null} included, is {@link #UNKNOWN}.
   */
  public static Severity parse(String word) {
    if (word == null) {
      return UNKNOWN;
    }
    String w = word.trim().toLowerCase(Locale.ROOT).replace("*", "");
    switch (w) {
      case "negligible":
      case "unimportant":
      case "low":
        return LOW;
      case "medium":
      case "moderate":
        return MEDIUM;
      case "high":
      case "important":
        return HIGH;
      case "critical":
        return CRITICAL;
      default:
        return UNKNOWN;
    }
  }

  /** Maps a CVSS base score (0.0-10.0) to its qualitative rating as CVSS v3 defines it. */
  public static Severity fromCvssScore(double score) {
    if (score >= 9.0) {
      return CRITICAL;
    }
    if (score >= 7.0) {
      return HIGH;
    }
    if (score >= 4.0) {
      return MEDIUM;
    }
    if (score > 0.0) {
      return LOW;
    }
    return UNKNOWN;
  }
}
