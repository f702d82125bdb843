package dev.bulkhead.config.k8s;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Pod Security Standards policy version, {@code v1.0} to {@code latest}. Versions above the
 * newest one any check knows ({@value #NEWEST_MINOR}) behave as {@code latest}, as the admission
 * controller clamps them.
 */
public record PssVersion(int minor) implements Comparable<PssVersion> {
  /** The newest minor version a check changes at (the sysctl additions of v1.37). */
  public static final int NEWEST_MINOR = 37;

  /** The newest policy. */
  public static final PssVersion LATEST = new PssVersion(NEWEST_MINOR);

  private static final Pattern FORM = Pattern.compile("v?1\\.(\\d{1,4})");

  public PssVersion {
    minor = Math.min(Math.max(minor, 0), NEWEST_MINOR);
  }

  /**
   * Parses {@code latest} or {@code v1.N}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static PssVersion parse(String s) {
    if (s == null || s.equalsIgnoreCase("latest")) {
      return LATEST;
    }
    Matcher m = FORM.matcher(s.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "PSS version '" + s + "' is not 'latest' or v1.N (for example v1.25)");
    }
    return new PssVersion(Integer.parseInt(m.group(1)));
  }

  /** Whether this version is {@code v1.n} or newer. */
  public boolean atLeast(int n) {
    return minor >= n;
  }

  @Override
  public int compareTo(PssVersion o) {
    return Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return "v1." + minor;
  }
}
