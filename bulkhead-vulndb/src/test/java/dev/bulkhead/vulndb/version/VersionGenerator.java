package dev.bulkhead.vulndb.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Generates random but tricky version pairs from a seeded {@link Random}, so every run tests the
 * same pairs.
 *
 * <p>Most second versions are small edits of the first (a changed, inserted or deleted piece),
 * which makes ties, near misses and separator-only differences common; the rest are drawn
 * independently. Edits that the scheme's validity predicate rejects are drawn again.
 */
final class VersionGenerator {
  private static final String[] DIGITS = {
    "0",
    "00",
    "1",
    "01",
    "2",
    "9",
    "10",
    "010",
    "123",
    "007",
    "4294967296",
    "18446744073709551616",
    "99999999999999999999",
    "20240101"
  };
  private static final String[] WORDS = {
    "a", "b", "z", "A", "Z", "rc", "alpha", "beta", "git", "dfsg", "ubuntu", "deb", "el", "fc", "p"
  };

  private final Random random;

  VersionGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** Returns {@code count} dpkg version pairs that dpkg accepts without a warning. */
  List<String[]> dpkgPairs(int count) {
    return pairs(
        count,
        this::dpkgVersion,
        new String[] {".", "+", "~", "~~", "-", ":"},
        VersionGenerator::isCleanDpkg);
  }

  /**
   * Returns {@code count} rpm version pairs of printable ASCII without blanks, none starting with a
   * hyphen.
   */
  List<String[]> rpmPairs(int count) {
    return pairs(
        count,
        this::rpmVersion,
        new String[] {".", "_", "+", "~", "^", "-", ":", "~~", "^^"},
        s -> !s.isEmpty() && !s.startsWith("-") && s.chars().allMatch(c -> c > ' ' && c < 127));
  }

  /** Returns {@code count} apk version pairs, mostly valid, some invalid. */
  List<String[]> apkPairs(int count) {
    return pairs(
        count,
        this::apkVersion,
        new String[] {".", "_", "-r", "~", "_rc", "_p", "_alpha"},
        s -> true);
  }

  private interface Source {
    String next();
  }

  private List<String[]> pairs(int count, Source source, String[] symbols, Predicate<String> ok) {
    List<String[]> out = new ArrayList<>(count);
    while (out.size() < count) {
      String a = source.next();
      if (!ok.test(a)) {
        continue;
      }
      String b = null;
      if (random.nextInt(10) < 7) {
        for (int tries = 0; tries < 20 && b == null; tries++) {
          String m = mutate(a, symbols);
          if (random.nextInt(3) == 0) {
            m = mutate(m, symbols);
          }
          if (ok.test(m)) {
            b = m;
          }
        }
      }
      while (b == null) {
        String c = source.next();
        b = ok.test(c) ? c : null;
      }
      out.add(random.nextBoolean() ? new String[] {a, b} : new String[] {b, a});
    }
    return out;
  }

  private String mutate(String s, String[] symbols) {
    StringBuilder sb = new StringBuilder(s);
    int at = sb.length() == 0 ? 0 : random.nextInt(sb.length() + 1);
    switch (random.nextInt(7)) {
      case 0 -> sb.insert(at, pick(symbols));
      case 1 -> sb.insert(at, pick(DIGITS));
      case 2 -> sb.insert(at, pick(WORDS));
      case 3 -> {
        if (at < sb.length()) {
          sb.deleteCharAt(at);
        }
      }
      case 4 -> {
        if (at < sb.length()) {
          sb.setCharAt(at, (pick(symbols) + pick(WORDS) + pick(DIGITS)).charAt(random.nextInt(3)));
        }
      }
      case 5 -> {
        int i = sb.indexOf(".", at);
        sb.insert(i < 0 ? sb.length() : i + 1, '0');
      }
      default -> sb.append(pick(symbols)).append(random.nextBoolean() ? pick(DIGITS) : pick(WORDS));
    }
    return sb.toString();
  }

  private String dpkgVersion() {
    StringBuilder sb = new StringBuilder();
    boolean epoch = random.nextInt(4) == 0;
    if (epoch) {
      sb.append(pick("0", "1", "2", "00", "01", "10", "3")).append(':');
    }
    boolean revision = random.nextInt(3) > 0;
    sb.append(pick(DIGITS));
    int n = random.nextInt(6);
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(3);
      if (kind == 0) {
        sb.append(pick(DIGITS));
      } else if (kind == 1) {
        sb.append(pick(WORDS));
      } else {
        String sym = pick(".", "+", "~", "~~", ".", "-", ":");
        if ((sym.equals("-") && !revision) || (sym.equals(":") && !epoch)) {
          sym = ".";
        }
        sb.append(sym);
      }
    }
    if (revision) {
      sb.append('-');
      int m = 1 + random.nextInt(4);
      for (int i = 0; i < m; i++) {
        int kind = random.nextInt(3);
        sb.append(kind == 0 ? pick(DIGITS) : kind == 1 ? pick(WORDS) : pick(".", "+", "~"));
      }
    }
    return sb.toString();
  }

  private String rpmVersion() {
    StringBuilder sb = new StringBuilder();
    if (random.nextInt(4) == 0) {
      sb.append(pick("0", "1", "2", "00", "01", "10", "", "99999999999999999999")).append(':');
    }
    int n = 1 + random.nextInt(6);
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(3);
      sb.append(
          kind == 0
              ? pick(DIGITS)
              : kind == 1 ? pick(WORDS) : pick(".", "_", "+", "~", "^", ".", ".", "~~", "^~"));
    }
    if (random.nextInt(3) > 0) {
      sb.append('-');
      int m = random.nextInt(4);
      for (int i = 0; i < m; i++) {
        int kind = random.nextInt(3);
        sb.append(kind == 0 ? pick(DIGITS) : kind == 1 ? pick(WORDS) : pick(".", "_", "~", "^"));
      }
    }
    return sb.toString();
  }

  private String apkVersion() {
    StringBuilder sb = new StringBuilder(pick(DIGITS));
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      sb.append('.').append(pick(DIGITS));
    }
    if (random.nextInt(5) == 0) {
      sb.append(pick("a", "b", "c", "z"));
    }
    int s = random.nextInt(3);
    for (int i = 0; i < s; i++) {
      sb.append('_').append(pick("alpha", "beta", "pre", "rc", "cvs", "svn", "git", "hg", "p"));
      if (random.nextBoolean()) {
        sb.append(pick(DIGITS));
      }
    }
    if (random.nextInt(6) == 0) {
      sb.append('~').append(pick("a", "deadbeef", "0c1", "f00", "9"));
    }
    if (random.nextBoolean()) {
      sb.append("-r").append(pick(DIGITS));
    }
    return sb.toString();
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }

  /**
   * Tells whether dpkg parses {@code v} without an error or a warning (lib/dpkg/parsehelp.c:
   * numeric epoch below 2^31, non-empty upstream starting with a digit, non-empty revision, and
   * only the characters Debian Policy allows).
   */
  static boolean isCleanDpkg(String v) {
    if (v.isEmpty()) {
      return false;
    }
    String rest = v;
    int colon = v.indexOf(':');
    if (colon >= 0) {
      String epoch = v.substring(0, colon);
      if (epoch.isEmpty() || epoch.length() > 9 || !epoch.chars().allMatch(Character::isDigit)) {
        return false;
      }
      rest = v.substring(colon + 1);
    }
    int hyphen = rest.lastIndexOf('-');
    String upstream = hyphen < 0 ? rest : rest.substring(0, hyphen);
    String revision = hyphen < 0 ? "" : rest.substring(hyphen + 1);
    if (upstream.isEmpty() || (hyphen >= 0 && revision.isEmpty())) {
      return false;
    }
    if (!Digits.isDigit(upstream.charAt(0))) {
      return false;
    }
    for (int i = 0; i < upstream.length(); i++) {
      char c = upstream.charAt(i);
      if (!Digits.isDigit(c) && !Digits.isAlpha(c) && ".-+~:".indexOf(c) < 0) {
        return false;
      }
    }
    for (int i = 0; i < revision.length(); i++) {
      char c = revision.charAt(i);
      if (!Digits.isDigit(c) && !Digits.isAlpha(c) && ".+~".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }
}
