package dev.bulkhead.vulndb.version;

/** Compares runs of ASCII characters inside strings without copying them. */
final class Digits {
  private Digits() {}

  /** Tells whether {@code c} is an ASCII digit. */
  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Tells whether {@code c} is an ASCII letter. */
  static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * Compares two runs of decimal digits by numeric value, at any length: leading zeros are skipped,
   * then the longer run wins, then the first differing digit decides.
   */
  static int compareNumeric(String a, int as, int ae, String b, int bs, int be) {
    while (as < ae && a.charAt(as) == '0') {
      as++;
    }
    while (bs < be && b.charAt(bs) == '0') {
      bs++;
    }
    int al = ae - as;
    int bl = be - bs;
    if (al != bl) {
      return al < bl ? -1 : 1;
    }
    for (int i = 0; i < al; i++) {
      char ca = a.charAt(as + i);
      char cb = b.charAt(bs + i);
      if (ca != cb) {
        return ca < cb ? -1 : 1;
      }
    }
    return 0;
  }

  /**
   * Compares two character ranges as C's {@code memcmp} then length would (a shorter prefix first).
   */
  static int compareRaw(String a, int as, int ae, String b, int bs, int be) {
    int al = ae - as;
    int bl = be - bs;
    int n = Math.min(al, bl);
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(as + i);
      char cb = b.charAt(bs + i);
      if (ca != cb) {
        return ca < cb ? -1 : 1;
      }
    }
    return Integer.compare(al, bl);
  }
}
