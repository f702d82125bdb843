package dev.bulkhead.image.langbin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GoBinaryAnalyzerTest {
  private final GoBinaryAnalyzer analyzer = new GoBinaryAnalyzer();

  @Test
  void readsModulesAndReplacementsFromAGo118BuildInfoSection() throws Exception {
    AnalysisResult r =
        LangFiles.analyze(analyzer, "usr/local/bin/app", LangFiles.fixture("gobin/app"));

    assertThat(r.warnings()).isEmpty();
    assertThat(r.packages())
        .extracting(Package::name, Package::version, Package::purl)
        .containsExactly(
            tuple("stdlib", "v1.21.5", "pkg:golang/stdlib@v1.21.5"),
            tuple("github.com/example/app", "v1.4.0", "pkg:golang/github.com/example/app@v1.4.0"),
            tuple(
                "github.com/sirupsen/logrus",
                "v1.9.0",
                "pkg:golang/github.com/sirupsen/logrus@v1.9.0"),
            tuple("github.com/spf13/cobra", "v1.6.1", "pkg:golang/github.com/spf13/cobra@v1.6.1"),
            tuple("golang.org/x/net", "v0.17.0", "pkg:golang/golang.org/x/net@v0.17.0"),
            tuple("gopkg.in/yaml.v2", "v2.4.0", "pkg:golang/gopkg.in/yaml.v2@v2.4.0"),
            tuple(
                "github.com/docker/docker",
                "v20.10.24+incompatible",
                "pkg:golang/github.com/docker/docker@v20.10.24%2Bincompatible"));
    assertThat(r.packages())
        .allSatisfy(
            p -> {
              assertThat(p.type()).isEqualTo("golang");
              assertThat(p.path()).isEqualTo("usr/local/bin/app");
              assertThat(p.sourceName()).isEqualTo(p.name());
              assertThat(p.sourceVersion()).isEqualTo(p.version());
            });
  }

  @Test
  void ignoresFilesThatAreNotElfOrHaveNoBuildInfo() throws Exception {
    byte[] script =
        "#!/bin/sh\necho hello, this is a shell script and not a binary at all\n"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(LangFiles.analyze(analyzer, "usr/bin/hello", script))
        .isEqualTo(dev.bulkhead.core.spi.AnalysisResult.EMPTY);
    assertThat(LangFiles.analyze(analyzer, "usr/bin/rust", LangFiles.bytes("rustbin/app")))
        .isEqualTo(dev.bulkhead.core.spi.AnalysisResult.EMPTY);
  }

  @Test
  void turnsATruncatedElfIntoAWarning() throws Exception {
    byte[] all = LangFiles.bytes("gobin/app");
    AnalysisResult r = LangFiles.analyze(analyzer, "bin/app", Arrays.copyOf(all, 200));
    assertThat(r.packages()).isEmpty();
    assertThat(r.warnings()).singleElement().asString().startsWith("bin/app: cannot read");
  }

  @Test
  void turnsAHugeVarintIntoAWarning() throws Exception {
    byte[] all = LangFiles.bytes("gobin/app");
    int at = indexOf(all, "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1));
    Arrays.fill(all, at + 32, at + 44, (byte) 0xff);
    AnalysisResult r = LangFiles.analyze(analyzer, "bin/app", all);
    assertThat(r.packages()).isEmpty();
    assertThat(r.warnings()).singleElement().asString().contains("varint");
  }

  @Test
  void turnsALengthBeyondTheSectionIntoAWarning() throws Exception {
    byte[] all = LangFiles.bytes("gobin/app");
    int at = indexOf(all, "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1));
    all[at + 32] = (byte) 0xff;
    all[at + 33] = (byte) 0x7f;
    AnalysisResult r = LangFiles.analyze(analyzer, "bin/app", all);
    assertThat(r.packages()).isEmpty();
    assertThat(r.warnings()).singleElement().asString().contains("does not fit");
  }

  @Test
  void turnsBogusSectionHeaderOffsetsIntoAWarning() throws Exception {
    byte[] all = LangFiles.bytes("gobin/app");
    // e_shoff (ELF64 little endian, offset 40) pointed far past the end of the file.
    Arrays.fill(all, 40, 48, (byte) 0);
    all[46] = 0x7f;
    AnalysisResult r = LangFiles.analyze(analyzer, "bin/app", all);
    assertThat(r.packages()).isEmpty();
    assertThat(r.warnings()).singleElement().asString().contains("outside");
  }

  @Test
  void convertsGoToolchainVersions() {
    assertThat(GoBinaryAnalyzer.stdlibVersion("go1.19.8")).isEqualTo("v1.19.8");
    assertThat(GoBinaryAnalyzer.stdlibVersion("go1.20")).isEqualTo("v1.20.0");
    assertThat(GoBinaryAnalyzer.stdlibVersion("go1.21rc2")).isEqualTo("v1.21.0-rc.2");
    assertThat(GoBinaryAnalyzer.stdlibVersion("go1.22.1 X:boringcrypto")).isEqualTo("v1.22.1");
    assertThat(GoBinaryAnalyzer.stdlibVersion("devel go1.23-abc")).isNull();
  }

  @Test
  void acceptsExecutableLookingPathsOnly() {
    assertThat(analyzer.accepts("usr/bin/docker-registry", 20_000_000)).isTrue();
    assertThat(analyzer.accepts("app", 5_000_000)).isTrue();
    assertThat(analyzer.accepts("ko-app/server", 5_000_000)).isTrue();
    assertThat(analyzer.accepts("usr/share/doc/readme", 5_000)).isFalse();
    assertThat(analyzer.accepts("usr/bin/script.sh", 5_000)).isFalse();
    assertThat(analyzer.accepts("usr/bin/tiny", 10)).isFalse();
    assertThat(analyzer.accepts("usr/bin/huge", ElfImage.MAX_BYTES + 1)).isFalse();
  }

  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("needle not found");
  }
}
