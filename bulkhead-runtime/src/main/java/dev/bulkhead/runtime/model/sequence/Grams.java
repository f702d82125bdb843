package dev.bulkhead.runtime.model.sequence;

/**
 * Hashes system call n-grams to 64-bit keys. A key is built call by call from the most recent call
 * backwards, so the keys of all suffixes of a window come out of one pass.
 */
final class Grams {
  /** The key of the empty sequence. */
  static final long ROOT = 0x2545F4914F6CDD1DL;

  private Grams() {}

  /** Returns the key of {@code call} prepended to the sequence with key {@code key}. */
  static long extend(long key, int call) {
    long h = (key ^ (call + 0x9E3779B97F4A7C15L)) * 0xBF58476D1CE4E5B9L;
    h ^= h >>> 31;
    h *= 0x94D049BB133111EBL;
    return h ^ (h >>> 29);
  }

  /** Returns the key of a (context, next call) pair, distinct from any context key. */
  static long pair(long contextKey, int call) {
    return extend(contextKey ^ 0x5851F42D4C957F2DL, call ^ 0x40000000);
  }

  /** Returns the key of {@code calls[from..to)}, prepended from the end. */
  static long of(int[] calls, int from, int to) {
    long k = ROOT;
    for (int i = to - 1; i >= from; i--) {
      k = extend(k, calls[i]);
    }
    return k;
  }
}
