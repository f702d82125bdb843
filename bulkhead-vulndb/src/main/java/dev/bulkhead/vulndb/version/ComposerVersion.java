package dev.bulkhead.vulndb.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Orders Composer (Packagist) versions as Composer compares normalised versions with PHP's {@code
 * version_compare}: a leading {@code v} is dropped, the numeric part is padded to four numbers
 * ({@code 1.2} is {@code 1.2.0.0}), and the rest is split into parts at {@code . - _ +} and at
 * every change between digits and letters. Parts compare numbers by value and words by rank: any
 * other word &lt; {@code dev} &lt; {@code alpha}/{@code a} &lt; {@code beta}/{@code b} &lt; {@code
 * RC}/{@code rc} &lt; a number &lt; {@code patch}/{@code pl}/{@code p}; a stable version (no
 * suffix) sits where a number would, so {@code 1.0.0-RC1 < 1.0.0 < 1.0.0-p1}.
 */
public final class ComposerVersion implements VersionScheme {
  private static final int NUMBER = 5;

  @Override
  public String id() {
    return "composer";
  }

  @Override
  public int compare(String a, String b) {
    List<String> pa = parts(a);
    List<String> pb = parts(b);
    int n = Math.max(pa.size(), pb.size());
    for (int i = 0; i < n; i++) {
      // A missing part after the numbers is the stable release, ranked as a number.
      String x = i < pa.size() ? pa.get(i) : "#";
      String y = i < pb.size() ? pb.get(i) : "#";
      int c = comparePart(x, y);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static List<String> parts(String v) {
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    String s = v.strip().toLowerCase(Locale.ROOT);
    if (s.length() > 256) {
      s = s.substring(0, 256);
    }
    if (s.startsWith("v") && s.length() > 1 && Digits.isDigit(s.charAt(1))) {
      s = s.substring(1);
    }
    int i = 0;
    int numbers = 0;
    // The leading dotted numbers, padded to four.
    while (i < s.length() && Digits.isDigit(s.charAt(i)) && numbers < 4) {
      int start = i;
      while (i < s.length() && Digits.isDigit(s.charAt(i))) {
        i++;
      }
      out.add(s.substring(start, i));
      numbers++;
      if (i < s.length()
          && s.charAt(i) == '.'
          && i + 1 < s.length()
          && Digits.isDigit(s.charAt(i + 1))) {
        i++;
      } else {
        break;
      }
    }
    while (numbers < 4 && numbers > 0) {
      out.add("0");
      numbers++;
    }
    // The suffix, split at separators and digit/letter changes.
    StringBuilder cur = new StringBuilder();
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.' || c == '-' || c == '_' || c == '+') {
        flush(cur, out);
        continue;
      }
      if (cur.length() > 0 && Digits.isDigit(c) != Digits.isDigit(cur.charAt(cur.length() - 1))) {
        flush(cur, out);
      }
      cur.append(c);
    }
    flush(cur, out);
    return out;
  }

  private static void flush(StringBuilder cur, List<String> out) {
    if (cur.length() > 0) {
      out.add(cur.toString());
      cur.setLength(0);
    }
  }

  private static int rank(String part) {
    if (part.equals("#") || Digits.isDigit(part.charAt(0))) {
      return NUMBER;
    }
    switch (part) {
      case "dev":
        return 1;
      case "alpha":
      case "a":
        return 2;
      case "beta":
      case "b":
        return 3;
      case "rc":
        return 4;
      case "patch":
      case "pl":
      case "p":
        return 6;
      default:
        return 0;
    }
  }

  private static int comparePart(String x, String y) {
    boolean nx = Digits.isDigit(x.charAt(0));
    boolean ny = Digits.isDigit(y.charAt(0));
    if (nx && ny) {
      return Digits.compareNumeric(x, 0, x.length(), y, 0, y.length());
    }
    if (nx != ny && (x.equals("#") || y.equals("#"))) {
      // The stable release against a further number: 1.0.0.0 < 1.0.0.0.1.
      return x.equals("#") ? -1 : 1;
    }
    int c = Integer.compare(rank(x), rank(y));
    if (c != 0 || rank(x) != 0) {
      return c;
    }
    return x.compareTo(y);
  }
}
