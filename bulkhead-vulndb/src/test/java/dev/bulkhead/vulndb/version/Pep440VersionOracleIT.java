package dev.bulkhead.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares {@link Pep440Version} with Python's {@code packaging.version} on the table pairs and
 * thousands of generated ones, in one python3 process; validity must agree too.
 */
class Pep440VersionOracleIT {
  private static final int GENERATED = 6000;
  private static final long SEED = 20240611L;
  private static final String SCRIPT =
      """
      import sys
      from packaging.version import Version, InvalidVersion
      def parse(s):
          try:
              return Version(s)
          except InvalidVersion:
              return None
      with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w") as out:
          for line in f:
              a, b = line.rstrip("\\n").split("\\t")
              va, vb = parse(a), parse(b)
              c = 0 if va is None or vb is None else (va > vb) - (va < vb)
              out.write("%d %d %d\\n" % (va is not None, vb is not None, c))
      """;

  @TempDir Path dir;

  @Test
  void agreesWithPackagingOnTableAndGeneratedPairs() throws Exception {
    Oracle.require("python3", "python3");
    if (Oracle.status(List.of("python3", "-c", "import packaging.version")) != 0) {
      fail(
          "python3's packaging is the PEP 440 oracle; install it: apt-get install -y python3-packaging");
    }
    List<String[]> pairs = new ArrayList<>();
    for (VersionPair p : VersionPair.load("pypi-vectors/pairs.txt")) {
      pairs.add(new String[] {p.a(), p.b()});
    }
    for (VersionPair p :
        AscendingVersions.pairs(AscendingVersions.load("pypi-vectors/ascending.txt"))) {
      pairs.add(new String[] {p.a(), p.b()});
    }
    LanguageVersionGenerator gen = new LanguageVersionGenerator(SEED);
    pairs.addAll(gen.pairs(gen.pep440(1500), GENERATED));

    List<String> lines = new ArrayList<>();
    pairs.forEach(p -> lines.add(p[0] + "\t" + p[1]));
    Path in = dir.resolve("pairs.tsv");
    Path out = dir.resolve("answers.txt");
    Path script = dir.resolve("oracle.py");
    Oracle.writeLines(in, lines);
    Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
    Path log = dir.resolve("stdout.txt");
    int rc =
        Oracle.run(List.of("python3", script.toString(), in.toString(), out.toString()), log, 120);
    assertThat(rc).as("python3 exit status; stderr: %s", Oracle.stderrBeside(log)).isZero();
    List<String> answers = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(answers).hasSize(pairs.size());

    Pep440Version pypi = new Pep440Version();
    List<String> wrong = new ArrayList<>();
    int bothValid = 0;
    int invalid = 0;
    for (int i = 0; i < pairs.size(); i++) {
      String a = pairs.get(i)[0];
      String b = pairs.get(i)[1];
      String[] f = answers.get(i).split(" ");
      boolean va = f[0].equals("1");
      boolean vb = f[1].equals("1");
      if (va != Pep440Version.isValid(a) || vb != Pep440Version.isValid(b)) {
        wrong.add("validity: " + a + " " + va + ", " + b + " " + vb);
      }
      if (va && vb) {
        bothValid++;
        int ours = Integer.signum(pypi.compare(a, b));
        if (ours != Integer.parseInt(f[2])) {
          wrong.add(a + " vs " + b + ": packaging " + f[2] + ", ours " + ours);
        }
      } else {
        invalid++;
      }
    }
    assertThat(wrong).as("disagreements with packaging on %d pairs", pairs.size()).isEmpty();
    // The generator must reach both valid comparisons and rejected spellings.
    assertThat(bothValid).isGreaterThan(4000);
    assertThat(invalid).isGreaterThan(100);
  }
}
