package dev.bulkhead.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.digest.Digests;
import dev.bulkhead.core.spi.Progress;
import dev.bulkhead.image.source.ImageMetadata;
import dev.bulkhead.image.source.ImageMetadata.LayerDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls images that skopeo pushed to a real docker-registry. */
class RegistrySourceIT {
  private static final RegistryOptions PLAIN = RegistryOptions.defaults().withInsecure(true);

  @TempDir static Path dir;
  private static LocalRegistry registry;

  @BeforeAll
  static void startRegistry() throws Exception {
    registry = LocalRegistry.start(Files.createDirectories(dir.resolve("registry")));
  }

  @AfterAll
  static void stopRegistry() {
    if (registry != null) {
      registry.close();
    }
  }

  private static List<byte[]> twoLayers(String tag) throws Exception {
    return List.of(
        TestImages.layerTar(Map.of("etc/os-release", "ID=test\nVERSION=" + tag + "\n")),
        TestImages.layerTar(Map.of("app/hello.txt", "hello " + tag)));
  }

  private static Path archive(String tag) throws Exception {
    return TestImages.dockerArchive(
        dir.resolve(tag + ".tar"), "app:" + tag, "amd64", twoLayers(tag));
  }

  @Test
  void pullsGzipDockerImageLayersInOrderWithProgress() throws Exception {
    registry.push("docker-archive:" + archive("gzip"), "app:gzip");
    RecordingHandler handler = new RecordingHandler();

    ImageMetadata meta =
        new RegistrySource(registry.host() + "/app:gzip", PLAIN).read(handler, handler);

    assertThat(meta.target()).isEqualTo(registry.host() + "/app:gzip");
    assertThat(meta.layers()).hasSize(2);
    assertThat(meta.layers())
        .allSatisfy(
            l -> {
              assertThat(l.key()).isEqualTo(l.digest()).startsWith("sha256:");
              assertThat(l.mediaType()).endsWith("gzip");
              assertThat(l.size()).isPositive();
            });
    assertThat(handler.keys)
        .containsExactlyElementsOf(meta.layers().stream().map(LayerDescriptor::key).toList());
    assertThat(handler.files)
        .containsEntry("etc/os-release", "ID=test\nVERSION=gzip\n")
        .containsEntry("app/hello.txt", "hello gzip");
    assertThat(meta.configDigest()).isEqualTo(Digests.sha256(meta.configJson()));
    JsonNode config = new ObjectMapper().readTree(meta.configJson());
    assertThat(config.path("rootfs").path("diff_ids")).hasSize(2);
    assertThat(handler.tasks).hasSize(2).first().asString().startsWith("layer 1/2 sha256:");
    assertThat(handler.totals)
        .containsExactly(meta.layers().get(0).size(), meta.layers().get(1).size());
    assertThat(handler.advanced)
        .isEqualTo(meta.layers().get(0).size() + meta.layers().get(1).size());
    assertThat(handler.finished).isEqualTo(2);
  }

  @Test
  void pullsZstdLayers() throws Exception {
    registry.push(
        "docker-archive:" + archive("zstd"),
        "app:zstd",
        "--format",
        "oci",
        "--dest-compress-format",
        "zstd");
    RecordingHandler handler = new RecordingHandler();

    ImageMetadata meta =
        new RegistrySource(registry.host() + "/app:zstd", PLAIN).read(handler, Progress.NONE);

    assertThat(meta.layers())
        .extracting(LayerDescriptor::mediaType)
        .containsOnly("application/vnd.oci.image.layer.v1.tar+zstd");
    assertThat(handler.files).containsEntry("app/hello.txt", "hello zstd");
  }

  @Test
  void pullsUncompressedLayers() throws Exception {
    TestImages.OciLayout layout = new TestImages.OciLayout(dir.resolve("plain-oci"));
    layout.tag("plain", List.of(layout.image("linux", "amd64", null, twoLayers("plain"), false)));
    registry.push("oci:" + dir.resolve("plain-oci") + ":plain", "app:plain", "--preserve-digests");
    RecordingHandler handler = new RecordingHandler();

    ImageMetadata meta =
        new RegistrySource(registry.host() + "/app:plain", PLAIN).read(handler, Progress.NONE);

    assertThat(meta.layers())
        .extracting(LayerDescriptor::mediaType)
        .containsOnly("application/vnd.oci.image.layer.v1.tar");
    assertThat(handler.files).containsEntry("etc/os-release", "ID=test\nVERSION=plain\n");
  }

  @Test
  void selectsPlatformFromImageIndex() throws Exception {
    TestImages.OciLayout layout = new TestImages.OciLayout(dir.resolve("multi-oci"));
    layout.tag(
        "multi",
        List.of(
            layout.image(
                "linux",
                "amd64",
                null,
                List.of(TestImages.layerTar(Map.of("arch", "amd64"))),
                true),
            layout.image(
                "linux",
                "arm64",
                "v8",
                List.of(TestImages.layerTar(Map.of("arch", "arm64"))),
                true)));
    registry.push("oci:" + dir.resolve("multi-oci") + ":multi", "multi:1", "--all");
    String ref = registry.host() + "/multi:1";

    RecordingHandler amd64 = new RecordingHandler();
    new RegistrySource(ref, PLAIN).read(amd64, Progress.NONE);
    RecordingHandler arm64 = new RecordingHandler();
    ImageMetadata armMeta =
        new RegistrySource(ref, PLAIN.withPlatform("linux/arm64")).read(arm64, Progress.NONE);

    assertThat(amd64.files).containsExactly(Map.entry("arch", "amd64"));
    assertThat(arm64.files).containsExactly(Map.entry("arch", "arm64"));
    assertThat(new ObjectMapper().readTree(armMeta.configJson()).path("architecture").asText())
        .isEqualTo("arm64");
    assertThatThrownBy(
            () ->
                new RegistrySource(ref, PLAIN.withPlatform("linux/s390x"))
                    .read(new RecordingHandler(), Progress.NONE))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("pull manifest for multi:1 from " + registry.host() + " failed")
        .hasMessageContaining("no linux/s390x variant")
        .hasMessageContaining("linux/amd64, linux/arm64/v8");
  }

  @Test
  void pullsByDigestAndRejectsUnknownOnes() throws Exception {
    Path digestFile = dir.resolve("digest.txt");
    registry.push(
        "docker-archive:" + archive("pinned"), "app:pinned", "--digestfile", digestFile.toString());
    String digest = Files.readString(digestFile).trim();
    RecordingHandler handler = new RecordingHandler();

    new RegistrySource(registry.host() + "/app@" + digest, PLAIN).read(handler, Progress.NONE);

    assertThat(handler.files).containsEntry("app/hello.txt", "hello pinned");
    String unknown = "sha256:" + "0".repeat(64);
    assertThatThrownBy(
            () ->
                new RegistrySource(registry.host() + "/app@" + unknown, PLAIN)
                    .read(handler, Progress.NONE))
        .hasMessageStartingWith(
            "pull manifest for app@"
                + unknown
                + " from "
                + registry.host()
                + " failed: 404 Not Found")
        .hasMessageContaining("manifest unknown");
  }
}
