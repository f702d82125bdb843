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

    Path in = OracleVerdicts.writePairs(dir, pairs);
    Path out = dir.resolve("answers.txt");
    Path script = dir.resolve("oracle.py");
    Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
    Path log = dir.resolve("stdout.txt");
    int rc =
        Oracle.run(List.of("python3", script.toString(), in.toString(), out.toString()), log, 120);
    assertThat(rc).as("python3 exit status; stderr: %s", Oracle.stderrBeside(log)).isZero();
    OracleVerdicts.assertAgree(
        "packaging", new Pep440Version(), Pep440Version::isValid, pairs, out, 4000, 100);
  }
}
