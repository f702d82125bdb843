package dev.bulkhead.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.Report;
import dev.bulkhead.core.testing.SharedData;
import dev.bulkhead.image.testing.TestAnalyzers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Converts the real alpine archive to an OCI layout with skopeo and scans both. */
class OciLayoutIT {
  @TempDir Path tmp;

  @Test
  void skopeoLayoutGivesTheSameReportAsTheArchive() throws Exception {
    Path alpine = SharedData.require("images/alpine-311.tar.gz");
    Path layout = tmp.resolve("layout");
    // skopeo reads only plain docker-archives: gunzip a copy first (the shared file stays as is).
    Path plain = tmp.resolve("alpine.tar");
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(alpine))) {
      Files.copy(in, plain);
    }
    skopeo("copy", "docker-archive:" + plain, "oci:" + layout + ":3.11");
    Report archive = scan("docker-archive:" + alpine);
    assertThat(scan("docker-archive:" + plain).packages()).isEqualTo(archive.packages());
    Report tagged = scan("oci:" + layout + ":3.11");
    Report untagged = scan("oci:" + layout);
    assertThat(tagged.packages()).isNotEmpty().isEqualTo(archive.packages());
    assertThat(untagged.packages()).isEqualTo(archive.packages());
    assertThat(tagged.os()).isEqualTo(archive.os());
    assertThat(tagged.layers().get(0).diffId()).isEqualTo(archive.layers().get(0).diffId());
    assertThat(tagged.layers().get(0).digest()).isNotEqualTo(tagged.layers().get(0).diffId());

    Path blob = layerBlob(layout, tagged.layers().get(0).digest());
    byte[] bytes = Files.readAllBytes(blob);
    bytes[bytes.length / 2] ^= 1;
    Files.write(blob, bytes);
    assertThatThrownBy(() -> scan("oci:" + layout + ":3.11"))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining(tagged.layers().get(0).digest());
  }

  private static Report scan(String target) throws BulkheadException {
    return ImageScan.of(target).withAnalyzers(TestAnalyzers.registry()).run();
  }

  private static Path layerBlob(Path layout, String digest) {
    return layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
  }

  private static void skopeo(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("skopeo", "--insecure-policy"));
    command.addAll(List.of(args));
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      fail("skopeo is missing; install it with: apt-get install -y skopeo", e);
      return;
    }
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("skopeo %s: %s", command, out).isZero();
  }
}
