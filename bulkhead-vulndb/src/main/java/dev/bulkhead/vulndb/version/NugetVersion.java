package dev.bulkhead.vulndb.version;

import java.util.Locale;

/**
 * Orders NuGet package versions as NuGet.Versioning does: up to four numeric parts ({@code
 * major.minor.patch.revision}, missing ones are 0, so {@code 1.0} equals {@code 1.0.0.0}), then a
 * release sorts after its pre-releases, whose dot-separated labels compare case-insensitively,
 * numeric labels by value and before alphanumeric ones, a shorter label list first; build metadata
 * after {@code +} is ignored. A leading {@code v} is tolerated. Versions that do not parse sort
 * before every valid one and compare among themselves as strings, ignoring case.
 */
public final class NugetVersion implements VersionScheme {

  @Override
  public String id() {
    return "nuget";
  }

  @Override
  public int compare(String a, String b) {
    String[] pa = parse(a);
    String[] pb = parse(b);
    if (pa == null || pb == null) {
      if (pa != null) {
        return 1;
      }
      if (pb != null) {
        return -1;
      }
      return String.CASE_INSENSITIVE_ORDER.compare(a == null ? "" : a, b == null ? "" : b);
    }
    for (int i = 0; i < 4; i++) {
      int c = Digits.compareNumeric(pa[i], 0, pa[i].length(), pb[i], 0, pb[i].length());
      if (c != 0) {
        return c;
      }
    }
    String ra = pa[4];
    String rb = pb[4];
    if (ra == null || rb == null) {
      return ra == null ? (rb == null ? 0 : 1) : -1;
    }
    return comparePre(ra, rb);
  }

  /** Returns the four numeric parts and the pre-release (or null), or null when invalid. */
  private static String[] parse(String v) {
    if (v == null) {
      return null;
    }
    String s = v.strip();
    if (s.startsWith("v") || s.startsWith("V")) {
      s = s.substring(1);
    }
    int plus = s.indexOf('+');
    if (plus >= 0) {
      s = s.substring(0, plus);
    }
    String pre = null;
    int dash = s.indexOf('-');
    if (dash >= 0) {
      pre = s.substring(dash + 1).toLowerCase(Locale.ROOT);
      s = s.substring(0, dash);
      if (pre.isEmpty()) {
        return null;
      }
    }
    String[] nums = s.split("\\.", -1);
    if (nums.length < 1 || nums.length > 4 || s.length() > 128) {
      return null;
    }
    String[] out = {"0", "0", "0", "0", pre};
    for (int i = 0; i < nums.length; i++) {
      if (nums[i].isEmpty() || !nums[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      out[i] = nums[i];
    }
    return out;
  }

  private static int comparePre(String a, String b) {
    String[] la = a.split("\\.", -1);
    String[] lb = b.split("\\.", -1);
    for (int i = 0; i < Math.min(la.length, lb.length); i++) {
      boolean na = !la[i].isEmpty() && la[i].chars().allMatch(c -> c >= '0' && c <= '9');
      boolean nb = !lb[i].isEmpty() && lb[i].chars().allMatch(c -> c >= '0' && c <= '9');
      int c;
      if (na && nb) {
        c = Digits.compareNumeric(la[i], 0, la[i].length(), lb[i], 0, lb[i].length());
      } else if (na != nb) {
        c = na ? -1 : 1;
      } else {
        c = la[i].compareTo(lb[i]);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(la.length, lb.length);
  }
}
