package dev.bulkhead.vulndb.version;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Orders Ruby gem versions as RubyGems' {@code Gem::Version#<=>} does.
 *
 * <p>A version is digits, then dot-separated alphanumeric parts, then an optional {@code -pre} part
 * ({@code -} reads as {@code .pre.}); blanks around it are ignored and the empty string is {@code
 * 0}. Segments are the runs of digits and of letters ({@code 1.0.b10} is {@code 1, 0, "b", 10}); a
 * version with a letter is a pre-release. Trailing zeros are dropped from the numeric head and from
 * the rest separately, then segments compare pairwise, a missing one counting as {@code 0}: numbers
 * numerically (at any length), strings byte-wise, and a string before a number. So {@code 1.0.a <
 * 1.0.b1 < 1.0 = 1.0.0 < 1.0.1}. Versions RubyGems rejects (it raises) sort before every valid one
 * and compare among themselves as strings.
 */
public final class GemVersion implements VersionScheme {
  private static final Pattern VALID =
      Pattern.compile("[0-9]+(?:\\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");

  /** Longest version parsed; longer ones are invalid. */
  static final int MAX_LENGTH = 1024;

  @Override
  public String id() {
    return "gem";
  }

  @Override
  public int compare(String a, String b) {
    List<String> sa = segments(a);
    List<String> sb = segments(b);
    if (sa == null || sb == null) {
      if (sa != null || sb != null) {
        return sa == null ? -1 : 1;
      }
      return Integer.signum(String.valueOf(a).compareTo(String.valueOf(b)));
    }
    for (int i = 0; i < Math.max(sa.size(), sb.size()); i++) {
      String x = i < sa.size() ? sa.get(i) : "0";
      String y = i < sb.size() ? sb.get(i) : "0";
      boolean xn = Digits.isDigit(x.charAt(0));
      boolean yn = Digits.isDigit(y.charAt(0));
      int c =
          xn && yn
              ? Digits.compareNumeric(x, 0, x.length(), y, 0, y.length())
              : xn != yn ? (xn ? 1 : -1) : Integer.signum(x.compareTo(y));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Tells whether {@code Gem::Version.correct?(version)} holds. */
  public static boolean isValid(String version) {
    return segments(version) != null;
  }

  /** Tells whether RubyGems calls {@code version} a pre-release (it has a letter or a hyphen). */
  public static boolean isPrerelease(String version) {
    return version != null
        && version.chars().anyMatch(c -> c == '-' || (c < 128 && Digits.isAlpha((char) c)));
  }

  /** Returns the canonical segments of a valid version, or null for an invalid one. */
  static List<String> segments(String version) {
    if (version == null || version.length() > MAX_LENGTH) {
      return null;
    }
    String v = version.strip();
    if (v.isEmpty()) {
      v = "0";
    }
    if (!VALID.matcher(v).matches()) {
      return null;
    }
    List<String> numeric = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    int i = 0;
    while (i < v.length()) {
      char c = v.charAt(i);
      int j = i;
      if (Digits.isDigit(c)) {
        while (j < v.length() && Digits.isDigit(v.charAt(j))) {
          j++;
        }
      } else if (Digits.isAlpha(c)) {
        while (j < v.length() && Digits.isAlpha(v.charAt(j))) {
          j++;
        }
      } else {
        if (c == '-') {
          rest.add("pre");
        }
        i++;
        continue;
      }
      (rest.isEmpty() && Digits.isDigit(c) ? numeric : rest).add(v.substring(i, j));
      i = j;
    }
    dropTrailingZeros(numeric);
    dropTrailingZeros(rest);
    numeric.addAll(rest);
    return numeric;
  }

  private static void dropTrailingZeros(List<String> segs) {
    while (!segs.isEmpty()) {
      String last = segs.get(segs.size() - 1);
      if (!Digits.isDigit(last.charAt(0))
          || Digits.compareNumeric(last, 0, last.length(), "0", 0, 1) != 0) {
        return;
      }
      segs.remove(segs.size() - 1);
    }
  }
}
