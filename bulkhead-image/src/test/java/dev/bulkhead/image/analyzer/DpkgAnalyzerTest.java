package dev.bulkhead.image.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisResult;
import org.junit.jupiter.api.Test;

class DpkgAnalyzerTest {
  private final DpkgAnalyzer analyzer = new DpkgAnalyzer();

  @Test
  void acceptsStatusAndDistrolessFilesButNotChecksums() {
    assertThat(analyzer.accepts("var/lib/dpkg/status", 10)).isTrue();
    assertThat(analyzer.accepts("var/lib/dpkg/status.d/libssl3", 10)).isTrue();
    assertThat(analyzer.accepts("var/lib/dpkg/status.d/libssl3.md5sums", 10)).isFalse();
    assertThat(analyzer.accepts("var/lib/dpkg/status.d/sub/x", 10)).isFalse();
    assertThat(analyzer.accepts("var/lib/dpkg/status-old", 10)).isFalse();
    assertThat(analyzer.accepts("var/lib/dpkg/available", 10)).isFalse();
  }

  @Test
  void keepsInstalledPackagesWithTheirSources() throws Exception {
    AnalysisResult r =
        TestFiles.analyze(analyzer, "var/lib/dpkg/status", TestFiles.fixture("dpkg-mixed/status"));
    assertThat(r.warnings()).isEmpty();
    assertThat(r.packages())
        .extracting(
            Package::name,
            Package::version,
            Package::arch,
            Package::sourceName,
            Package::sourceVersion,
            Package::type,
            Package::path)
        .containsExactly(
            tuple("libfoo1", "1.2-3+b1", "amd64", "foo", "1.2-3", "deb", "var/lib/dpkg/status"),
            tuple("bar", "1:2.0-1", "all", "barsrc", "1:2.0-1", "deb", "var/lib/dpkg/status"),
            tuple("plain", "5.2.15-2", "arm64", "plain", "5.2.15-2", "deb", "var/lib/dpkg/status"));
    assertThat(r.packages()).allMatch(p -> p.purl() == null && p.layer() == null);
  }

  @Test
  void readsDistrolessStatusDirectoryFilesWithoutStatusField() throws Exception {
    AnalysisResult base =
        TestFiles.analyze(
            analyzer,
            "var/lib/dpkg/status.d/base-files",
            TestFiles.fixture("dpkg-distroless/status.d/base-files"));
    AnalysisResult ssl =
        TestFiles.analyze(
            analyzer,
            "var/lib/dpkg/status.d/libssl3",
            TestFiles.fixture("dpkg-distroless/status.d/libssl3"));
    assertThat(base.packages())
        .extracting(Package::name, Package::version, Package::sourceName)
        .containsExactly(tuple("base-files", "12.4+deb12u5", "base-files"));
    assertThat(ssl.packages())
        .extracting(Package::name, Package::sourceName, Package::sourceVersion, Package::path)
        .containsExactly(
            tuple("libssl3", "openssl", "3.0.11-1~deb12u2", "var/lib/dpkg/status.d/libssl3"),
            tuple("openssl", "openssl", "3.0.11-1~deb12u2", "var/lib/dpkg/status.d/libssl3"));
  }

  @Test
  void turnsGarbageAndTruncationIntoWarnings() throws Exception {
    AnalysisResult r =
        TestFiles.analyze(
            analyzer, "var/lib/dpkg/status", TestFiles.fixture("dpkg-garbage/status"));
    assertThat(r.packages()).extracting(Package::name).containsExactly("good");
    assertThat(r.warnings())
        .hasSizeGreaterThanOrEqualTo(2)
        .allMatch(w -> w.startsWith("var/lib/dpkg/status: "))
        .anyMatch(w -> w.contains("line 6 is not a 'Field: value' line"))
        .anyMatch(w -> w.contains("stanza at line 9 has no Package or no Version field"));
  }

  @Test
  void boundsWarningsFromAHostileFile() throws Exception {
    String junk = "no colon here\n".repeat(10_000);
    AnalysisResult r = TestFiles.analyze(analyzer, "var/lib/dpkg/status", junk);
    assertThat(r.packages()).isEmpty();
    assertThat(r.warnings()).hasSize(Warnings.MAX + 1);
    assertThat(r.warnings().get(Warnings.MAX)).contains("more warnings not shown");
  }

  @Test
  void cutsOverlongLinesAndSkipsTheirStanza() throws Exception {
    String text =
        "Package: big\nVersion: "
            + "1".repeat(StanzaReader.MAX_LINE_BYTES + 10)
            + "\n\nPackage: ok\nVersion: 1\n";
    AnalysisResult r = TestFiles.analyze(analyzer, "var/lib/dpkg/status", text);
    assertThat(r.packages()).extracting(Package::name).containsExactly("ok");
    assertThat(r.warnings()).anyMatch(w -> w.contains("line 2 is too long"));
  }
}
