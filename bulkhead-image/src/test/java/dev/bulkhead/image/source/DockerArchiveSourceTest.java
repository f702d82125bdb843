package dev.bulkhead.image.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.Report;
import dev.bulkhead.core.spi.Progress;
import dev.bulkhead.core.testing.SharedData;
import dev.bulkhead.image.ImageScan;
import dev.bulkhead.image.testing.DockerArchiveBuilder;
import dev.bulkhead.image.testing.TarBuilder;
import dev.bulkhead.image.testing.TestAnalyzers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerArchiveSourceTest {
  @TempDir Path tmp;

  private static final byte[] BASE = new TarBuilder().file("db/a", "a 1\nb 1\n").build();
  private static final byte[] UPPER = new TarBuilder().file("db/c", "c 2\n").build();

  private static DockerArchiveBuilder twoLayers() {
    return new DockerArchiveBuilder().layer(BASE, "ADD base").layer(UPPER, "RUN c");
  }

  private Report scan(Path file) throws BulkheadException {
    return ImageScan.of("docker-archive:" + file).withAnalyzers(TestAnalyzers.registry()).run();
  }

  @Test
  void legacyAndOciStyleLayoutsGiveTheSameReport() throws Exception {
    Report legacy = scan(twoLayers().write(tmp.resolve("legacy.tar")));
    Report oci =
        scan(twoLayers().ociStyle().gzipLayers().manifestFirst().write(tmp.resolve("oci.tar")));
    Report gzipped = scan(twoLayers().gzipOuter().write(tmp.resolve("legacy.tar.gz")));
    assertThat(legacy.packages()).hasSize(3);
    assertThat(oci.packages()).isEqualTo(legacy.packages());
    assertThat(gzipped.packages()).isEqualTo(legacy.packages());
    assertThat(oci.layers().get(1).digest())
        .isEqualTo(DockerArchiveBuilder.sha256(DockerArchiveBuilder.gzip(UPPER)))
        .isNotEqualTo(oci.layers().get(1).diffId());
    assertThat(legacy.layers().get(1).diffId()).isEqualTo(oci.layers().get(1).diffId());
  }

  @Test
  void skippedContentStillCountsInBlobDigestsAndDiffIds() throws Exception {
    byte[] skipped =
        new TarBuilder().file("other/big", new byte[300_000]).file("db/z", "z 1\n").build();
    Report report =
        scan(
            new DockerArchiveBuilder()
                .layer(skipped, "ADD")
                .ociStyle()
                .write(tmp.resolve("skip.tar")));
    assertThat(report.packages()).extracting(p -> p.name()).containsExactly("z");
    assertThat(report.layers().get(0).diffId()).isEqualTo(DockerArchiveBuilder.sha256(skipped));
  }

  @Test
  void severalImagesScanTheFirstWithAWarning() throws Exception {
    Report report = scan(twoLayers().extraImage("other/image:2").write(tmp.resolve("m.tar")));
    assertThat(report.packages()).hasSize(3);
    assertThat(report.warnings())
        .anyMatch(w -> w.contains("holds 2 images") && w.contains("other/image:2"));
  }

  @Test
  void tamperedBlobFailsOnItsDigest() throws Exception {
    Path file = twoLayers().ociStyle().write(tmp.resolve("t.tar"));
    byte[] bytes = Files.readAllBytes(file);
    int at = indexOf(bytes, "c 2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    bytes[at + 2] = '3';
    Files.write(file, bytes);
    assertThatThrownBy(() -> scan(file))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("does not match its digest");
  }

  @Test
  void truncatedArchiveReportsTheLayersItHeld() throws Exception {
    byte[] big = new TarBuilder().file("big/filler", new byte[200_000]).build();
    Path file =
        new DockerArchiveBuilder()
            .layer(BASE, "ADD")
            .layer(big, "RUN big")
            .write(tmp.resolve("cut.tar"));
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    Report report = scan(file);
    assertThat(report.packages()).extracting(p -> p.name()).contains("a", "b");
    assertThat(report.warnings())
        .anyMatch(w -> w.contains("truncated or corrupt"))
        .anyMatch(w -> w.contains("no manifest.json"));
  }

  @Test
  void realAlpineArchiveIsReadInPlace() throws Exception {
    Path alpine = SharedData.require("images/alpine-311.tar.gz");
    List<String> labels = new ArrayList<>();
    long[] bytes = {0};
    Progress progress =
        new Progress() {
          @Override
          public void start(String task, long total) {
            labels.add(task + " " + total);
          }

          @Override
          public void advance(long amount) {
            bytes[0] += amount;
          }

          @Override
          public void finish() {
            labels.add("done");
          }
        };
    Report report =
        ImageScan.of("docker-archive:" + alpine)
            .withAnalyzers(TestAnalyzers.registry())
            .withProgress(progress)
            .run();
    assertThat(report.schemaVersion()).isEqualTo(1);
    assertThat(report.os().family()).isEqualTo("alpine");
    assertThat(report.os().version()).startsWith("3.11.");
    assertThat(report.layers()).hasSize(1);
    assertThat(report.layers().get(0).diffId()).startsWith("sha256:");
    assertThat(report.layers().get(0).createdBy()).contains("ADD file:");
    assertThat(report.packages())
        .extracting(p -> p.name())
        .contains("musl", "busybox", "apk-tools");
    assertThat(report.packages())
        .allSatisfy(p -> assertThat(p.layer()).isEqualTo(report.layers().get(0).diffId()));
    assertThat(labels)
        .containsExactly(
            "layer 1 485d7306187faf0cc9b77fc210e8def9d67b1953f0669e675877e90e6542cb6d/layer.tar"
                + " 5861888",
            "done");
    assertThat(bytes[0]).isEqualTo(5861888);
    assertThat(report.warnings()).isEmpty();
  }

  @Test
  void missingArchiveIsOneClearLine() {
    assertThatThrownBy(() -> scan(tmp.resolve("x.tar")))
        .isInstanceOf(BulkheadException.class)
        .hasMessage(
            "image archive "
                + tmp.resolve("x.tar")
                + " not found; pass docker-archive:PATH to a `docker save` tar");
  }

  @Test
  void notAnArchiveFailsClearly() throws Exception {
    Path file = Files.writeString(tmp.resolve("junk.tar"), "hello, not a tar at all");
    assertThatThrownBy(() -> scan(file))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("junk.tar")
        .hasMessageContaining("docker save");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("not found");
  }
}
