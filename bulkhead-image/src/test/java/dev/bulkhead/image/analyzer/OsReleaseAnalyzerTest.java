package dev.bulkhead.image.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.core.DebianReleases;
import dev.bulkhead.core.OsInfo;
import dev.bulkhead.core.spi.AnalysisResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OsReleaseAnalyzerTest {
  private final OsReleaseAnalyzer analyzer = new OsReleaseAnalyzer();

  @Test
  void acceptsOnlyKnownSmallFiles() {
    assertThat(analyzer.accepts("etc/os-release", 300)).isTrue();
    assertThat(analyzer.accepts("usr/lib/os-release", 300)).isTrue();
    assertThat(analyzer.accepts("etc/alpine-release", 7)).isTrue();
    assertThat(analyzer.accepts("etc/os-release", 10_000_000)).isFalse();
    assertThat(analyzer.accepts("/etc/os-release", 300)).isFalse();
    assertThat(analyzer.accepts("etc/os-release.bak", 300)).isFalse();
  }

  @Test
  void readsThisMachinesDebianOsRelease() throws Exception {
    Path real = Path.of("/etc/os-release");
    String id =
        Files.readAllLines(real).stream()
            .filter(l -> l.startsWith("ID="))
            .map(l -> l.substring(3).replace("\"", "").toLowerCase(java.util.Locale.ROOT))
            .findFirst()
            .orElseThrow();
    AnalysisResult r = TestFiles.analyze(analyzer, "etc/os-release", real);
    assertThat(r.warnings()).isEmpty();
    assertThat(r.os().family()).isEqualTo(id);
    if (id.equals("debian")) {
      assertThat(r.os().codename()).isEqualTo(DebianReleases.codenameOf(r.os().version()));
    }
    assertThat(r.os().prettyName()).doesNotContain("\"");
  }

  @Test
  void readsUbuntuWithQuotedValues() throws Exception {
    AnalysisResult r =
        TestFiles.analyze(
            analyzer, "usr/lib/os-release", TestFiles.fixture("os-release-ubuntu/os-release"));
    assertThat(r.os()).isEqualTo(new OsInfo("ubuntu", "22.04", "jammy", "Ubuntu 22.04.4 LTS"));
  }

  @Test
  void fillsDebianCodenameFromVersionAndBack() throws Exception {
    OsInfo noCodename =
        TestFiles.analyze(analyzer, "etc/os-release", "ID=Debian\nVERSION_ID='11'\n").os();
    assertThat(noCodename).isEqualTo(new OsInfo("debian", "11", "bullseye", null));
    OsInfo sid =
        TestFiles.analyze(
                analyzer,
                "etc/os-release",
                "PRETTY_NAME=\"Debian GNU/Linux trixie/sid\"\nID=debian\nVERSION_CODENAME=trixie\n")
            .os();
    assertThat(sid).isEqualTo(new OsInfo("debian", "13", "trixie", "Debian GNU/Linux trixie/sid"));
  }

  @Test
  void readsEscapesInDoubleQuotes() {
    assertThat(OsReleaseAnalyzer.unquote("\"a \\\"b\\\" \\\\c\"")).isEqualTo("a \"b\" \\c");
    assertThat(OsReleaseAnalyzer.unquote("plain")).isEqualTo("plain");
  }

  @Test
  void readsDistributionFiles() throws Exception {
    assertThat(TestFiles.analyze(analyzer, "etc/alpine-release", "3.19.1\n").os())
        .isEqualTo(OsInfo.of("alpine", "3.19.1"));
    assertThat(TestFiles.analyze(analyzer, "etc/debian_version", "12.4\n").os())
        .isEqualTo(new OsInfo("debian", "12.4", "bookworm", null));
    assertThat(TestFiles.analyze(analyzer, "etc/debian_version", "trixie/sid\n").os())
        .isEqualTo(new OsInfo("debian", "13", "trixie", null));
    assertThat(
            TestFiles.analyze(
                    analyzer, "etc/centos-release", "CentOS Linux release 7.9.2009 (Core)\n")
                .os())
        .isEqualTo(new OsInfo("centos", "7.9.2009", null, "CentOS Linux release 7.9.2009 (Core)"));
    assertThat(
            TestFiles.analyze(
                    analyzer,
                    "etc/redhat-release",
                    "Red Hat Enterprise Linux release 8.6 (Ootpa)\n")
                .os()
                .family())
        .isEqualTo("rhel");
  }

  @Test
  void turnsGarbageIntoWarningsNamingTheFile() throws Exception {
    AnalysisResult r =
        TestFiles.analyze(analyzer, "etc/os-release", new byte[] {0, 1, 2, '\n', 'x', 'y'});
    assertThat(r.os()).isNull();
    assertThat(r.warnings()).isNotEmpty().allMatch(w -> w.startsWith("etc/os-release: "));
    assertThat(TestFiles.analyze(analyzer, "etc/redhat-release", "hello\n").warnings())
        .containsExactly("etc/redhat-release: no operating system identity found");
  }
}
