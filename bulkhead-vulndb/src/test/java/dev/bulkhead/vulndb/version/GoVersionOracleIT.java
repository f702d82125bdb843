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
 * Compares {@link GoVersion} with {@code golang.org/x/mod/semver} (Debian's {@code
 * golang-golang-x-mod-dev} source, built by {@code go run} in GOPATH mode, offline) on the table
 * versions and thousands of generated pairs, in one Go process.
 */
class GoVersionOracleIT {
  private static final Path GOPATH = Path.of("/usr/share/gocode");
  private static final int GENERATED = 6000;
  private static final long SEED = 20240613L;
  private static final String PROGRAM =
      """
      package main

      import (
      \t"bufio"
      \t"fmt"
      \t"os"
      \t"strings"

      \t"golang.org/x/mod/semver"
      )

      func b(v bool) int {
      \tif v {
      \t\treturn 1
      \t}
      \treturn 0
      }

      func main() {
      \tin, _ := os.Open(os.Args[1])
      \tout, _ := os.Create(os.Args[2])
      \tw := bufio.NewWriter(out)
      \ts := bufio.NewScanner(in)
      \tfor s.Scan() {
      \t\tf := strings.Split(s.Text(), "\\t")
      \t\tfmt.Fprintf(w, "%d %d %d\\n", b(semver.IsValid(f[0])), b(semver.IsValid(f[1])),
      \t\t\tsemver.Compare(f[0], f[1]))
      \t}
      \tw.Flush()
      \tout.Close()
      }
      """;

  @TempDir Path dir;

  @Test
  void agreesWithXModSemverOnTableAndGeneratedPairs() throws Exception {
    Oracle.require("go", "golang-go");
    if (!Files.isRegularFile(GOPATH.resolve("src/golang.org/x/mod/semver/semver.go"))) {
      fail(
          "golang.org/x/mod/semver is the Go oracle; install it: apt-get install -y"
              + " golang-golang-x-mod-dev");
    }
    List<String> pool = new ArrayList<>();
    for (List<String> rank : AscendingVersions.load("go-vectors/ascending.txt")) {
      pool.addAll(rank);
    }
    for (VersionPair p : VersionPair.load("go-vectors/pairs.txt")) {
      if (p.a().startsWith("v")) {
        pool.add(p.a());
      }
    }
    LanguageVersionGenerator gen = new LanguageVersionGenerator(SEED);
    for (String v : gen.semver(1500, "")) {
      // Go needs the v; some become the short forms v1 and v1.2.
      String withV = "v" + v;
      int cut = v.hashCode() & 7;
      pool.add(
          cut == 0 ? withV.substring(0, withV.indexOf('.')) : cut == 1 ? shortForm(withV) : withV);
    }
    List<String[]> pairs = gen.pairs(pool, GENERATED);

    Path in = OracleVerdicts.writePairs(dir, pairs);
    Path out = dir.resolve("answers.txt");
    Path program = dir.resolve("oracle.go");
    Files.writeString(program, PROGRAM, StandardCharsets.UTF_8);
    Path log = dir.resolve("stdout.txt");
    ProcessBuilder pb =
        new ProcessBuilder("go", "run", program.toString(), in.toString(), out.toString())
            .redirectOutput(log.toFile())
            .redirectError(log.resolveSibling("stderr.txt").toFile());
    pb.environment().put("GO111MODULE", "off");
    pb.environment().put("GOPATH", GOPATH.toString());
    pb.environment().put("GOCACHE", dir.resolve("gocache").toString());
    pb.environment().put("GOFLAGS", "");
    Process p = pb.start();
    assertThat(p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS))
        .as("go run finished")
        .isTrue();
    assertThat(p.exitValue()).as("go exit status; stderr: %s", Oracle.stderrBeside(log)).isZero();
    OracleVerdicts.assertAgree(
        "x/mod/semver", new GoVersion(), GoVersion::isValid, pairs, out, 3000, 100);
  }

  /** Returns {@code vX.Y} from {@code vX.Y.Z...}. */
  private static String shortForm(String v) {
    int second = v.indexOf('.', v.indexOf('.') + 1);
    return second > 0 ? v.substring(0, second) : v;
  }
}
