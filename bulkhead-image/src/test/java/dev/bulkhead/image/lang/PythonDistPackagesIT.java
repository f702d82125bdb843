package dev.bulkhead.image.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.core.spi.AnalysisInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Compares the analyzer on Debian's dist-packages with what Python's importlib.metadata lists. */
class PythonDistPackagesIT {
  private static final Path DIR = Path.of("/usr/lib/python3/dist-packages");

  @Test
  void matchesImportlibMetadata() throws Exception {
    Path python = Path.of("/usr/bin/python3");
    assertThat(python).as("Debian's python3; install it with: apt-get install -y python3").exists();
    Process proc =
        new ProcessBuilder(
                python.toString(),
                "-c",
                """
                import importlib.metadata as m, re, sys
                for d in m.distributions(path=[sys.argv[1]]):
                    print(re.sub(r'[-_.]+', '-', d.metadata['Name']).lower() + '@' + d.version)
                """,
                DIR.toString())
            .redirectErrorStream(true)
            .start();
    String text = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(proc.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(proc.exitValue()).as(text).isZero();
    Set<String> expected = new TreeSet<>(text.lines().toList());

    PythonAnalyzer analyzer = new PythonAnalyzer();
    Set<String> actual = new TreeSet<>();
    try (Stream<Path> entries = Files.list(DIR)) {
      for (Path p : entries.toList()) {
        Path file = p;
        if (Files.isDirectory(p)) {
          file = p.resolve(p.toString().endsWith(".dist-info") ? "METADATA" : "PKG-INFO");
        }
        String rel = "usr/lib/python3/dist-packages/" + DIR.relativize(file);
        if (!Files.isRegularFile(file) || !analyzer.accepts(rel, Files.size(file))) {
          continue;
        }
        try (InputStream in = Files.newInputStream(file)) {
          analyzer
              .analyze(new AnalysisInput(rel, Files.size(file), in))
              .packages()
              .forEach(
                  pkg -> actual.add(LangPackages.normalizePypi(pkg.name()) + "@" + pkg.version()));
        }
      }
    } catch (IOException e) {
      throw new AssertionError("listing " + DIR + " failed", e);
    }
    assertThat(expected).as("importlib.metadata output").hasSizeGreaterThan(5);
    assertThat(actual).isEqualTo(expected);
  }
}
