package dev.bulkhead.vulndb.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders Python package versions by PEP 440, as {@code packaging.version.Version} does.
 *
 * <p>A version is {@code [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]}, with the alternative
 * spellings PEP 440 normalises: case, a leading {@code v}, separators {@code -_.} around the
 * labels, {@code alpha}/{@code beta}/{@code c}/{@code pre}/{@code preview}, {@code rev}/{@code r}
 * and {@code -N} for post releases, and implicit zeros ({@code 1.0a} is {@code 1.0a0}). The order:
 * epoch, release (trailing zeros ignored), then {@code .devN} before pre-releases before the
 * release before {@code .postN}; a local version sorts after the same public version, its segments
 * compared numerically when both are numbers, a number after a string, strings case-insensitively.
 * Versions that {@code packaging} rejects sort before every valid one and compare among themselves
 * as strings; numbers compare exactly at any length, as Python's integers do.
 */
public final class Pep440Version implements VersionScheme {
  private static final Pattern VERSION =
      Pattern.compile(
          "\\s*v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
              + "(?<pre>[-_.]?(?<prel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pren>[0-9]+)?)?"
              + "(?<post>-(?<postn1>[0-9]+)|[-_.]?(?<postl>post|rev|r)[-_.]?(?<postn2>[0-9]+)?)?"
              + "(?<dev>[-_.]?dev[-_.]?(?<devn>[0-9]+)?)?"
              + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?\\s*",
          Pattern.CASE_INSENSITIVE);

  /** Longest version parsed; longer ones are invalid (bounds the regex's work). */
  static final int MAX_LENGTH = 1024;

  @Override
  public String id() {
    return "pypi";
  }

  @Override
  public int compare(String a, String b) {
    Key ka = Key.parse(a);
    Key kb = Key.parse(b);
    if (ka != null && kb != null) {
      return ka.compareTo(kb);
    }
    if (ka != null || kb != null) {
      return ka == null ? -1 : 1;
    }
    return Integer.signum(String.valueOf(a).compareTo(String.valueOf(b)));
  }

  /** Tells whether {@code packaging.version.Version(version)} would accept {@code version}. */
  public static boolean isValid(String version) {
    return Key.parse(version) != null;
  }

  /**
   * Holds the parts of a version that ordering looks at, normalised.
   *
   * @param epoch the epoch, digits
   * @param release release numbers, trailing zeros removed
   * @param preRank -1 for a dev-only release (before any pre-release), 0 to 2 for a, b, rc, 3 for
   *     none
   * @param preNumber the pre-release number, "0" if none
   * @param post the post-release number, or null
   * @param dev the dev-release number, or null
   * @param local the local segments, lower case, or null
   */
  private record Key(
      String epoch,
      List<String> release,
      int preRank,
      String preNumber,
      String post,
      String dev,
      List<String> local) {

    static Key parse(String s) {
      if (s == null || s.length() > MAX_LENGTH) {
        return null;
      }
      Matcher m = VERSION.matcher(s);
      if (!m.matches()) {
        return null;
      }
      List<String> release = new ArrayList<>(List.of(m.group("release").split("\\.")));
      while (release.size() > 1 && isZero(release.get(release.size() - 1))) {
        release.remove(release.size() - 1);
      }
      if (release.size() == 1 && isZero(release.get(0))) {
        release.clear();
      }
      String post =
          m.group("post") == null
              ? null
              : orZero(m.group("postn1") != null ? m.group("postn1") : m.group("postn2"));
      String dev = m.group("dev") == null ? null : orZero(m.group("devn"));
      int preRank = 3;
      String preNumber = "0";
      if (m.group("pre") != null) {
        String l = m.group("prel").toLowerCase(Locale.ROOT);
        preRank = l.startsWith("a") ? 0 : l.startsWith("b") ? 1 : 2;
        preNumber = orZero(m.group("pren"));
      } else if (post == null && dev != null) {
        preRank = -1;
      }
      List<String> local =
          m.group("local") == null
              ? null
              : List.of(m.group("local").toLowerCase(Locale.ROOT).split("[-_.]"));
      return new Key(
          orZero(m.group("epoch")), List.copyOf(release), preRank, preNumber, post, dev, local);
    }

    int compareTo(Key o) {
      int c = num(epoch, o.epoch);
      for (int i = 0; c == 0 && i < Math.max(release.size(), o.release.size()); i++) {
        c =
            num(
                i < release.size() ? release.get(i) : "0",
                i < o.release.size() ? o.release.get(i) : "0");
      }
      if (c == 0) {
        c = Integer.compare(preRank, o.preRank);
      }
      if (c == 0 && preRank >= 0 && preRank < 3) {
        c = num(preNumber, o.preNumber);
      }
      if (c == 0) {
        c = optional(post, o.post, -1);
      }
      if (c == 0) {
        c = optional(dev, o.dev, 1);
      }
      if (c == 0) {
        c = compareLocal(local, o.local);
      }
      return c;
    }

    /** Compares optional numbers; a missing one sorts {@code missing} (-1 first, 1 last). */
    private static int optional(String a, String b, int missing) {
      if (a == null || b == null) {
        return a == null && b == null ? 0 : a == null ? missing : -missing;
      }
      return num(a, b);
    }

    private static int compareLocal(List<String> a, List<String> b) {
      if (a == null || b == null) {
        return a == null && b == null ? 0 : a == null ? -1 : 1;
      }
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        String x = a.get(i);
        String y = b.get(i);
        boolean xn = isNumeric(x);
        boolean yn = isNumeric(y);
        int c = xn && yn ? num(x, y) : xn != yn ? (xn ? 1 : -1) : Integer.signum(x.compareTo(y));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.size(), b.size());
    }
  }

  private static int num(String a, String b) {
    return Digits.compareNumeric(a, 0, a.length(), b, 0, b.length());
  }

  private static String orZero(String n) {
    return n == null ? "0" : n;
  }

  private static boolean isZero(String n) {
    return num(n, "0") == 0;
  }

  private static boolean isNumeric(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Digits.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return !s.isEmpty();
  }
}
