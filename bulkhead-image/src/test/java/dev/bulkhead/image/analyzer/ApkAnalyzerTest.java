package dev.bulkhead.image.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bulkhead.core.Package;
import dev.bulkhead.core.spi.AnalysisResult;
import dev.bulkhead.core.testing.SharedData;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.junit.jupiter.api.Test;

class ApkAnalyzerTest {
  private final ApkAnalyzer analyzer = new ApkAnalyzer();

  @Test
  void readsTheRealAlpine311Database() throws Exception {
    Path archive = SharedData.require("images/alpine-311.tar.gz");
    byte[] installed = extractFromFirstLayer(archive, "lib/apk/db/installed");
    assertThat(analyzer.accepts("lib/apk/db/installed", installed.length)).isTrue();
    AnalysisResult r = TestFiles.analyze(analyzer, "lib/apk/db/installed", installed);
    assertThat(r.warnings()).isEmpty();
    assertThat(r.packages()).hasSize(14).allMatch(p -> "x86_64".equals(p.arch()));
    assertThat(r.packages())
        .extracting(Package::name, Package::version, Package::sourceName, Package::sourceVersion)
        .contains(
            tuple("musl", "1.1.24-r2", "musl", "1.1.24-r2"),
            tuple("libcrypto1.1", "1.1.1d-r3", "openssl", "1.1.1d-r3"),
            tuple("ssl_client", "1.31.1-r9", "busybox", "1.31.1-r9"),
            tuple("scanelf", "1.2.4-r0", "pax-utils", "1.2.4-r0"));
    assertThat(r.packages().get(0).purl()).isEqualTo("pkg:apk/alpine/musl@1.1.24-r2?arch=x86_64");
  }

  @Test
  void defaultsOriginToNameAndWarnsAboutIncompleteRecords() throws Exception {
    AnalysisResult r =
        TestFiles.analyze(
            analyzer, "lib/apk/db/installed", TestFiles.fixture("apk-small/installed"));
    assertThat(r.packages())
        .extracting(Package::name, Package::arch, Package::sourceName, Package::type)
        .containsExactly(
            tuple("libcurl", "aarch64", "curl", "apk"),
            tuple("noorigin", "x86_64", "noorigin", "apk"));
    assertThat(r.warnings())
        .containsExactly(
            "lib/apk/db/installed: record at line 12 has no P: or no V: line; skipped");
  }

  @Test
  void warnsAboutGarbageLines() throws Exception {
    AnalysisResult r =
        TestFiles.analyze(analyzer, "lib/apk/db/installed", "P:x\nV:1\ngarbage\n\n\u0000\u0001");
    assertThat(r.packages()).extracting(Package::name).containsExactly("x");
    assertThat(r.warnings()).hasSize(3).allMatch(w -> w.startsWith("lib/apk/db/installed: "));
  }

  /** Opens a docker save archive (gzipped or plain) and reads a file from its first layer. */
  static byte[] extractFromFirstLayer(Path archive, String path) throws Exception {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
        InputStream outer = maybeDecompress(raw);
        TarArchiveInputStream tar = new TarArchiveInputStream(outer)) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (e.getName().endsWith("layer.tar") || e.getName().startsWith("blobs/")) {
          TarArchiveInputStream layer =
              new TarArchiveInputStream(maybeDecompress(new BufferedInputStream(tar)));
          for (TarArchiveEntry f = layer.getNextEntry(); f != null; f = layer.getNextEntry()) {
            String name = f.getName().startsWith("./") ? f.getName().substring(2) : f.getName();
            if (name.equals(path)) {
              return layer.readAllBytes();
            }
          }
        }
      }
    }
    throw new AssertionError(path + " not found in " + archive);
  }

  private static InputStream maybeDecompress(InputStream in) throws IOException {
    try {
      CompressorStreamFactory.detect(in);
      return new CompressorStreamFactory().createCompressorInputStream(in);
    } catch (CompressorException notCompressed) {
      return in;
    }
  }
}
