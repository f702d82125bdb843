package dev.bulkhead.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares {@link RpmVersion} with rpm itself on thousands of seeded pairs, in one rpm process: a
 * Lua script run by {@code rpm --eval} reads the pairs from a file and writes {@code rpm.vercmp}
 * for each.
 */
class RpmVersionOracleIT {
  private static final int GENERATED = 5000;
  private static final long SEED = 20240601L;

  @TempDir Path dir;

  @Test
  void agreesWithRpmOnTableAndGeneratedPairs() throws Exception {
    Oracle.require("rpm", "rpm");
    List<String[]> pairs = new ArrayList<>();
    for (VersionPair p : VersionPair.load("rpm-vectors/pairs.txt")) {
      pairs.add(new String[] {p.a(), p.b()});
    }
    pairs.addAll(new VersionGenerator(SEED).rpmPairs(GENERATED));

    // Columns: a, b, then a and b with their releases replaced by the same one, so that rpm
    // answers the epoch:version question too. rpm answers for both pairs.
    List<String> lines = new ArrayList<>();
    for (String[] p : pairs) {
      lines.add(p[0] + "\t" + p[1] + "\t" + withoutRelease(p[0]) + "\t" + withoutRelease(p[1]));
    }
    Path in = dir.resolve("pairs.tsv");
    Path out = dir.resolve("rpm-answers.txt");
    Oracle.writeLines(in, lines);
    Path script = dir.resolve("vercmp.lua");
    Files.writeString(
        script,
        "local out = assert(io.open("
            + luaString(out)
            + ", 'w'))\n"
            + "for line in io.lines("
            + luaString(in)
            + ") do\n"
            + "  local a, b, ea, eb = line:match('^([^\\t]*)\\t([^\\t]*)\\t([^\\t]*)\\t([^\\t]*)$')\n"
            + "  out:write(rpm.vercmp(a, b), ' ', rpm.vercmp(ea, eb), '\\n')\n"
            + "end\n"
            + "out:close()\n",
        StandardCharsets.UTF_8);
    Path log = dir.resolve("rpm-stdout.txt");
    int rc =
        Oracle.run(List.of("rpm", "--eval", "%{lua: dofile(" + luaString(script) + ")}"), log, 120);
    assertThat(rc).as("rpm exit status; stderr: %s", Oracle.stderrBeside(log)).isZero();
    List<String> answers = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(answers).hasSize(pairs.size());

    RpmVersion rpm = new RpmVersion();
    List<String> disagreements = new ArrayList<>();
    int releaseIgnored = 0;
    for (int i = 0; i < pairs.size(); i++) {
      String a = pairs.get(i)[0];
      String b = pairs.get(i)[1];
      String[] f = answers.get(i).strip().split(" ");
      int full = Integer.signum(Integer.parseInt(f[0]));
      int evOnly = Integer.signum(Integer.parseInt(f[1]));
      int strict = Integer.signum(rpm.compareStrict(a, b));
      if (strict != full) {
        disagreements.add("strict: " + a + " vs " + b + ": rpm " + full + ", ours " + strict);
      }
      // Documented choice: the release counts only when both sides have a non-empty one.
      boolean bothReleases = hasRelease(a) && hasRelease(b);
      int expected = bothReleases ? full : evOnly;
      if (!bothReleases && full != evOnly) {
        releaseIgnored++;
      }
      int ours = Integer.signum(rpm.compare(a, b));
      if (ours != expected) {
        disagreements.add("range: " + a + " vs " + b + ": rpm " + expected + ", ours " + ours);
      }
    }
    assertThat(disagreements).as("disagreements with rpm on %d pairs", pairs.size()).isEmpty();
    // The generator must reach the interesting cases, or the test proves little.
    assertThat(releaseIgnored).isGreaterThan(50);
  }

  private static boolean hasRelease(String v) {
    int h = v.lastIndexOf('-');
    return h >= digitsEnd(v) && h < v.length() - 1;
  }

  /** Returns {@code v} with its release (if any) replaced by {@code 0}. */
  private static String withoutRelease(String v) {
    int h = v.lastIndexOf('-');
    return (h >= digitsEnd(v) ? v.substring(0, h) : v) + "-0";
  }

  private static int digitsEnd(String v) {
    int i = 0;
    while (i < v.length() && Digits.isDigit(v.charAt(i))) {
      i++;
    }
    return i;
  }

  private static String luaString(Path p) {
    return "'" + p.toAbsolutePath().toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
