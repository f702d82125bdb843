package dev.bulkhead.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares {@link DpkgVersion} with dpkg itself on seeded pairs.
 *
 * <p>Two oracles from the dpkg project: the {@code dpkg --compare-versions} binary (the C
 * implementation, one or two processes per pair, about 3 ms each) and dpkg's Perl library {@code
 * Dpkg::Version} (the same algorithm, thousands of pairs in one process).
 */
class DpkgVersionOracleIT {
  private static final long SEED = 20240602L;
  private static final int BATCH_PAIRS = 5000;
  private static final int BINARY_PAIRS = 2500;

  @TempDir Path dir;

  @Test
  void agreesWithTheDpkgBinary() throws Exception {
    Oracle.require("dpkg", "dpkg");
    List<String[]> pairs = new ArrayList<>();
    for (VersionPair p : VersionPair.load("dpkg-vectors/pairs.txt")) {
      pairs.add(new String[] {p.a(), p.b()});
    }
    pairs.addAll(new VersionGenerator(SEED).dpkgPairs(BINARY_PAIRS));
    DpkgVersion dpkg = new DpkgVersion();
    List<String> disagreements = Collections.synchronizedList(new ArrayList<>());
    // Two workers: the machine has two cores and each question is one short process.
    IntStream.range(0, pairs.size())
        .parallel()
        .forEach(
            i -> {
              String a = pairs.get(i)[0];
              String b = pairs.get(i)[1];
              try {
                int theirs = binaryCompare(a, b);
                int ours = Integer.signum(dpkg.compare(a, b));
                if (theirs != ours) {
                  disagreements.add(a + " vs " + b + ": dpkg " + theirs + ", ours " + ours);
                }
              } catch (Exception e) {
                disagreements.add(a + " vs " + b + ": " + e.getMessage());
              }
            });
    assertThat(disagreements).as("disagreements with dpkg on %d pairs", pairs.size()).isEmpty();
  }

  @Test
  void agreesWithDpkgsPerlLibraryOnThousandsOfPairs() throws Exception {
    Oracle.require("perl", "perl");
    int probe = Oracle.status(List.of("perl", "-MDpkg::Version", "-e", "1"));
    assertThat(probe).as("dpkg's Perl library is needed: apt-get install -y libdpkg-perl").isZero();
    List<String[]> pairs = new VersionGenerator(SEED + 1).dpkgPairs(BATCH_PAIRS);
    List<String> lines = new ArrayList<>();
    for (String[] p : pairs) {
      lines.add(p[0] + "\t" + p[1]);
    }
    Path in = dir.resolve("pairs.tsv");
    Path out = dir.resolve("perl-answers.txt");
    Oracle.writeLines(in, lines);
    String script =
        "use Dpkg::Version; open(my $in, '<', $ARGV[0]) or die \"$ARGV[0]: $!\";"
            + " while (my $l = <$in>) { chomp $l; my ($x, $y) = split /\\t/, $l, 2;"
            + " print version_compare($x, $y), \"\\n\"; }";
    int rc = Oracle.run(List.of("perl", "-e", script, in.toString()), out, 120);
    assertThat(rc).as("perl exit status; stderr: %s", Oracle.stderrBeside(out)).isZero();
    List<String> answers = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(answers).hasSize(pairs.size());

    DpkgVersion dpkg = new DpkgVersion();
    List<String> disagreements = new ArrayList<>();
    int equal = 0;
    int askedBinary = 0;
    for (int i = 0; i < pairs.size(); i++) {
      String a = pairs.get(i)[0];
      String b = pairs.get(i)[1];
      int theirs = Integer.signum(Integer.parseInt(answers.get(i).strip()));
      int ours = Integer.signum(dpkg.compare(a, b));
      if (theirs != ours && hasLongNumber(a + b)) {
        // Dpkg::Version compares digit runs as Perl numbers (doubles), which lose precision
        // past 2^53; the C binary compares them exactly, so it decides these pairs.
        theirs = binaryCompare(a, b);
        askedBinary++;
      }
      if (theirs != ours) {
        disagreements.add(a + " vs " + b + ": Dpkg::Version " + theirs + ", ours " + ours);
      }
      if (theirs == 0) {
        equal++;
      }
    }
    assertThat(disagreements)
        .as("disagreements with Dpkg::Version on %d pairs", pairs.size())
        .isEmpty();
    assertThat(equal).as("generated pairs that dpkg finds equal").isGreaterThan(50);
    assertThat(askedBinary).as("pairs beyond Perl's number precision").isLessThan(100);
  }

  private static boolean hasLongNumber(String s) {
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = Digits.isDigit(s.charAt(i)) ? run + 1 : 0;
      if (run > 15) {
        return true;
      }
    }
    return false;
  }

  /** Asks the dpkg binary: -1, 0 or 1; fails on a syntax error (exit status 2). */
  private static int binaryCompare(String a, String b) throws Exception {
    int lt = Oracle.status(List.of("dpkg", "--compare-versions", a, "lt", b));
    if (lt == 0) {
      return -1;
    }
    int gt = Oracle.status(List.of("dpkg", "--compare-versions", a, "gt", b));
    if (lt != 1 || gt > 1) {
      throw new IllegalStateException("dpkg refused the pair (exit " + lt + "/" + gt + ")");
    }
    return gt == 0 ? 1 : 0;
  }
}
