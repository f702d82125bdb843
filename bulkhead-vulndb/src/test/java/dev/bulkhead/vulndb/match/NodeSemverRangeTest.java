package dev.bulkhead.vulndb.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.vulndb.model.Range;
import dev.bulkhead.vulndb.version.VersionScheme;
import dev.bulkhead.vulndb.version.VersionSchemes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Restates node-semver's range fixtures (test/fixtures/range-include.js and range-exclude.js) as
 * OSV SEMVER ranges and checks that {@link OsvRanges} agrees with node-semver's verdict.
 *
 * <p>Each npm range is turned into OSV events the way GitHub writes them for npm advisories: {@code
 * >=A} is {@code introduced A}, {@code >A} is {@code introduced} at the next patch's lowest
 * pre-release, {@code <A} is {@code fixed A}, {@code <=A} is {@code last_affected A}, {@code A - B}
 * is {@code introduced A, last_affected B}, {@code ^} and {@code ~} their desugared bounds, a bare
 * version is that version alone, and {@code ||} gives several ranges. Fixtures that rest on
 * node-semver's pre-release rule (a pre-release matches only a comparator with the same
 * major.minor.patch) are left out: OSV has no such rule and orders pre-releases in.
 */
class NodeSemverRangeTest {
  private static final VersionScheme NPM = VersionSchemes.forOsvEcosystem("npm");
  private static final Pattern COMPARATOR = Pattern.compile("(>=|<=|>|<|=|\\^|~)?v?(.+)");

  @ParameterizedTest(name = "{0} includes {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "1.0.0 - 2.0.0 ; 1.2.3",
        "^1.2.3+build ; 1.2.3",
        "^1.2.3+build ; 1.3.0",
        "1.2.3-pre+asdf - 2.4.3-pre+asdf ; 1.2.3",
        "1.2.3-pre+asdf - 2.4.3-pre+asdf ; 1.2.3-pre.2",
        "1.2.3-pre+asdf - 2.4.3-pre+asdf ; 2.4.3-alpha",
        "1.2.3+asdf - 2.4.3+asdf ; 1.2.3",
        "1.0.0 ; 1.0.0",
        ">=1.0.0 ; 1.0.0",
        ">=1.0.0 ; 1.0.1",
        ">=1.0.0 ; 1.1.0",
        ">1.0.0 ; 1.0.1",
        ">1.0.0 ; 1.1.0",
        "<=2.0.0 ; 2.0.0",
        "<=2.0.0 ; 1.9999.9999",
        "<=2.0.0 ; 0.2.9",
        "<2.0.0 ; 1.9999.9999",
        "<2.0.0 ; 0.2.9",
        ">= 1.0.0 ; 1.0.0",
        ">=  1.0.0 ; 1.0.1",
        "> 1.0.0 ; 1.0.1",
        "<=   2.0.0 ; 2.0.0",
        "<    2.0.0 ; 0.2.9",
        ">=0.1.97 ; v0.1.97",
        ">=0.1.97 ; 0.1.97",
        "0.1.20 || 1.2.4 ; 1.2.4",
        ">=0.2.3 || <0.0.1 ; 0.0.0",
        ">=0.2.3 || <0.0.1 ; 0.2.3",
        ">=0.2.3 || <0.0.1 ; 0.2.4",
        "~1.2.3 ; 1.2.3",
        "~1.2.3 ; 1.2.9",
        "^1.2.3 ; 1.8.1",
        "^0.1.2 ; 0.1.2",
        "^0.0.1 ; 0.0.1",
        "^1.2.3 ; 1.2.3",
        "<=0.7.9 ; 0.7.2",
        ">=0.2.3 <0.2.5 ; 0.2.4",
        ">1.0.0 <=2.0.0 ; 2.0.0",
      })
  void includes(String range, String version) {
    assertThat(included(range, version.strip())).isTrue();
  }

  @ParameterizedTest(name = "{0} excludes {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "1.0.0 - 2.0.0 ; 2.2.3",
        "1.2.3+asdf - 2.4.3+asdf ; 1.2.3-pre.2",
        "^1.2.3+build ; 2.0.0",
        "^1.2.3+build ; 1.2.0",
        "^1.2.3 ; 1.2.3-pre",
        "^1.2.3 ; 1.2.3-beta",
        "1.0.0 ; 1.0.1",
        ">=1.0.0 ; 0.0.0",
        ">=1.0.0 ; 0.0.1",
        ">=1.0.0 ; 0.1.0",
        ">1.0.0 ; 0.0.1",
        ">1.0.0 ; 0.1.0",
        ">1.0.0 ; 1.0.0",
        "<=2.0.0 ; 3.0.0",
        "<=2.0.0 ; 2.9999.9999",
        "<=2.0.0 ; 2.2.9",
        "<2.0.0 ; 2.9999.9999",
        "<2.0.0 ; 2.2.9",
        "<2.0.0 ; 2.0.0",
        ">=0.1.97 ; v0.1.93",
        ">=0.1.97 ; 0.1.93",
        "0.1.20 || 1.2.4 ; 1.2.3",
        ">=0.2.3 || <0.0.1 ; 0.0.3",
        ">=0.2.3 || <0.0.1 ; 0.2.2",
        "~1.2.3 ; 1.3.0",
        "~1.2.3 ; 1.2.2",
        "^1.2.3 ; 2.0.0",
        "^1.2.3 ; 1.2.2",
        "^0.1.2 ; 0.2.0",
        "^0.0.1 ; 0.0.2",
        ">=0.2.3 <0.2.5 ; 0.2.5",
        ">1.0.0 <=2.0.0 ; 1.0.0",
      })
  void excludes(String range, String version) {
    assertThat(included(range, version.strip())).isFalse();
  }

  private static boolean included(String npmRange, String version) {
    String v = version.startsWith("v") ? version.substring(1) : version;
    for (String alternative : npmRange.strip().split("\\|\\|")) {
      List<Range.Event> events = events(alternative.strip());
      boolean exact = events.size() == 1 && events.get(0).kind().equals("=");
      if (exact) {
        if (NPM.compare(events.get(0).version(), v) == 0) {
          return true;
        }
      } else if (OsvRanges.inRange(new Range("SEMVER", events), v, NPM)) {
        return true;
      }
    }
    return false;
  }

  /** Turns one space-separated comparator set (or a hyphen range) into OSV events. */
  private static List<Range.Event> events(String set) {
    List<Range.Event> out = new ArrayList<>();
    String[] hyphen = set.split("\\s+-\\s+");
    if (hyphen.length == 2) {
      out.add(new Range.Event("introduced", strip(hyphen[0])));
      out.add(new Range.Event("last_affected", strip(hyphen[1])));
      return out;
    }
    boolean lower = false;
    for (String token : set.replaceAll("([<>=^~]+)\\s+", "$1").split("\\s+")) {
      Matcher m = COMPARATOR.matcher(token);
      if (!m.matches()) {
        throw new IllegalArgumentException("not a comparator: " + token);
      }
      String op = m.group(1) == null ? "=" : m.group(1);
      String v = strip(m.group(2));
      int[] n = numbers(v);
      switch (op) {
        case ">=" -> {
          out.add(new Range.Event("introduced", v));
          lower = true;
        }
        case ">" -> {
          out.add(new Range.Event("introduced", n[0] + "." + n[1] + "." + (n[2] + 1) + "-0"));
          lower = true;
        }
        case "<" -> out.add(new Range.Event("fixed", v));
        case "<=" -> out.add(new Range.Event("last_affected", v));
        case "^" -> {
          out.add(new Range.Event("introduced", v));
          String upper =
              n[0] > 0
                  ? (n[0] + 1) + ".0.0-0"
                  : n[1] > 0 ? "0." + (n[1] + 1) + ".0-0" : "0.0." + (n[2] + 1) + "-0";
          out.add(new Range.Event("fixed", upper));
          lower = true;
        }
        case "~" -> {
          out.add(new Range.Event("introduced", v));
          out.add(new Range.Event("fixed", n[0] + "." + (n[1] + 1) + ".0-0"));
          lower = true;
        }
        default -> out.add(new Range.Event("=", v));
      }
    }
    if (!lower && !(out.size() == 1 && out.get(0).kind().equals("="))) {
      out.add(0, new Range.Event("introduced", "0"));
    }
    return out;
  }

  /** Drops build metadata, which node-semver ignores in ranges. */
  private static String strip(String v) {
    int plus = v.indexOf('+');
    return plus >= 0 ? v.substring(0, plus) : v;
  }

  private static int[] numbers(String v) {
    String core = v.split("-", 2)[0];
    String[] p = core.split("\\.");
    return new int[] {
      Integer.parseInt(p[0]),
      p.length > 1 ? Integer.parseInt(p[1]) : 0,
      p.length > 2 ? Integer.parseInt(p[2]) : 0
    };
  }
}
