package dev.bulkhead.vulndb.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates random but tricky language-ecosystem versions from a seeded {@link Random}, so every
 * run tests the same ones. Pieces come from small alphabets, so ties, near misses and alternative
 * spellings of one version are common; a few versions are broken on purpose.
 */
final class LanguageVersionGenerator {
  private static final String[] NUMS = {"0", "1", "2", "9", "10", "11", "123", "20191109021931"};
  private static final String[] IDS = {
    "0", "1", "2", "10", "alpha", "beta", "rc", "a", "b", "A", "x-y", "pre", "1a", "0a", "-", "z"
  };
  private static final String[] PEP_PRE = {"a", "b", "rc", "c", "alpha", "beta", "pre", "preview"};
  private static final String[] PEP_POST = {"post", "rev", "r"};
  private static final String[] SEPS = {"", ".", "-", "_"};
  private static final String[] LOCAL = {"0", "1", "10", "abc", "ubuntu", "a1", "01", "deb"};
  private static final String[] GEM_PARTS = {"0", "1", "2", "10", "a", "b", "rc", "pre", "x", "a1"};

  private final Random random;

  LanguageVersionGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** Returns {@code count} pairs from {@code pool}, half of them of neighbours in the pool. */
  List<String[]> pairs(List<String> pool, int count) {
    List<String[]> pairs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int a = random.nextInt(pool.size());
      int b = random.nextBoolean() ? random.nextInt(pool.size()) : (a + 1) % pool.size();
      pairs.add(new String[] {pool.get(a), pool.get(b)});
    }
    return pairs;
  }

  /** Returns {@code count} semver-like versions; {@code prefix} is put before some of them. */
  List<String> semver(int count, String prefix) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder s = new StringBuilder();
      if (random.nextInt(4) == 0) {
        s.append(prefix);
      }
      s.append(pick(NUMS)).append('.').append(pick(NUMS)).append('.').append(pick(NUMS));
      if (random.nextInt(3) > 0) {
        s.append('-').append(idList());
      }
      if (random.nextInt(5) == 0) {
        s.append('+').append(idList());
      }
      out.add(random.nextInt(15) == 0 ? breakIt(s.toString()) : s.toString());
    }
    return out;
  }

  /** Returns {@code count} PEP 440 versions in many spellings. */
  List<String> pep440(int count) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder s = new StringBuilder();
      if (random.nextInt(10) == 0) {
        s.append(random.nextBoolean() ? "v" : "V");
      }
      if (random.nextInt(8) == 0) {
        s.append(pick(NUMS)).append('!');
      }
      int parts = 1 + random.nextInt(4);
      for (int p = 0; p < parts; p++) {
        s.append(p > 0 ? "." : "").append(random.nextInt(4) == 0 ? "0" : pick(NUMS));
      }
      if (random.nextBoolean()) {
        s.append(pick(SEPS)).append(cased(pick(PEP_PRE))).append(pick(SEPS));
        s.append(random.nextInt(4) == 0 ? "" : pick(NUMS));
      }
      if (random.nextInt(3) == 0) {
        if (random.nextInt(4) == 0) {
          s.append('-').append(pick(NUMS));
        } else {
          s.append(pick(SEPS)).append(cased(pick(PEP_POST))).append(pick(SEPS));
          s.append(random.nextInt(4) == 0 ? "" : pick(NUMS));
        }
      }
      if (random.nextInt(3) == 0) {
        s.append(pick(SEPS)).append(cased("dev")).append(random.nextInt(4) == 0 ? "" : pick(NUMS));
      }
      if (random.nextInt(4) == 0) {
        s.append('+').append(pick(LOCAL));
        for (int k = random.nextInt(3); k > 0; k--) {
          s.append(pick(new String[] {".", "-", "_"})).append(pick(LOCAL));
        }
      }
      out.add(random.nextInt(20) == 0 ? breakIt(s.toString()) : s.toString());
    }
    return out;
  }

  /** Returns {@code count} RubyGems versions. */
  List<String> gem(int count) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder s = new StringBuilder(pick(NUMS));
      for (int k = random.nextInt(4); k > 0; k--) {
        s.append('.').append(random.nextInt(3) == 0 ? pick(GEM_PARTS) : pick(NUMS));
      }
      if (random.nextInt(5) == 0) {
        s.append('-').append(pick(GEM_PARTS));
      }
      out.add(random.nextInt(20) == 0 ? breakIt(s.toString()) : s.toString());
    }
    return out;
  }

  /**
   * Returns {@code count} Maven versions shaped as real ones are: dotted numbers, then optional
   * {@code -qualifier[N]} and {@code -N} parts ({@code 1.2-rc1}, {@code 1.0-alpha-2}). Shapes like
   * {@code 9.sp-rc.sp}, where ComparableVersion is not transitive, are left out.
   */
  List<String> maven(int count) {
    String[] qualifiers = {
      "alpha", "beta", "m", "rc", "cr", "SNAPSHOT", "ga", "final", "sp", "a", "b", "foo"
    };
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder s = new StringBuilder(pick(NUMS));
      for (int k = random.nextInt(4); k > 0; k--) {
        s.append('.').append(pick(NUMS));
      }
      if (random.nextBoolean()) {
        s.append(pick(new String[] {"-", ".", ""})).append(cased(pick(qualifiers)));
        s.append(random.nextBoolean() ? pick(NUMS) : "");
      }
      if (random.nextInt(4) == 0) {
        s.append('-').append(pick(NUMS));
      }
      out.add(s.toString());
    }
    return out;
  }

  private String idList() {
    StringBuilder s = new StringBuilder(pick(IDS));
    for (int k = random.nextInt(3); k > 0; k--) {
      s.append('.').append(pick(IDS));
    }
    return s.toString();
  }

  private String cased(String s) {
    return random.nextInt(6) == 0 ? s.toUpperCase(java.util.Locale.ROOT) : s;
  }

  /** Breaks a version: a leading zero, a doubled separator or a stray character. */
  private String breakIt(String s) {
    return switch (random.nextInt(4)) {
      case 0 -> "0" + s;
      case 1 -> s.replaceFirst("\\.", "..");
      case 2 -> s + "-";
      default -> s + "_!";
    };
  }

  private String pick(String[] from) {
    return from[random.nextInt(from.length)];
  }
}
