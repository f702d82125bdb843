package dev.bulkhead.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Checks a scheme against a reference tool's verdicts on pairs: one line per pair, {@code "VA VB
 * C"} where VA and VB are 1 when the tool accepts the version and C is the tool's comparison sign
 * (only read when both are valid).
 */
final class OracleVerdicts {
  private OracleVerdicts() {}

  /** Writes the pairs as tab-separated lines into {@code dir/pairs.tsv} and returns the file. */
  static Path writePairs(Path dir, List<String[]> pairs) throws java.io.IOException {
    List<String> lines = new ArrayList<>();
    pairs.forEach(p -> lines.add(p[0] + "\t" + p[1]));
    Path in = dir.resolve("pairs.tsv");
    Oracle.writeLines(in, lines);
    return in;
  }

  /**
   * Asserts that validity and order agree with the tool's answers in {@code out}, that invalid
   * versions sort before valid ones, and that at least {@code minValid} pairs were both valid and
   * {@code minInvalid} had an invalid side.
   */
  static void assertAgree(
      String tool,
      VersionScheme scheme,
      Predicate<String> isValid,
      List<String[]> pairs,
      Path out,
      int minValid,
      int minInvalid)
      throws java.io.IOException {
    List<String> answers = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(answers).hasSize(pairs.size());
    List<String> wrong = new ArrayList<>();
    int bothValid = 0;
    int invalid = 0;
    for (int i = 0; i < pairs.size() && wrong.size() < 50; i++) {
      String a = pairs.get(i)[0];
      String b = pairs.get(i)[1];
      String[] f = answers.get(i).strip().split(" ");
      boolean va = f[0].equals("1");
      boolean vb = f[1].equals("1");
      if (va != isValid.test(a) || vb != isValid.test(b)) {
        wrong.add("validity: " + a + " " + tool + " " + va + ", " + b + " " + tool + " " + vb);
        continue;
      }
      int ours = Integer.signum(scheme.compare(a, b));
      if (va && vb) {
        bothValid++;
        if (ours != Integer.signum(Integer.parseInt(f[2]))) {
          wrong.add(a + " vs " + b + ": " + tool + " " + f[2] + ", ours " + ours);
        }
      } else {
        invalid++;
        if (va != vb && ours != (va ? 1 : -1)) {
          wrong.add(a + " vs " + b + ": the invalid one must sort first, ours " + ours);
        }
      }
    }
    assertThat(wrong).as("disagreements with %s on %d pairs", tool, pairs.size()).isEmpty();
    // The generator must reach both valid comparisons and rejected spellings.
    assertThat(bothValid).as("pairs both valid").isGreaterThanOrEqualTo(minValid);
    assertThat(invalid).as("pairs with an invalid side").isGreaterThanOrEqualTo(minInvalid);
  }
}
