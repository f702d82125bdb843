package dev.bulkhead.vulndb.version;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds two versions and the expected sign of comparing them.
 *
 * @param a the left version
 * @param b the right version
 * @param expected -1, 0 or 1
 */
record VersionPair(String a, String b, int expected) {

  /** Returns the operator that reads the expectation: {@code <}, {@code =} or {@code >}. */
  String op() {
    return expected < 0 ? "<" : expected == 0 ? "=" : ">";
  }

  @Override
  public String toString() {
    return a + " " + op() + " " + b;
  }

  /**
   * Reads "A op B" lines from a test resource beside this class; blank lines and {@code #} comments
   * are skipped.
   */
  static List<VersionPair> load(String resource) {
    InputStream in = VersionPair.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + resource);
    }
    List<VersionPair> pairs = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        String[] f = t.split("\\s+");
        if (f.length != 3) {
          throw new IllegalStateException(resource + ":" + n + ": expected 'A op B': " + line);
        }
        int sign =
            switch (f[1]) {
              case "<" -> -1;
              case "=" -> 0;
              case ">" -> 1;
              default ->
                  throw new IllegalStateException(resource + ":" + n + ": bad operator " + f[1]);
            };
        pairs.add(new VersionPair(f[0], f[2], sign));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pairs;
  }
}
