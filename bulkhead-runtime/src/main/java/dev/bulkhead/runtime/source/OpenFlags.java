package dev.bulkhead.runtime.source;

import java.util.Map;

/**
 * Turns the symbolic open flags that Falco ({@code evt.arg.flags}) and sysdig ({@code
 * flags=4097(O_RDONLY|O_CLOEXEC)}) print into Linux x86_64 {@code open(2)} flag bits.
 *
 * <p>Only the names count: the number sysdig prints before the parenthesis is its own {@code
 * PPM_O_*} encoding (O_RDONLY is 1 there), not the kernel's.
 */
final class OpenFlags {
  private static final Map<String, Integer> BITS =
      Map.ofEntries(
          Map.entry("O_RDONLY", 0),
          Map.entry("O_WRONLY", 0x1),
          Map.entry("O_RDWR", 0x2),
          Map.entry("O_CREAT", 0x40),
          Map.entry("O_EXCL", 0x80),
          Map.entry("O_NOCTTY", 0x100),
          Map.entry("O_TRUNC", 0x200),
          Map.entry("O_APPEND", 0x400),
          Map.entry("O_NONBLOCK", 0x800),
          Map.entry("O_DSYNC", 0x1000),
          Map.entry("O_DIRECT", 0x4000),
          Map.entry("O_LARGEFILE", 0x8000),
          Map.entry("O_DIRECTORY", 0x10000),
          Map.entry("O_NOFOLLOW", 0x20000),
          Map.entry("O_NOATIME", 0x40000),
          Map.entry("O_CLOEXEC", 0x80000),
          Map.entry("O_SYNC", 0x101000),
          Map.entry("O_PATH", 0x200000),
          Map.entry("O_TMPFILE", 0x410000));

  private OpenFlags() {}

  /**
   * Returns the Linux flag bits named in {@code text} ({@code O_A|O_B}, optionally after a number
   * and inside parentheses), or -1 when it names none.
   */
  static int parse(String text) {
    if (text == null) {
      return -1;
    }
    int open = text.indexOf('(');
    String names = text;
    if (open >= 0) {
      int close = text.indexOf(')', open);
      names = text.substring(open + 1, close < 0 ? text.length() : close);
    }
    int flags = 0;
    boolean any = false;
    for (String name : names.split("\\|", 32)) {
      Integer bit = BITS.get(name.trim());
      if (bit != null) {
        flags |= bit;
        any = true;
      }
    }
    return any ? flags : -1;
  }
}
