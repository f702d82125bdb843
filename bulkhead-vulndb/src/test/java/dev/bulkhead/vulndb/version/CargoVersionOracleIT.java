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
 * Compares {@link CargoVersion} with the {@code semver} crate that Cargo uses (Debian's {@code
 * librust-semver-dev} source, built offline by cargo) on the table versions and thousands of
 * generated pairs, in one process. The crate's order is taken without the build metadata, as {@link
 * CargoVersion} documents.
 */
class CargoVersionOracleIT {
  private static final Path REGISTRY = Path.of("/usr/share/cargo/registry");
  private static final int GENERATED = 6000;
  private static final long SEED = 20240615L;
  private static final String MAIN =
      """
      use std::io::{BufRead, Write};
      fn main() {
          let a: Vec<String> = std::env::args().collect();
          let f = std::io::BufReader::new(std::fs::File::open(&a[1]).unwrap());
          let mut out = std::io::BufWriter::new(std::fs::File::create(&a[2]).unwrap());
          for line in f.lines() {
              let line = line.unwrap();
              let mut p = line.splitn(2, '\\t');
              let (x, y) = (p.next().unwrap(), p.next().unwrap_or(""));
              let (vx, vy) = (semver::Version::parse(x), semver::Version::parse(y));
              let c = match (&vx, &vy) {
                  (Ok(u), Ok(v)) => (u.major, u.minor, u.patch, &u.pre)
                      .cmp(&(v.major, v.minor, v.patch, &v.pre)) as i32,
                  _ => 0,
              };
              writeln!(out, "{} {} {}", vx.is_ok() as i32, vy.is_ok() as i32, c).unwrap();
          }
      }
      """;

  @TempDir Path dir;

  @Test
  void agreesWithTheSemverCrateOnTableAndGeneratedPairs() throws Exception {
    Oracle.require("cargo", "cargo");
    try (var crates = Files.newDirectoryStream(REGISTRY, "semver-1.*")) {
      if (!crates.iterator().hasNext()) {
        fail(
            "the semver crate is the Cargo oracle; install it: apt-get install -y librust-semver-dev");
      }
    } catch (java.nio.file.NoSuchFileException e) {
      fail(
          "the semver crate is the Cargo oracle; install it: apt-get install -y librust-semver-dev");
    }
    Path project = dir.resolve("oracle");
    Files.createDirectories(project.resolve("src"));
    Files.createDirectories(project.resolve(".cargo"));
    Files.writeString(
        project.resolve("Cargo.toml"),
        """
        [package]
        name = "oracle"
        version = "0.0.0"
        edition = "2021"
        [dependencies]
        semver = "1"
        """);
    Files.writeString(
        project.resolve(".cargo/config.toml"),
        "[source.crates-io]\nreplace-with = \"debian\"\n[source.debian]\ndirectory = \""
            + REGISTRY
            + "\"\n[net]\noffline = true\n");
    Files.writeString(project.resolve("src/main.rs"), MAIN, StandardCharsets.UTF_8);

    List<String> pool = new ArrayList<>();
    for (List<String> rank : AscendingVersions.load("cargo-vectors/ascending.txt")) {
      rank.stream().filter(v -> v.length() < 20).forEach(pool::add);
    }
    for (VersionPair p : VersionPair.load("cargo-vectors/pairs.txt")) {
      pool.add(p.a());
      pool.add(p.b());
    }
    LanguageVersionGenerator gen = new LanguageVersionGenerator(SEED);
    pool.addAll(gen.semver(1500, "v"));
    List<String[]> pairs = gen.pairs(pool, GENERATED);
    Path in = OracleVerdicts.writePairs(dir, pairs);
    Path out = dir.resolve("answers.txt");
    Path log = dir.resolve("stdout.txt");
    ProcessBuilder pb =
        new ProcessBuilder("cargo", "run", "-q", "--offline", "--", in.toString(), out.toString())
            .directory(project.toFile())
            .redirectOutput(log.toFile())
            .redirectError(log.resolveSibling("stderr.txt").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS))
        .as("cargo run finished")
        .isTrue();
    assertThat(p.exitValue())
        .as("cargo exit status; stderr: %s", Oracle.stderrBeside(log))
        .isZero();
    OracleVerdicts.assertAgree(
        "the semver crate", new CargoVersion(), CargoVersion::isValid, pairs, out, 3000, 100);
  }
}
