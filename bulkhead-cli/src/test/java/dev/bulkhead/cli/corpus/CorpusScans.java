package dev.bulkhead.cli.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the packaged {@code bulkhead.jar} over the corpus and the real negatives, and provides the
 * debootstrap Debian rootfs the other end-to-end tests share.
 */
final class CorpusScans {
  /** Where the debootstrap rootfs is cached between runs (shared with dev.bulkhead.cli tests). */
  static final Path CACHE = Paths.get("/var/tmp/bulkhead-test");

  private CorpusScans() {}

  /** Runs {@code bulkhead ARGS --format json --quiet --output REPORT} and reads the findings. */
  static List<ReportedFinding> scan(Path report, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("-XX:+UseSerialGC", "-Xmx384m", "-jar", jar().toString()));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--format", "json", "--quiet", "--output", report.toString()));
    Tool.run(null, cmd, 900);
    return ReportedFinding.read(report);
  }

  /** Returns the fat jar {@code mvn package} built. */
  static Path jar() {
    Path jar = Paths.get("target", "bulkhead.jar").toAbsolutePath();
    assertThat(jar).as("run integration tests with `mvn verify` so the jar is built").exists();
    return jar;
  }

  /**
   * Returns a minimal Debian 12 (bookworm) root filesystem made with debootstrap, building it once
   * per machine (about 30 s), under the same lock as {@code TestImages.debianRootfs()}.
   */
  static Path debianRootfs() throws IOException {
    Path rootfs = CACHE.resolve("bookworm-minbase");
    Path done = CACHE.resolve("bookworm-minbase.done");
    Files.createDirectories(CACHE);
    try (FileChannel lock =
            FileChannel.open(
                CACHE.resolve("bookworm.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock ignored = lock.lock()) {
      if (!Files.exists(done)) {
        Tool.run(null, List.of("rm", "-rf", rootfs.toString()), 120);
        Tool.run(
            null,
            List.of(
                "debootstrap",
                "--variant=minbase",
                "bookworm",
                rootfs.toString(),
                "http://deb.debian.org/debian"),
            900);
        Files.writeString(done, "ok\n");
      }
    }
    return rootfs;
  }
}
