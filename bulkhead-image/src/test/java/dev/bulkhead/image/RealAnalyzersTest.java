package dev.bulkhead.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.Report;
import dev.bulkhead.core.testing.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Scans the real alpine archive with the analyzers the module ships (class-path discovery). */
class RealAnalyzersTest {
  @Test
  void alpineArchiveListsApkPackagesAttributedToItsLayer() throws Exception {
    Path alpine = SharedData.require("images/alpine-311.tar.gz");
    Report report = ImageScan.of("docker-archive:" + alpine).run();
    assertThat(report.os().family()).isEqualTo("alpine");
    assertThat(report.packages()).extracting(Package::name).contains("musl", "busybox");
    assertThat(report.packages()).allSatisfy(p -> assertThat(p.type()).isEqualTo(Package.APK));
    assertThat(report.packages())
        .allSatisfy(p -> assertThat(p.layer()).isEqualTo(report.layers().get(0).diffId()));
    assertThat(report.packages())
        .isSortedAccordingTo(java.util.Comparator.comparing(Package::name));
  }
}
