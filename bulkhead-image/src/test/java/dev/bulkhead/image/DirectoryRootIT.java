package dev.bulkhead.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.core.Report;
import dev.bulkhead.image.testing.TestAnalyzers;
import org.junit.jupiter.api.Test;

/** Scans this machine's own root filesystem, skipping proc, sys, dev and other mounts. */
class DirectoryRootIT {
  @Test
  void scansTheMachineRoot() throws Exception {
    Report report = ImageScan.of("dir:/").withAnalyzers(TestAnalyzers.registry()).run();
    assertThat(report.os()).isNotNull();
    assertThat(report.os().family()).isNotBlank();
    assertThat(report.layers()).isEmpty();
    assertThat(report.warnings()).noneMatch(w -> w.contains("/proc") || w.contains("proc/"));
  }
}
