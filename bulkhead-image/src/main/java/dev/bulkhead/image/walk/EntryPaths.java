package dev.bulkhead.image.walk;

import java.util.ArrayDeque;
import java.util.Deque;

/** Normalises layer entry paths and refuses those that escape the filesystem root. */
final class EntryPaths {
  private EntryPaths() {}

  /**
   * Returns {@code raw} relative to the root, without leading {@code ./} or {@code /}, without
   * {@code .} segments, empty segments or a trailing slash, with {@code ..} resolved; {@code ""}
   * for the root itself.
   *
   * @return the normalised path, or {@code null} when a {@code ..} climbs above the root or the
   *     name holds a NUL byte
   */
  static String normalise(String raw) {
    if (raw.indexOf('\0') >= 0) {
      return null;
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String segment : raw.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else {
        parts.addLast(segment);
      }
    }
    return String.join("/", parts);
  }

  /** Returns the parent of a normalised path, {@code ""} for a top-level name. */
  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** Returns the last segment of a normalised path. */
  static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Joins a normalised directory and a name. */
  static String join(String dir, String name) {
    return dir.isEmpty() ? name : dir + "/" + name;
  }
}
