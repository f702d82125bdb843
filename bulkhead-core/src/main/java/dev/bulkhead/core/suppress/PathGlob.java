package dev.bulkhead.core.suppress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Holds an ignore-file path glob compiled once: {@code **}{@code /} matches any number of whole
 * segments (none too, so {@code **}{@code /x} matches a top-level {@code x}), another {@code **}
 * anything, {@code *} anything but '/', {@code ?} one character but '/'. Matching simulates the
 * glob as an automaton, so it takes time proportional to path length times glob length whatever the
 * glob (a regular expression backtracks polynomially on globs like {@code **}{@code /*}{@code
 * /**}).
 */
public final class PathGlob {
  private static final int LITERAL = 0;
  private static final int ONE = 1; // ?
  private static final int STAR = 2; // *
  private static final int ANY = 3; // **
  private static final int SEGMENTS = 4; // **/

  private final String glob;
  private final int[] kinds;
  private final char[] chars;

  private PathGlob(String glob, int[] kinds, char[] chars) {
    this.glob = glob;
    this.kinds = kinds;
    this.chars = chars;
  }

  /** Compiles a glob; a leading '/' is ignored. */
  public static PathGlob compile(String glob) {
    String g = glob.startsWith("/") ? glob.substring(1) : glob;
    List<Integer> kinds = new ArrayList<>();
    StringBuilder chars = new StringBuilder();
    for (int i = 0; i < g.length(); i++) {
      char c = g.charAt(i);
      int kind;
      if (g.startsWith("**/", i)) {
        kind = SEGMENTS;
        i += 2;
      } else if (g.startsWith("**", i)) {
        kind = ANY;
        i++;
      } else if (c == '*') {
        kind = STAR;
      } else if (c == '?') {
        kind = ONE;
      } else {
        kind = LITERAL;
      }
      if (kind != LITERAL
          && kind != ONE
          && !kinds.isEmpty()
          && kinds.get(kinds.size() - 1) == kind) {
        continue; // a run of one wildcard matches what one does
      }
      kinds.add(kind);
      chars.append(c);
    }
    return new PathGlob(
        glob, kinds.stream().mapToInt(Integer::intValue).toArray(), chars.toString().toCharArray());
  }

  /** Tells whether the whole path matches; a leading '/' is ignored. */
  public boolean matches(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    int m = kinds.length;
    // cur[j]: the first j tokens matched the input so far; in[j]: token j is a "**/" that has
    // consumed part of a segment and may only end after a '/'.
    boolean[] cur = new boolean[m + 1];
    boolean[] in = new boolean[m + 1];
    boolean[] next = new boolean[m + 1];
    boolean[] nextIn = new boolean[m + 1];
    cur[0] = true;
    close(cur);
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      Arrays.fill(next, false);
      Arrays.fill(nextIn, false);
      boolean alive = false;
      for (int j = 0; j < m; j++) {
        if (kinds[j] == SEGMENTS && (cur[j] || in[j])) {
          nextIn[j] = true;
          next[j] |= c == '/';
          alive = true;
          continue;
        }
        if (!cur[j]) {
          continue;
        }
        switch (kinds[j]) {
          case LITERAL -> next[j + 1] |= chars[j] == c;
          case ONE -> next[j + 1] |= c != '/';
          case STAR -> next[j] |= c != '/';
          default -> next[j] = true; // ANY
        }
      }
      close(next);
      for (boolean b : next) {
        alive |= b;
      }
      if (!alive) {
        return false;
      }
      boolean[] t = cur;
      cur = next;
      next = t;
      t = in;
      in = nextIn;
      nextIn = t;
    }
    return cur[m];
  }

  /** Adds the states reachable without input: every wildcard may match nothing. */
  private void close(boolean[] states) {
    for (int j = 0; j < kinds.length; j++) {
      if (states[j] && kinds[j] >= STAR) {
        states[j + 1] = true;
      }
    }
  }

  /** Returns the glob as written. */
  @Override
  public String toString() {
    return glob;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PathGlob other && glob.equals(other.glob);
  }

  @Override
  public int hashCode() {
    return glob.hashCode();
  }
}
