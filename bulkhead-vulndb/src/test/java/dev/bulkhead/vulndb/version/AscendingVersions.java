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
 * Reads a list of versions in ascending order from a test resource: one line per rank, versions of
 * equal rank on the same line separated by blanks; blank lines and {@code #} comments are skipped.
 */
final class AscendingVersions {
  private AscendingVersions() {}

  /** Returns the ranks of the list, lowest first. */
  static List<List<String>> load(String resource) {
    InputStream in = AscendingVersions.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + resource);
    }
    List<List<String>> ranks = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          ranks.add(List.of(t.split("\\s+")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ranks;
  }

  /** Returns every pair of versions in the list with the order the list implies. */
  static List<VersionPair> pairs(List<List<String>> ranks) {
    List<String> flat = new ArrayList<>();
    List<Integer> rank = new ArrayList<>();
    for (int i = 0; i < ranks.size(); i++) {
      for (String v : ranks.get(i)) {
        flat.add(v);
        rank.add(i);
      }
    }
    List<VersionPair> pairs = new ArrayList<>();
    for (int i = 0; i < flat.size(); i++) {
      for (int j = i; j < flat.size(); j++) {
        pairs.add(
            new VersionPair(flat.get(i), flat.get(j), Integer.compare(rank.get(i), rank.get(j))));
      }
    }
    return pairs;
  }

  /** Returns every version in the list. */
  static List<String> versions(List<List<String>> ranks) {
    List<String> all = new ArrayList<>();
    ranks.forEach(all::addAll);
    return all;
  }
}
