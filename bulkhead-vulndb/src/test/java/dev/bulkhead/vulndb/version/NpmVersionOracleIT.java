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
 * Compares {@link NpmVersion} with node-semver's {@code compare(clean(a), clean(b))} on the table
 * pairs and thousands of generated ones, in one node process. node-semver is installed by the test
 * into {@code target/npm-oracle} with npm (from the npm registry) unless it is there already.
 */
class NpmVersionOracleIT {
  static final String SEMVER = "semver@7.7.2";
  private static final int GENERATED = 6000;
  private static final long SEED = 20240612L;
  private static final String SCRIPT =
      """
      const semver = require(process.argv[2]);
      const fs = require('fs');
      const out = [];
      for (const line of fs.readFileSync(process.argv[3], 'utf8').split('\\n')) {
        if (line === '') continue;
        const [a, b] = line.split('\\t');
        const ca = semver.clean(a), cb = semver.clean(b);
        const c = ca && cb ? semver.compare(ca, cb) : 0;
        out.push((ca ? 1 : 0) + ' ' + (cb ? 1 : 0) + ' ' + c);
      }
      fs.writeFileSync(process.argv[4], out.join('\\n') + '\\n');
      """;

  @TempDir Path dir;

  @Test
  void agreesWithNodeSemverOnTableAndGeneratedPairs() throws Exception {
    Path semver = installSemver();
    List<String[]> pairs = new ArrayList<>();
    for (VersionPair p : VersionPair.load("npm-vectors/pairs.txt")) {
      pairs.add(new String[] {p.a(), p.b()});
    }
    LanguageVersionGenerator gen = new LanguageVersionGenerator(SEED);
    pairs.addAll(gen.pairs(gen.semver(1500, "v"), GENERATED));

    Path in = OracleVerdicts.writePairs(dir, pairs);
    Path out = dir.resolve("answers.txt");
    Path script = dir.resolve("oracle.js");
    Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
    Path log = dir.resolve("stdout.txt");
    int rc =
        Oracle.run(
            List.of("node", script.toString(), semver.toString(), in.toString(), out.toString()),
            log,
            120);
    assertThat(rc).as("node exit status; stderr: %s", Oracle.stderrBeside(log)).isZero();
    OracleVerdicts.assertAgree(
        "node-semver", new NpmVersion(), NpmVersion::isValid, pairs, out, 4000, 100);
  }

  /** Returns node-semver's package directory, installing it into target/ when missing. */
  private static Path installSemver() throws Exception {
    Oracle.require("node", "nodejs");
    Path prefix = Path.of("target", "npm-oracle").toAbsolutePath();
    Path pkg = prefix.resolve("node_modules").resolve("semver");
    if (Files.isRegularFile(pkg.resolve("package.json"))) {
      return pkg;
    }
    Oracle.require("npm", "npm");
    Files.createDirectories(prefix);
    List<String> install =
        List.of(
            "npm",
            "install",
            "--no-save",
            "--no-audit",
            "--no-fund",
            "--prefix",
            prefix.toString(),
            SEMVER);
    Path log = prefix.resolve("npm-install.log");
    int rc = Oracle.run(install, log, 300);
    if (rc != 0 || !Files.isRegularFile(pkg.resolve("package.json"))) {
      fail(
          "node-semver is the npm oracle and could not be installed (exit "
              + rc
              + "); run: "
              + String.join(" ", install)
              + "\n"
              + Oracle.stderrBeside(log));
    }
    return pkg;
  }
}
