package dev.bulkhead.runtime.profile;

/**
 * Normalises file paths into the patterns a profile learns, so per-process and per-instance names
 * do not look new each time: numeric components become {@code #} ({@code /proc/4242/stat} becomes
 * {@code /proc/#/stat}), long hexadecimal components become {@code #}, {@code /proc/self} and
 * {@code /proc/thread-self} stay. Relative paths keep their form (the sensor does not see the
 * working directory). Patterns are bounded in length and depth.
 */
public final class PathPatterns {
  /** Longest pattern kept; longer paths are cut at a component boundary and end in {@code /…}. */
  public static final int MAX_LENGTH = 200;

  private static final int MAX_DEPTH = 16;

  private PathPatterns() {}

  /** The pattern of {@code path}. */
  public static String of(String path) {
    if (path == null || path.isEmpty()) {
      return "(empty)";
    }
    StringBuilder b = new StringBuilder(Math.min(path.length(), MAX_LENGTH + 8));
    String[] parts = path.split("/", -1);
    int depth = 0;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (i > 0) {
        b.append('/');
      }
      if (part.isEmpty()) {
        continue;
      }
      if (++depth > MAX_DEPTH || b.length() + part.length() > MAX_LENGTH) {
        b.append('…');
        break;
      }
      b.append(variable(part) ? "#" : part);
    }
    return b.toString();
  }

  /** The directory part of a pattern ({@code /etc} for {@code /etc/passwd}), or "" for none. */
  public static String parent(String pattern) {
    int slash = pattern.lastIndexOf('/');
    if (slash < 0) {
      return "";
    }
    return slash == 0 ? "/" : pattern.substring(0, slash);
  }

  private static boolean variable(String part) {
    boolean digits = true;
    boolean hex = part.length() >= 12;
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c < '0' || c > '9') {
        digits = false;
      }
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        hex = false;
      }
    }
    return digits || hex;
  }
}
