package dev.bulkhead.secrets;

/** Computes the Shannon entropy of a string in bits per character. */
final class Entropy {
  private Entropy() {}

  /** Returns the entropy of the characters of {@code s} (0 for an empty string). */
  static double shannon(CharSequence s) {
    int n = s.length();
    if (n == 0) {
      return 0;
    }
    int[] counts = new int[256];
    java.util.Map<Character, Integer> wide = null;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 256) {
        counts[c]++;
      } else {
        if (wide == null) {
          wide = new java.util.HashMap<>();
        }
        wide.merge(c, 1, Integer::sum);
      }
    }
    double h = 0;
    for (int c : counts) {
      h += term(c, n);
    }
    if (wide != null) {
      for (int c : wide.values()) {
        h += term(c, n);
      }
    }
    return h;
  }

  private static double term(int count, int n) {
    if (count == 0) {
      return 0;
    }
    double p = (double) count / n;
    return -p * Math.log(p) / Math.log(2);
  }
}
