package dev.bulkhead.image.lang;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Installs real packages with npm from the registry and compares the analyzer's view of the
 * lockfile and of {@code node_modules} with {@code npm ls --all --json}.
 */
class NpmInstallIT {
  private final NpmAnalyzer analyzer = new NpmAnalyzer();

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void matchesNpmLs(int lockfileVersion) throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "npm-it-");
    Files.writeString(dir.resolve("package.json"), "{\"name\":\"it\",\"private\":true}");
    run(
        dir,
        "npm",
        "install",
        "--ignore-scripts",
        "--no-audit",
        "--no-fund",
        "--lockfile-version=" + lockfileVersion,
        "lodash@4.17.20",
        "@babel/code-frame@7.12.13");
    Set<String> expected = new TreeSet<>();
    flatten(new ObjectMapper().readTree(run(dir, "npm", "ls", "--all", "--json")), expected);
    assertThat(expected).contains("lodash@4.17.20", "@babel/code-frame@7.12.13");

    Set<String> fromLock = new TreeSet<>();
    analyze(dir, dir.resolve("package-lock.json")).forEach(p -> fromLock.add(key(p)));
    assertThat(fromLock).as("package-lock.json v%d", lockfileVersion).isEqualTo(expected);

    Set<String> fromModules = new TreeSet<>();
    try (Stream<Path> files = Files.walk(dir.resolve("node_modules"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String rel = dir.relativize(f).toString();
        if (analyzer.accepts(rel, Files.size(f))) {
          analyze(dir, f).forEach(p -> fromModules.add(key(p)));
        }
      }
    }
    assertThat(fromModules).as("node_modules/**/package.json").isEqualTo(expected);
  }

  private List<Package> analyze(Path dir, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return analyzer
          .analyze(new AnalysisInput(dir.relativize(file).toString(), Files.size(file), in))
          .packages();
    }
  }

  private static String key(Package p) {
    return p.name() + "@" + p.version();
  }

  private static void flatten(JsonNode node, Set<String> out) {
    node.path("dependencies")
        .properties()
        .forEach(
            e -> {
              if (e.getValue().has("version")) {
                out.add(e.getKey() + "@" + e.getValue().get("version").asText());
              }
              flatten(e.getValue(), out);
            });
  }

  private static String run(Path dir, String... command) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false).start();
    } catch (IOException e) {
      throw new AssertionError("npm is missing; install it with: apt-get install -y npm", e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("%s timed out", List.of(command)).isTrue();
    assertThat(p.exitValue()).as("%s failed: %s", List.of(command), out).isZero();
    return out;
  }
}
