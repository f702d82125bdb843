package dev.bulkhead.image.registry;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.spi.Progress;
import dev.bulkhead.image.source.ImageMetadata;
import dev.bulkhead.image.source.ImageSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the one-line errors for unknown images, unreachable registries and corrupt blobs. */
class RegistryFailuresIT {
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

  @Test
  void reportsUnknownTagAsManifestUnknown() {
    assertThatThrownBy(
            () ->
                new RegistrySource(registry.host() + "/app:nope", PLAIN)
                    .read(new RecordingHandler(), Progress.NONE))
        .isInstanceOf(BulkheadException.class)
        .hasMessageStartingWith(
            "pull manifest for app:nope from " + registry.host() + " failed: 404 Not Found")
        .hasMessageContaining("check that app:nope exists in " + registry.host());
  }

  @Test
  void reportsUnreachableRegistryAndSuggestsInsecure() throws Exception {
    int port = LocalRegistry.freePort();
    assertThatThrownBy(
            () ->
                new RegistrySource("127.0.0.1:" + port + "/app:1", PLAIN)
                    .read(new RecordingHandler(), Progress.NONE))
        .isInstanceOf(BulkheadException.class)
        .hasMessage(
            "pull manifest for app:1 from 127.0.0.1:"
                + port
                + " failed: registry 127.0.0.1:"
                + port
                + " is unreachable (connection refused); check the host and port, and pass --insecure for a plain-HTTP registry");
  }

  @Test
  void suggestsInsecureWhenTheRegistrySpeaksPlainHttp() {
    assertThatThrownBy(
            () ->
                new RegistrySource(registry.host() + "/app:nope", RegistryOptions.defaults())
                    .read(new RecordingHandler(), Progress.NONE))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("TLS handshake with " + registry.host() + " failed")
        .hasMessageContaining("pass --insecure");
  }

  @Test
  void failsHardOnCorruptLayerEvenWhenTheHandlerReadsNothing() throws Exception {
    byte[] big = TestImages.layerTar(Map.of("data.txt", "x".repeat(200_000) + Math.random()));
    Path tar =
        TestImages.dockerArchive(dir.resolve("corrupt.tar"), "corrupt:1", "amd64", List.of(big));
    registry.push("docker-archive:" + tar, "corrupt:1");
    ImageMetadata meta =
        new RegistrySource(registry.host() + "/corrupt:1", PLAIN)
            .read((k, in) -> {}, Progress.NONE);
    String digest = meta.layers().get(0).digest();
    Path blob = registry.blobFile(digest);
    byte[] bytes = Files.readAllBytes(blob);
    bytes[bytes.length / 2] ^= 0x55;
    Files.write(blob, bytes);

    for (ImageSource.LayerHandler handler :
        List.<ImageSource.LayerHandler>of((k, in) -> {}, new RecordingHandler())) {
      assertThatThrownBy(
              () ->
                  new RegistrySource(registry.host() + "/corrupt:1", PLAIN)
                      .read(handler, Progress.NONE))
          .isInstanceOf(BulkheadException.class)
          .hasMessageStartingWith(
              "pull layer 1/1 "
                  + digest
                  + " of corrupt:1 from "
                  + registry.host()
                  + " failed: digest mismatch")
          .hasMessageContaining("do not trust this image");
    }
  }
}
