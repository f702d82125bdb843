package dev.bulkhead.image.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.bulkhead.core.ContentFinding;
import dev.bulkhead.core.Report;
import dev.bulkhead.image.ImageScan;
import dev.bulkhead.image.testing.TestAnalyzers;
import dev.bulkhead.image.testing.TestScanners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans a real directory tree with content scanners: modes come from the filesystem itself. */
class DirectoryContentScanTest {
  @TempDir Path tmp;

  private static void chmod(String mode, Path path) throws Exception {
    Process p = new ProcessBuilder("chmod", mode, path.toString()).inheritIO().start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("chmod " + mode + " " + path).isZero();
  }

  @Test
  void everyFileAndDirectoryReachesTheScannersWithItsRealModeAndSymlinksAreNotFollowed()
      throws Exception {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret"), "MARKER outside\n");
    Files.createDirectories(root.resolve("bin"));
    Files.writeString(root.resolve("bin/su"), "elf");
    chmod("4755", root.resolve("bin/su"));
    Files.createDirectories(root.resolve("tmp"));
    chmod("1777", root.resolve("tmp"));
    Files.createDirectories(root.resolve("var/drop"));
    chmod("0777", root.resolve("var/drop"));
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/app.conf"), "user=x\ntoken=MARKER\n");
    chmod("0600", root.resolve("etc/app.conf"));
    Files.createSymbolicLink(root.resolve("etc/link"), outside.resolve("secret"));
    Files.createSymbolicLink(root.resolve("outside"), outside);

    TestScanners.Marker marker = new TestScanners.Marker(true);
    Report report =
        ImageScan.of("dir:" + root)
            .withAnalyzers(TestAnalyzers.registry())
            .withContentScanners(List.of(marker, new TestScanners.Modes()))
            .run();

    assertThat(marker.seen)
        .contains(
            "bin/su:3:4755:FILE",
            "tmp:0:1777:DIRECTORY",
            "var/drop:0:777:DIRECTORY",
            "etc/app.conf:20:600:FILE")
        .noneMatch(s -> s.startsWith("etc/link") || s.startsWith("outside"));
    // The setuid finding is dropped: a directory has no base layer to tell it from.
    assertThat(report.contentFindings())
        .extracting(
            ContentFinding::ruleId,
            ContentFinding::path,
            ContentFinding::line,
            ContentFinding::layer,
            ContentFinding::status)
        .containsExactly(
            tuple("marker", "etc/app.conf", 2, null, ContentFinding.PRESENT),
            tuple("world-writable-dir", "var/drop", 0, null, ContentFinding.PRESENT));
    assertThat(report.layers()).isEmpty();
    assertThat(report.warnings()).isEmpty();
  }

  @Test
  void unreadableFilesBecomeWarningsWithoutLayerNames() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Files.writeString(root.resolve("big"), "SKIP this one");
    Report report =
        ImageScan.of("dir:" + root)
            .withAnalyzers(TestAnalyzers.registry())
            .withContentScanners(List.of(new TestScanners.Marker()))
            .run();
    assertThat(report.warnings())
        .containsExactly("dir:" + root + ": scanner marker skipped big: over the size cap");
  }
}
