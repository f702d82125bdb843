package dev.bulkhead.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** Checks the comparator laws that every version scheme must keep. */
final class SchemeChecks {
  private SchemeChecks() {}

  /** Asserts each pair's sign, and the opposite sign with the sides swapped. */
  static void assertTable(VersionScheme scheme, List<VersionPair> pairs) {
    assertThat(pairs).isNotEmpty();
    List<String> wrong = new ArrayList<>();
    for (VersionPair p : pairs) {
      int got = Integer.signum(scheme.compare(p.a(), p.b()));
      int back = Integer.signum(scheme.compare(p.b(), p.a()));
      if (got != p.expected() || back != -p.expected()) {
        wrong.add(p + " but got " + got + " (swapped " + back + ")");
      }
    }
    assertThat(wrong).as("pairs ordered wrongly by %s", scheme.id()).isEmpty();
  }

  /**
   * Asserts that the scheme is a total preorder on the given versions: reflexive, antisymmetric and
   * transitive (checked on every triple of a small sample).
   */
  static void assertComparatorLaws(VersionScheme scheme, List<String> versions) {
    List<String> wrong = new ArrayList<>();
    int n = versions.size();
    int[][] sign = new int[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        sign[i][j] = Integer.signum(scheme.compare(versions.get(i), versions.get(j)));
      }
    }
    for (int i = 0; i < n && wrong.size() < 20; i++) {
      if (sign[i][i] != 0) {
        wrong.add("not reflexive: " + versions.get(i));
      }
      for (int j = 0; j < n; j++) {
        if (sign[i][j] != -sign[j][i]) {
          wrong.add("not antisymmetric: " + versions.get(i) + " vs " + versions.get(j));
        }
        for (int k = 0; k < n; k++) {
          if (sign[i][j] <= 0 && sign[j][k] <= 0 && sign[i][k] > 0) {
            wrong.add(
                "not transitive: "
                    + versions.get(i)
                    + " <= "
                    + versions.get(j)
                    + " <= "
                    + versions.get(k)
                    + " but first > last");
          }
        }
      }
    }
    assertThat(wrong).as("comparator laws of %s", scheme.id()).isEmpty();
  }
}
