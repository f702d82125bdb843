package dev.bulkhead.vulndb.version;

/**
 * Orders RPM versions ({@code [epoch:]version[-release]}) as rpm does.
 *
 * <p>Segments compare with rpm's {@code rpmvercmp}: runs of ASCII letters or digits, anything else
 * a separator; {@code ~} sorts before everything, {@code ^} sorts after the end but before any
 * other segment; a numeric segment is newer than an alphabetic one; numbers compare at any length
 * with leading zeros ignored. The epoch (0 when missing) compares first, then the version.
 *
 * <p>The release compares only when both sides have a non-empty one, as rpm's {@code rpmverOverlap}
 * does when it matches a dependency range: an advisory saying "fixed in 1.2" then covers every
 * release of 1.2. rpm's own {@code rpmverCmp} (and so {@code rpm.vercmp} in Lua) instead orders a
 * missing release before any present one; {@link #compareStrict} does that.
 */
public final class RpmVersion implements VersionScheme {

  @Override
  public String id() {
    return "rpm";
  }

  @Override
  public int compare(String a, String b) {
    return compareEvr(a, b, false);
  }

  /**
   * Compares like {@link #compare} except that a missing release sorts before a present one, as
   * rpm's {@code rpmverCmp} ({@code rpm.vercmp}) does.
   */
  public int compareStrict(String a, String b) {
    return compareEvr(a, b, true);
  }

  private static int compareEvr(String a, String b, boolean strictRelease) {
    String x = a == null ? "" : a;
    String y = b == null ? "" : b;
    int xd = digitsEnd(x);
    int yd = digitsEnd(y);
    boolean xEpoch = xd < x.length() && x.charAt(xd) == ':';
    boolean yEpoch = yd < y.length() && y.charAt(yd) == ':';
    int r = Digits.compareNumeric(x, 0, xEpoch ? xd : 0, y, 0, yEpoch ? yd : 0);
    if (r != 0) {
      return r;
    }
    int xv = xEpoch ? xd + 1 : 0;
    int yv = yEpoch ? yd + 1 : 0;
    int xh = x.lastIndexOf('-');
    int yh = y.lastIndexOf('-');
    if (xh < xd) {
      xh = -1;
    }
    if (yh < yd) {
      yh = -1;
    }
    r = rpmvercmp(x, xv, xh < 0 ? x.length() : xh, y, yv, yh < 0 ? y.length() : yh);
    if (r != 0) {
      return r;
    }
    if (strictRelease) {
      if (xh < 0 || yh < 0) {
        return xh < 0 ? (yh < 0 ? 0 : -1) : 1;
      }
    } else if (xh < 0 || yh < 0 || xh == x.length() - 1 || yh == y.length() - 1) {
      return 0;
    }
    return rpmvercmp(x, xh + 1, x.length(), y, yh + 1, y.length());
  }

  private static int digitsEnd(String s) {
    int i = 0;
    while (i < s.length() && Digits.isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * Compares two version or release strings as rpm's {@code rpmvercmp} does.
   *
   * @return -1, 0 or 1
   */
  public static int rpmvercmp(String a, String b) {
    return rpmvercmp(a, 0, a.length(), b, 0, b.length());
  }

  static int rpmvercmp(String a, int one, int ae, String b, int two, int be) {
    if (ae - one == be - two && a.regionMatches(one, b, two, ae - one)) {
      return 0;
    }
    while (one < ae || two < be) {
      while (one < ae && isSeparator(a.charAt(one))) {
        one++;
      }
      while (two < be && isSeparator(b.charAt(two))) {
        two++;
      }
      boolean aTilde = one < ae && a.charAt(one) == '~';
      boolean bTilde = two < be && b.charAt(two) == '~';
      if (aTilde || bTilde) {
        if (!aTilde) {
          return 1;
        }
        if (!bTilde) {
          return -1;
        }
        one++;
        two++;
        continue;
      }
      boolean aCaret = one < ae && a.charAt(one) == '^';
      boolean bCaret = two < be && b.charAt(two) == '^';
      if (aCaret || bCaret) {
        if (one >= ae) {
          return -1;
        }
        if (two >= be) {
          return 1;
        }
        if (!aCaret) {
          return 1;
        }
        if (!bCaret) {
          return -1;
        }
        one++;
        two++;
        continue;
      }
      if (one >= ae || two >= be) {
        break;
      }
      int str1 = one;
      int str2 = two;
      boolean isnum = Digits.isDigit(a.charAt(one));
      if (isnum) {
        while (str1 < ae && Digits.isDigit(a.charAt(str1))) {
          str1++;
        }
        while (str2 < be && Digits.isDigit(b.charAt(str2))) {
          str2++;
        }
      } else {
        while (str1 < ae && Digits.isAlpha(a.charAt(str1))) {
          str1++;
        }
        while (str2 < be && Digits.isAlpha(b.charAt(str2))) {
          str2++;
        }
      }
      if (two == str2) {
        // Segments of different kinds: a number is newer than letters.
        return isnum ? 1 : -1;
      }
      int rc =
          isnum
              ? Digits.compareNumeric(a, one, str1, b, two, str2)
              : Digits.compareRaw(a, one, str1, b, two, str2);
      if (rc != 0) {
        return rc < 0 ? -1 : 1;
      }
      one = str1;
      two = str2;
    }
    if (one >= ae && two >= be) {
      return 0;
    }
    return one >= ae ? -1 : 1;
  }

  private static boolean isSeparator(char c) {
    return !Digits.isDigit(c) && !Digits.isAlpha(c) && c != '~' && c != '^';
  }
}
