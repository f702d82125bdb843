package dev.bulkhead.vulndb.version;

/**
 * Orders Alpine package versions as apk-tools does.
 *
 * <p>The grammar is {@code digit{.digit}...{letter}{_suffix{number}}...{~hash}{-rN}} (apk-tools'
 * {@code src/version.c}). Versions are compared token by token: the first number and suffix,
 * revision numbers compare numerically; a later dot-separated number compares as a string when
 * either side has a leading zero (so {@code 1.02 < 1.1}), otherwise numerically; the letter, the
 * suffix rank ({@code _alpha < _beta < _pre < _rc < (none) < _cvs < _svn < _git < _hg < _p}) and
 * the commit hash (as a string) follow. When one version runs out of tokens first, the longer one
 * is newer unless its next token is a pre-release suffix. An invalid version compares the way
 * apk-tools compares it: up to the first invalid token, which then sorts before the end.
 *
 * <p>One deliberate deviation: apk parses numbers into a 64-bit integer that wraps; numbers here
 * compare exactly at any length.
 */
public final class ApkVersion implements VersionScheme {

  static final int INITIAL_DIGIT = 0;
  static final int DIGIT = 1;
  static final int LETTER = 2;
  static final int SUFFIX = 3;
  static final int SUFFIX_NO = 4;
  static final int COMMIT_HASH = 5;
  static final int REVISION_NO = 6;
  static final int END = 7;
  static final int INVALID = 8;

  /** Suffix ranks; {@link #SUFFIX_NONE} is the pivot between pre- and post-release suffixes. */
  static final int SUFFIX_INVALID = 0;

  static final int SUFFIX_NONE = 5;
  private static final String[] SUFFIXES = {
    "", "alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p"
  };

  @Override
  public String id() {
    return "apk";
  }

  @Override
  public int compare(String a, String b) {
    Tokenizer ta = new Tokenizer(a == null ? "" : a);
    Tokenizer tb = new Tokenizer(b == null ? "" : b);
    while (ta.token == tb.token && ta.token < END) {
      int r = ta.compareToken(tb);
      if (r != 0) {
        return r;
      }
      ta.next();
      tb.next();
    }
    if (ta.token == tb.token) {
      return 0;
    }
    if (ta.token == SUFFIX && ta.suffix < SUFFIX_NONE) {
      return -1;
    }
    if (tb.token == SUFFIX && tb.suffix < SUFFIX_NONE) {
      return 1;
    }
    return ta.token > tb.token ? -1 : 1;
  }

  /** Tells whether apk-tools would accept {@code version} as a valid version. */
  public static boolean isValid(String version) {
    Tokenizer t = new Tokenizer(version);
    while (t.token < END) {
      t.next();
    }
    return t.token == END;
  }

  /** Walks the tokens of one version string; the current token's text is s[start, end). */
  private static final class Tokenizer {
    private final String s;
    private int pos;
    int token;
    int suffix;
    private int start;
    private int end;

    Tokenizer(String s) {
      this.s = s;
      token = INITIAL_DIGIT;
      parseDigits();
    }

    private void parseDigits() {
      start = pos;
      while (pos < s.length() && Digits.isDigit(s.charAt(pos))) {
        pos++;
      }
      end = pos;
      if (start == end) {
        token = INVALID;
      }
    }

    void next() {
      if (pos >= s.length()) {
        token = END;
        return;
      }
      char c = s.charAt(pos);
      if (c >= 'a' && c <= 'z') {
        if (token > DIGIT) {
          token = INVALID;
          return;
        }
        start = pos;
        end = ++pos;
        token = LETTER;
      } else if (c == '.' || Digits.isDigit(c)) {
        if (c == '.') {
          if (token > DIGIT) {
            token = INVALID;
            return;
          }
          pos++;
        }
        if (token == INITIAL_DIGIT || token == DIGIT) {
          token = DIGIT;
        } else if (token == SUFFIX) {
          token = SUFFIX_NO;
        } else {
          token = INVALID;
          return;
        }
        parseDigits();
      } else if (c == '_') {
        if (token > SUFFIX_NO) {
          token = INVALID;
          return;
        }
        start = ++pos;
        while (pos < s.length() && s.charAt(pos) >= 'a' && s.charAt(pos) <= 'z') {
          pos++;
        }
        end = pos;
        suffix = suffixValue(s, start, end);
        token = suffix == SUFFIX_INVALID ? INVALID : SUFFIX;
      } else if (c == '~') {
        if (token >= COMMIT_HASH) {
          token = INVALID;
          return;
        }
        start = ++pos;
        while (pos < s.length() && isHex(s.charAt(pos))) {
          pos++;
        }
        end = pos;
        token = start == end ? INVALID : COMMIT_HASH;
      } else if (c == '-') {
        if (token >= REVISION_NO || pos + 1 >= s.length() || s.charAt(pos + 1) != 'r') {
          token = INVALID;
          return;
        }
        pos += 2;
        token = REVISION_NO;
        parseDigits();
      } else {
        token = INVALID;
      }
    }

    /** Compares this token with another of the same type. */
    int compareToken(Tokenizer o) {
      return switch (token) {
        case DIGIT ->
            s.charAt(start) == '0' || o.s.charAt(o.start) == '0'
                ? Integer.signum(Digits.compareRaw(s, start, end, o.s, o.start, o.end))
                : Digits.compareNumeric(s, start, end, o.s, o.start, o.end);
        case INITIAL_DIGIT, SUFFIX_NO, REVISION_NO ->
            Digits.compareNumeric(s, start, end, o.s, o.start, o.end);
        case LETTER -> Integer.signum(s.charAt(start) - o.s.charAt(o.start));
        case SUFFIX -> Integer.compare(suffix, o.suffix);
        default -> Integer.signum(Digits.compareRaw(s, start, end, o.s, o.start, o.end));
      };
    }
  }

  private static int suffixValue(String s, int start, int end) {
    for (int i = 1; i < SUFFIXES.length; i++) {
      String name = SUFFIXES[i];
      if (i != SUFFIX_NONE
          && name.length() == end - start
          && s.regionMatches(start, name, 0, name.length())) {
        return i;
      }
    }
    return SUFFIX_INVALID;
  }

  private static boolean isHex(char c) {
    return Digits.isDigit(c) || (c >= 'a' && c <= 'f');
  }
}
