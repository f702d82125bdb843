package dev.bulkhead.vulndb.version;

/**
 * Orders Debian package versions as dpkg does ({@code [epoch:]upstream[-revision]}).
 *
 * <p>Follows Debian Policy 5.6.12 and dpkg's {@code verrevcmp}: the epoch compares as a number (0
 * when absent), the revision starts after the last hyphen, and upstream and revision compare as
 * alternating non-digit and digit parts. In non-digit parts {@code ~} sorts before everything, even
 * the end of the part, and letters sort before other characters; digit parts compare as numbers of
 * any length. Leading and trailing blanks are ignored as dpkg ignores them. Input that dpkg refuses
 * (a non-numeric epoch, say) still orders deterministically: an epoch that is not all digits is
 * taken as part of the upstream version. Non-ASCII characters compare by UTF-16 unit after all
 * ASCII non-letters, where dpkg compares bytes.
 */
public final class DpkgVersion implements VersionScheme {

  @Override
  public String id() {
    return "dpkg";
  }

  @Override
  public int compare(String a, String b) {
    String x = a == null ? "" : a;
    String y = b == null ? "" : b;
    int xs = skipBlanks(x);
    int xe = trimEnd(x, xs);
    int ys = skipBlanks(y);
    int ye = trimEnd(y, ys);

    int xc = epochColon(x, xs, xe);
    int yc = epochColon(y, ys, ye);
    int r = Digits.compareNumeric(x, xs, xc < 0 ? xs : xc, y, ys, yc < 0 ? ys : yc);
    if (r != 0) {
      return r;
    }
    int xv = xc < 0 ? xs : xc + 1;
    int yv = yc < 0 ? ys : yc + 1;
    int xh = x.lastIndexOf('-', xe - 1);
    int yh = y.lastIndexOf('-', ye - 1);
    if (xh < xv) {
      xh = -1;
    }
    if (yh < yv) {
      yh = -1;
    }
    r = verrevcmp(x, xv, xh < 0 ? xe : xh, y, yv, yh < 0 ? ye : yh);
    if (r != 0) {
      return r;
    }
    return verrevcmp(x, xh < 0 ? xe : xh + 1, xe, y, yh < 0 ? ye : yh + 1, ye);
  }

  /** Returns the index of the colon that ends an all-digit epoch, or -1 when there is none. */
  private static int epochColon(String s, int start, int end) {
    int colon = s.indexOf(':', start);
    if (colon < 0 || colon >= end || colon == start) {
      return -1;
    }
    for (int i = start; i < colon; i++) {
      if (!Digits.isDigit(s.charAt(i))) {
        return -1;
      }
    }
    return colon;
  }

  /**
   * Compares two upstream versions or two revisions as dpkg's {@code verrevcmp} does.
   *
   * @return negative, zero or positive
   */
  static int verrevcmp(String a, int ai, int ae, String b, int bi, int be) {
    while (ai < ae || bi < be) {
      while ((ai < ae && !Digits.isDigit(a.charAt(ai)))
          || (bi < be && !Digits.isDigit(b.charAt(bi)))) {
        int ac = ai < ae ? order(a.charAt(ai)) : 0;
        int bc = bi < be ? order(b.charAt(bi)) : 0;
        if (ac != bc) {
          return ac < bc ? -1 : 1;
        }
        ai++;
        bi++;
      }
      while (ai < ae && a.charAt(ai) == '0') {
        ai++;
      }
      while (bi < be && b.charAt(bi) == '0') {
        bi++;
      }
      int firstDiff = 0;
      while (ai < ae && bi < be && Digits.isDigit(a.charAt(ai)) && Digits.isDigit(b.charAt(bi))) {
        if (firstDiff == 0) {
          firstDiff = a.charAt(ai) - b.charAt(bi);
        }
        ai++;
        bi++;
      }
      if (ai < ae && Digits.isDigit(a.charAt(ai))) {
        return 1;
      }
      if (bi < be && Digits.isDigit(b.charAt(bi))) {
        return -1;
      }
      if (firstDiff != 0) {
        return firstDiff < 0 ? -1 : 1;
      }
    }
    return 0;
  }

  /** Weighs one non-digit character: {@code ~} lowest, then the end, letters, everything else. */
  private static int order(char c) {
    if (Digits.isDigit(c)) {
      return 0;
    }
    if (Digits.isAlpha(c)) {
      return c;
    }
    if (c == '~') {
      return -1;
    }
    return c + 256;
  }

  private static int skipBlanks(String s) {
    int i = 0;
    while (i < s.length() && isBlank(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int trimEnd(String s, int start) {
    int e = s.length();
    while (e > start && isBlank(s.charAt(e - 1))) {
      e--;
    }
    return e;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
