package dev.bulkhead.vulndb.version;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses and orders Semantic Versioning 2.0.0 versions, with the dialect switches that npm, Cargo
 * and Go need.
 *
 * <p>Precedence is semver.org's: major, minor and patch numerically (at any length), then a version
 * with a pre-release before the same version without one, then pre-release identifiers left to
 * right (numeric ones numerically and before alphanumeric ones, which compare in ASCII order; a
 * shorter list before a longer one it prefixes). Build metadata is checked for syntax and ignored.
 *
 * @param major the major number, digits only
 * @param minor the minor number, digits only
 * @param patch the patch number, digits only
 * @param pre the pre-release identifiers, empty for a release
 */
record SemVer(String major, String minor, String patch, List<String> pre) {

  /** Longest version accepted, as node-semver's {@code MAX_LENGTH}. */
  static final int MAX_LENGTH = 256;

  /**
   * Chooses how lenient the parser is.
   *
   * @param vPrefix 0: no prefix; 1: leading {@code v}s and {@code =}s tolerated (npm's {@code
   *     clean}); 2: one {@code v} required (Go)
   * @param shortForms whether {@code 1} and {@code 1.2} stand for {@code 1.0.0} and {@code 1.2.0}
   *     when they have no pre-release or build (Go)
   * @param trim whether surrounding blanks are ignored (npm)
   */
  record Dialect(int vPrefix, boolean shortForms, boolean trim) {}

  static final Dialect NPM = new Dialect(1, false, true);
  static final Dialect CARGO = new Dialect(0, false, false);
  static final Dialect GO = new Dialect(2, true, false);

  /** Returns the parsed version, or null when {@code s} is not valid in the dialect. */
  static SemVer parse(String s, Dialect d) {
    if (s == null || s.length() > MAX_LENGTH) {
      return null;
    }
    String v = d.trim() ? s.strip() : s;
    int i = 0;
    if (d.vPrefix() == 1) {
      while (i < v.length() && (v.charAt(i) == 'v' || v.charAt(i) == '=')) {
        i++;
      }
    } else if (d.vPrefix() == 2) {
      if (!v.startsWith("v")) {
        return null;
      }
      i = 1;
    }
    int plus = v.indexOf('+', i);
    int hyphen = v.indexOf('-', i);
    if (plus >= 0 && hyphen > plus) {
      hyphen = -1;
    }
    int coreEnd = hyphen >= 0 ? hyphen : plus >= 0 ? plus : v.length();
    String[] nums = v.substring(i, coreEnd).split("\\.", -1);
    boolean shortForm = nums.length < 3 && d.shortForms() && coreEnd == v.length();
    if (nums.length > 3 || (nums.length < 3 && !shortForm)) {
      return null;
    }
    for (String n : nums) {
      if (!isNumber(n)) {
        return null;
      }
    }
    List<String> pre = List.of();
    if (hyphen >= 0) {
      pre = identifiers(v.substring(hyphen + 1, plus >= 0 ? plus : v.length()), true);
      if (pre == null) {
        return null;
      }
    }
    if (plus >= 0 && identifiers(v.substring(plus + 1), false) == null) {
      return null;
    }
    return new SemVer(
        nums[0], nums.length > 1 ? nums[1] : "0", nums.length > 2 ? nums[2] : "0", pre);
  }

  /** Orders two parsed versions by semver precedence. */
  int compareTo(SemVer o) {
    int c = num(major, o.major);
    if (c == 0) {
      c = num(minor, o.minor);
    }
    if (c == 0) {
      c = num(patch, o.patch);
    }
    if (c != 0) {
      return c;
    }
    if (pre.isEmpty() || o.pre.isEmpty()) {
      return Boolean.compare(pre.isEmpty(), o.pre.isEmpty());
    }
    for (int k = 0; k < Math.min(pre.size(), o.pre.size()); k++) {
      String a = pre.get(k);
      String b = o.pre.get(k);
      boolean an = allDigits(a);
      boolean bn = allDigits(b);
      int r = an && bn ? num(a, b) : an != bn ? (an ? -1 : 1) : Integer.signum(a.compareTo(b));
      if (r != 0) {
        return r;
      }
    }
    return Integer.compare(pre.size(), o.pre.size());
  }

  /**
   * Compares two version strings; a version the dialect rejects sorts before every valid one, and
   * two rejected versions compare as strings, so the order stays total.
   */
  static int compare(String a, String b, Dialect d) {
    SemVer va = parse(a, d);
    SemVer vb = parse(b, d);
    if (va != null && vb != null) {
      return va.compareTo(vb);
    }
    if (va != null || vb != null) {
      return va == null ? -1 : 1;
    }
    return Integer.signum(String.valueOf(a).compareTo(String.valueOf(b)));
  }

  private static int num(String a, String b) {
    return Digits.compareNumeric(a, 0, a.length(), b, 0, b.length());
  }

  private static boolean isNumber(String n) {
    return allDigits(n) && (n.length() == 1 || n.charAt(0) != '0');
  }

  private static boolean allDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (!Digits.isDigit(s.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** Splits dot-separated identifiers, or returns null when one is empty or malformed. */
  private static List<String> identifiers(String s, boolean noLeadingZeros) {
    List<String> ids = new ArrayList<>();
    for (String id : s.split("\\.", -1)) {
      if (id.isEmpty()) {
        return null;
      }
      for (int k = 0; k < id.length(); k++) {
        char c = id.charAt(k);
        if (!Digits.isDigit(c) && !Digits.isAlpha(c) && c != '-') {
          return null;
        }
      }
      if (noLeadingZeros && allDigits(id) && !isNumber(id)) {
        return null;
      }
      ids.add(id);
    }
    return List.copyOf(ids);
  }
}
