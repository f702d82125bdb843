package dev.bulkhead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Runs the packaged {@code bulkhead.jar} as a separate process, as a user would. */
public final class BulkheadJar {
  private BulkheadJar() {}

  /** Returns the fat jar that {@code mvn package} built, failing the test when it is missing. */
  static Path jar() {
    Path jar = Paths.get("target", "bulkhead.jar").toAbsolutePath();
    assertThat(jar).as("run integration tests with `mvn verify` so the jar is built").exists();
    return jar;
  }

  /** Returns the command line that runs {@code bulkhead ARGS} with the launcher's JVM options. */
  static List<String> command(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Xmx384m");
    cmd.add("-jar");
    cmd.add(jar().toString());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Runs {@code bulkhead ARGS} and returns its exit code and output. */
  static Processes.Result run(String... args) throws IOException {
    return Processes.run(null, command(args), 900);
  }

  /** Runs {@code bulkhead ARGS} and fails unless it exits 0; returns standard output. */
  public static String ok(String... args) throws IOException {
    Processes.Result r = run(args);
    assertThat(r.exitCode())
        .as("bulkhead %s%n%s%s", List.of(args), r.stdout(), r.stderr())
        .isZero();
    return r.stdout();
  }

  /** Returns a fresh database path in a temporary directory. */
  static Path newDb() throws IOException {
    return Files.createTempDirectory("bh-db").resolve("vulndb.sqlite");
  }
}
