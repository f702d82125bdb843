package dev.bulkhead.image.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Compares the dpkg analyzer with {@code dpkg-query} on this machine's real status file. */
class DpkgAnalyzerIT {

  @Test
  void matchesDpkgQueryOnThisMachine() throws Exception {
    Path status = Path.of("/var/lib/dpkg/status");
    assertThat(status).as("needs a Debian machine: apt-get install -y dpkg").exists();
    AnalysisResult r = TestFiles.analyze(new DpkgAnalyzer(), "var/lib/dpkg/status", status);
    Set<String> ours =
        r.packages().stream()
            .map(p -> String.join("\t", p.name(), p.version(), p.sourceName(), p.sourceVersion()))
            .collect(Collectors.toSet());
    Set<String> expected = new HashSet<>();
    for (String line : dpkgQuery()) {
      String[] f = line.split("\t", -1);
      if (f.length == 5 && f[4].length() >= 2 && f[4].charAt(1) == 'i') {
        expected.add(String.join("\t", f[0], f[1], f[2], f[3]));
      }
    }
    assertThat(r.warnings()).isEmpty();
    assertThat(expected).hasSizeGreaterThan(50);
    assertThat(ours).isEqualTo(expected);
    assertThat(r.packages()).allMatch(p -> p.arch() != null && p.type().equals(Package.DEB));
  }

  private static List<String> dpkgQuery() throws IOException, InterruptedException {
    Process p;
    try {
      p =
          new ProcessBuilder(
                  "dpkg-query",
                  "-W",
                  "-f",
                  "${Package}\\t${Version}\\t${source:Package}\\t${source:Version}"
                      + "\\t${db:Status-Abbrev}\\n")
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
    } catch (IOException e) {
      throw new AssertionError("dpkg-query is missing: apt-get install -y dpkg", e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("dpkg-query exit code").isZero();
    return out.lines().toList();
  }
}
