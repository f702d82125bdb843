package dev.bulkhead.image.langbin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisResult;
import dev.bulkhead.core.spi.Analyzer;
import dev.bulkhead.core.spi.Registry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class LockfileAnalyzersTest {

  private static List<String> purls(Analyzer a, String path, String fixture) throws Exception {
    AnalysisResult r = LangFiles.analyze(a, path, LangFiles.fixture(fixture));
    assertThat(r.warnings()).isEmpty();
    assertThat(r.packages()).allSatisfy(p -> assertThat(p.path()).isEqualTo(path));
    return r.packages().stream().map(Package::purl).toList();
  }

  @Test
  void registersUnderDistinctIds() {
    Registry<Analyzer> registry =
        Registry.of(
            List.of(
                new GoBinaryAnalyzer(),
                new GoModAnalyzer(),
                new CargoLockAnalyzer(),
                new RustBinaryAnalyzer(),
                new GemfileLockAnalyzer(),
                new ComposerLockAnalyzer(),
                new DotnetDepsAnalyzer(),
                new NugetLockAnalyzer()),
            Analyzer::id);
    assertThat(registry.all()).hasSize(8);
  }

  @Test
  void goModAppliesReplacements() throws Exception {
    assertThat(purls(new GoModAnalyzer(), "src/app/go.mod", "lockfiles/go.mod"))
        .containsExactly(
            "pkg:golang/github.com/sirupsen/logrus@v1.9.0",
            "pkg:golang/github.com/spf13/cobra@v1.6.1",
            "pkg:golang/golang.org/x/net@v0.17.0",
            "pkg:golang/gopkg.in/yaml.v2@v2.4.0");
    assertThat(new GoModAnalyzer().accepts("root/go/pkg/mod/github.com/a/b@v1.0.0/go.mod", 10))
        .isFalse();
  }

  @Test
  void cargoLockListsSourcedPackagesOnly() throws Exception {
    assertThat(purls(new CargoLockAnalyzer(), "src/Cargo.lock", "lockfiles/Cargo.lock"))
        .containsExactly(
            "pkg:cargo/aho-corasick@1.0.5",
            "pkg:cargo/memchr@2.6.3",
            "pkg:cargo/regex@1.9.5",
            "pkg:cargo/serde@1.0.188",
            "pkg:cargo/tokio@1.32.0");
  }

  @Test
  void theSinglePassElfAnalyzerFindsTheSameCrates() throws Exception {
    Path app = LangFiles.fixture("rustbin/app");
    AnalysisResult rust = LangFiles.analyze(new RustBinaryAnalyzer(), "usr/bin/app", app);
    AnalysisResult both = LangFiles.analyze(new ElfBinaryAnalyzer(), "usr/bin/app", app);
    assertThat(both.packages()).isNotEmpty().isEqualTo(rust.packages());
    assertThat(both.warnings()).isEmpty();
    assertThat(new ElfBinaryAnalyzer().accepts("usr/bin/app", java.nio.file.Files.size(app)))
        .isTrue();
    assertThat(new ElfBinaryAnalyzer().accepts("usr/share/doc/readme.txt", 4096)).isFalse();
  }

  @Test
  void rustBinaryListsRuntimeCratesFromDepV0() throws Exception {
    AnalysisResult r =
        LangFiles.analyze(
            new RustBinaryAnalyzer(), "usr/bin/app", LangFiles.fixture("rustbin/app"));
    assertThat(r.warnings()).isEmpty();
    assertThat(r.packages())
        .extracting(Package::purl)
        .containsExactly(
            "pkg:cargo/serde@1.0.188",
            "pkg:cargo/regex@1.9.5",
            "pkg:cargo/smallvec@1.6.0",
            "pkg:cargo/regex-syntax@0.7.5");
    assertThat(r.packages()).allSatisfy(p -> assertThat(p.type()).isEqualTo("cargo"));
  }

  @Test
  void rustBinaryTurnsAZlibBombIntoAWarning() throws Exception {
    byte[] all = LangFiles.bytes("rustbin/app");
    byte[] zeros = new byte[64 * 1024 * 1024];
    Deflater d = new Deflater(9);
    d.setInput(zeros);
    d.finish();
    byte[] bomb = new byte[128 * 1024];
    int n = d.deflate(bomb);
    assertThat(d.finished()).isTrue();
    // Swap the section payload for the bomb: same name, new offset and size at the file's end.
    byte[] bigger = Arrays.copyOf(all, all.length + n);
    System.arraycopy(bomb, 0, bigger, all.length, n);
    patchSection(bigger, ".dep-v0", all.length, n);
    AnalysisResult r = LangFiles.analyze(new RustBinaryAnalyzer(), "usr/bin/app", bigger);
    assertThat(r.packages()).isEmpty();
    assertThat(r.warnings()).singleElement().asString().contains("damaged .dep-v0");
  }

  @Test
  void rustBinaryTurnsGarbageIntoAWarning() throws Exception {
    byte[] all = LangFiles.bytes("rustbin/app");
    int at = GoBinaryAnalyzerTest.indexOf(all, new byte[] {0x78, (byte) 0xda});
    all[at + 5] ^= 0x55;
    all[at + 9] ^= 0x55;
    AnalysisResult r = LangFiles.analyze(new RustBinaryAnalyzer(), "usr/bin/app", all);
    assertThat(r.warnings()).isNotEmpty();
  }

  @Test
  void gemfileLockReadsGemSpecsWithPlatforms() throws Exception {
    assertThat(purls(new GemfileLockAnalyzer(), "app/Gemfile.lock", "lockfiles/Gemfile.lock"))
        .containsExactly(
            "pkg:gem/actionpack@7.0.4",
            "pkg:gem/loofah@2.21.3",
            "pkg:gem/crass@1.0.6",
            "pkg:gem/nokogiri@1.15.4?platform=x86_64-linux",
            "pkg:gem/racc@1.7.1",
            "pkg:gem/rack@2.2.8");
  }

  @Test
  void composerLockReadsPackagesAndDevPackages() throws Exception {
    assertThat(
            purls(new ComposerLockAnalyzer(), "var/www/composer.lock", "lockfiles/composer.lock"))
        .containsExactly(
            "pkg:composer/monolog/monolog@3.4.0",
            "pkg:composer/psr/log@3.0.0",
            "pkg:composer/symfony/http-foundation@v6.3.4",
            "pkg:composer/phpunit/phpunit@10.3.2");
  }

  @Test
  void dotnetDepsListsPackageLibraries() throws Exception {
    assertThat(purls(new DotnetDepsAnalyzer(), "app/app.deps.json", "lockfiles/app.deps.json"))
        .containsExactly("pkg:nuget/Newtonsoft.Json@13.0.1", "pkg:nuget/Serilog@2.12.0");
  }

  @Test
  void nugetLockDeduplicatesFrameworks() throws Exception {
    assertThat(
            purls(
                new NugetLockAnalyzer(), "src/packages.lock.json", "lockfiles/packages.lock.json"))
        .containsExactly("pkg:nuget/Newtonsoft.Json@13.0.1", "pkg:nuget/System.Text.Json@6.0.0");
  }

  @Test
  void malformedJsonBecomesAWarning() throws Exception {
    byte[] broken =
        "{\"packages\":[{\"name\":\"a/b\",\"version\":\"1.0\"},{\"name\":"
            .getBytes(StandardCharsets.UTF_8);
    AnalysisResult r = LangFiles.analyze(new ComposerLockAnalyzer(), "composer.lock", broken);
    assertThat(r.packages()).extracting(Package::purl).containsExactly("pkg:composer/a/b@1.0");
    assertThat(r.warnings()).singleElement().asString().startsWith("composer.lock: malformed JSON");
    StringBuilder deep = new StringBuilder();
    deep.append("[".repeat(5000));
    AnalysisResult d =
        LangFiles.analyze(
            new DotnetDepsAnalyzer(),
            "x.deps.json",
            deep.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(d.packages()).isEmpty();
    assertThat(d.warnings()).hasSize(1);
  }

  /** Rewrites the offset and size of a named section in an ELF64 little-endian file. */
  private static void patchSection(byte[] elf, String name, long offset, long size) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(elf).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    long shoff = b.getLong(40);
    int shentsize = Short.toUnsignedInt(b.getShort(58));
    int shnum = Short.toUnsignedInt(b.getShort(60));
    int shstrndx = Short.toUnsignedInt(b.getShort(62));
    long strtab = b.getLong((int) (shoff + (long) shstrndx * shentsize + 24));
    for (int i = 0; i < shnum; i++) {
      int h = (int) (shoff + (long) i * shentsize);
      int nameAt = (int) (strtab + b.getInt(h));
      String s = new String(elf, nameAt, name.length(), StandardCharsets.ISO_8859_1);
      if (s.equals(name) && elf[nameAt + name.length()] == 0) {
        b.putLong(h + 24, offset);
        b.putLong(h + 32, size);
        return;
      }
    }
    throw new AssertionError(name + " not found");
  }
}
