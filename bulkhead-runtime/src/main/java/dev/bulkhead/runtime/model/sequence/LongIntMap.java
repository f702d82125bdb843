package dev.bulkhead.runtime.model.sequence;

import java.util.Arrays;

/**
 * Counts by {@code long} key in open addressing, without boxing: the n-gram tables of the sequence
 * models. Key {@link #EMPTY} is reserved.
 */
final class LongIntMap {
  static final long EMPTY = 0L;

  private long[] keys;
  private int[] values;
  private int size;

  LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[cap];
    values = new int[cap];
  }

  int size() {
    return size;
  }

  /** Returns the count of {@code key}, 0 when absent. */
  int get(long key) {
    long k = key == EMPTY ? 1 : key;
    int mask = keys.length - 1;
    for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
      long at = keys[i];
      if (at == k) {
        return values[i];
      }
      if (at == EMPTY) {
        return 0;
      }
    }
  }

  /** Adds {@code delta} to the count of {@code key}; returns the new count. */
  int add(long key, int delta) {
    long k = key == EMPTY ? 1 : key;
    int mask = keys.length - 1;
    int i = mix(k) & mask;
    while (true) {
      long at = keys[i];
      if (at == k) {
        values[i] += delta;
        return values[i];
      }
      if (at == EMPTY) {
        keys[i] = k;
        values[i] = delta;
        if (++size * 2 > keys.length) {
          grow();
        }
        return delta;
      }
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        add(oldKeys[i], oldValues[i]);
      }
    }
  }

  /** Returns the keys and values side by side, in slot order. */
  long[] keys() {
    long[] out = new long[size];
    int j = 0;
    for (long k : keys) {
      if (k != EMPTY) {
        out[j++] = k;
      }
    }
    return out;
  }

  /** Returns the values in the order of {@link #keys()}. */
  int[] values() {
    int[] out = new int[size];
    int j = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        out[j++] = values[i];
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LongIntMap m) || m.size != size) {
      return false;
    }
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY && m.get(keys[i]) != values[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    long h = size;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        h += keys[i] * 31 + values[i];
      }
    }
    return Long.hashCode(h);
  }

  @Override
  public String toString() {
    return "LongIntMap[" + size + " keys " + Arrays.toString(Arrays.copyOf(keys(), 4)) + "...]";
  }

  private static int mix(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29) ^ (h >>> 47));
  }
}
