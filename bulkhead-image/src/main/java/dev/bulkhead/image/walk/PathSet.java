package dev.bulkhead.image.walk;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Remembers which paths one layer holds, and which of them are directories, as 62-bit hashes (about
 * 11 bytes per entry rather than the path strings), so content findings of lower layers can be
 * checked against it after the walk. The hashes are keyed with a per-walk random salt, so a crafted
 * layer cannot aim a collision at a path to pass a present file off as replaced.
 */
final class PathSet {
  private static final long DIRECTORY = 1;
  private static final long USED = 2;

  private final Hasher hasher;
  private long[] slots = new long[64];
  private int size;

  /** Hashes paths with one walk's salt; not thread-safe, as a walk is single-threaded. */
  static final class Hasher {
    private final byte[] salt = new byte[16];
    private final MessageDigest sha256;

    Hasher() {
      new java.security.SecureRandom().nextBytes(salt);
      sha256 = dev.bulkhead.core.digest.Digests.sha256();
    }

    long hash(String path) {
      sha256.update(salt);
      byte[] digest = sha256.digest(path.getBytes(StandardCharsets.UTF_8));
      return (ByteBuffer.wrap(digest).getLong() & ~3L) | USED;
    }
  }

  PathSet(Hasher hasher) {
    this.hasher = hasher;
  }

  /** Adds one entry. */
  void add(String path, boolean directory) {
    long key = hasher.hash(path) | (directory ? DIRECTORY : 0);
    if (find(key) >= 0) {
      return;
    }
    if ((size + 1) * 4L > slots.length * 3L) {
      grow();
    }
    insert(slots, key);
    size++;
  }

  /** Tells whether the layer holds an entry of any kind at {@code path}. */
  boolean contains(String path) {
    long key = hasher.hash(path);
    return find(key) >= 0 || find(key | DIRECTORY) >= 0;
  }

  /** Tells whether the layer holds a file, link or other non-directory at {@code path}. */
  boolean containsNonDirectory(String path) {
    return find(hasher.hash(path)) >= 0;
  }

  private int find(long key) {
    int mask = slots.length - 1;
    for (int i = spread(key) & mask; slots[i] != 0; i = (i + 1) & mask) {
      if (slots[i] == key) {
        return i;
      }
    }
    return -1;
  }

  private void grow() {
    long[] bigger = new long[slots.length * 2];
    for (long key : slots) {
      if (key != 0) {
        insert(bigger, key);
      }
    }
    slots = bigger;
  }

  private static void insert(long[] table, long key) {
    int mask = table.length - 1;
    int i = spread(key) & mask;
    while (table[i] != 0) {
      i = (i + 1) & mask;
    }
    table[i] = key;
  }

  private static int spread(long key) {
    return (int) (key >>> 32) ^ ((int) key >>> 2);
  }
}
