package dev.bulkhead.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Finds every occurrence of many keywords in one pass over bytes, ignoring ASCII case.
 *
 * <p>Builds the full deterministic automaton (a 256-entry transition row per state, failure links
 * folded in), so the scan loop is one table lookup per byte. Keywords are matched over bytes, not
 * characters: a non-ASCII keyword matches its UTF-8 encoding exactly. Immutable and thread-safe.
 * Shared by the secret rules and the malware rules.
 */
public final class AhoCorasick {
  /** Receives each keyword occurrence found by {@link #scan}. */
  @FunctionalInterface
  public interface Hits {
    /**
     * Receives one occurrence.
     *
     * @param keyword the keyword's index in the list given to {@link #of}
     * @param end the exclusive end offset of the occurrence in the buffer
     */
    void hit(int keyword, int end);
  }

  private static final byte[] FOLD = new byte[256];

  static {
    for (int i = 0; i < 256; i++) {
      FOLD[i] = (byte) (i >= 'A' && i <= 'Z' ? i + 32 : i);
    }
  }

  private final int[] next; // state * 256 + byte -> state
  private final int[][] outputs; // state -> keyword ids ending here (own and via failure links)
  private final int[] lengths;

  private AhoCorasick(int[] next, int[][] outputs, int[] lengths) {
    this.next = next;
    this.outputs = outputs;
    this.lengths = lengths;
  }

  /**
   * Builds an automaton for the keywords; keyword ids are their indexes in the list.
   *
   * @throws IllegalArgumentException if a keyword is empty
   */
  public static AhoCorasick of(List<String> keywords) {
    List<int[]> rows = new ArrayList<>();
    List<int[]> outs = new ArrayList<>();
    rows.add(newRow());
    outs.add(new int[0]);
    int[] lengths = new int[keywords.size()];
    for (int k = 0; k < keywords.size(); k++) {
      byte[] word = keywords.get(k).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
      if (word.length == 0) {
        throw new IllegalArgumentException("empty keyword");
      }
      lengths[k] = word.length;
      int state = 0;
      for (byte b : word) {
        int c = b & 0xff;
        if (rows.get(state)[c] < 0) {
          rows.get(state)[c] = rows.size();
          rows.add(newRow());
          outs.add(new int[0]);
        }
        state = rows.get(state)[c];
      }
      outs.set(state, append(outs.get(state), k));
    }
    int n = rows.size();
    int[] fail = new int[n];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    int[] root = rows.get(0);
    for (int c = 0; c < 256; c++) {
      if (root[c] < 0) {
        root[c] = 0;
      } else {
        fail[root[c]] = 0;
        queue.add(root[c]);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      int[] row = rows.get(s);
      outs.set(s, merge(outs.get(s), outs.get(fail[s])));
      for (int c = 0; c < 256; c++) {
        int t = row[c];
        if (t < 0) {
          row[c] = rows.get(fail[s])[c];
        } else {
          fail[t] = rows.get(fail[s])[c];
          queue.add(t);
        }
      }
    }
    int[] next = new int[n * 256];
    for (int s = 0; s < n; s++) {
      System.arraycopy(rows.get(s), 0, next, s * 256, 256);
    }
    // Upper-case ASCII input bytes follow the lower-case transitions.
    for (int s = 0; s < n; s++) {
      for (int c = 'A'; c <= 'Z'; c++) {
        next[s * 256 + c] = next[s * 256 + (FOLD[c] & 0xff)];
      }
    }
    return new AhoCorasick(next, outs.toArray(new int[0][]), lengths);
  }

  /** Reports every keyword occurrence in {@code buf[from, to)}, overlapping ones included. */
  public void scan(byte[] buf, int from, int to, Hits hits) {
    int[] table = next;
    int state = 0;
    for (int i = from; i < to; i++) {
      state = table[(state << 8) | (buf[i] & 0xff)];
      int[] out = outputs[state];
      if (out.length != 0) {
        for (int k : out) {
          hits.hit(k, i + 1);
        }
      }
    }
  }

  /** Returns the byte length of a keyword. */
  public int length(int keyword) {
    return lengths[keyword];
  }

  /** Returns the number of automaton states (for tests and sizing). */
  int states() {
    return outputs.length;
  }

  private static int[] newRow() {
    int[] row = new int[256];
    Arrays.fill(row, -1);
    return row;
  }

  private static int[] append(int[] a, int v) {
    int[] r = Arrays.copyOf(a, a.length + 1);
    r[a.length] = v;
    return r;
  }

  private static int[] merge(int[] own, int[] inherited) {
    if (inherited.length == 0) {
      return own;
    }
    int[] r = Arrays.copyOf(own, own.length + inherited.length);
    System.arraycopy(inherited, 0, r, own.length, inherited.length);
    return r;
  }
}
