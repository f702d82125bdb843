package dev.bulkhead.image.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.Report;
import dev.bulkhead.image.ImageScan;
import dev.bulkhead.image.testing.DockerArchiveBuilder;
import dev.bulkhead.image.testing.TarBuilder;
import dev.bulkhead.image.testing.TestAnalyzers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds OCI layouts by hand (nested index, two tags) and scans them. */
class OciLayoutSourceTest {
  @TempDir Path dir;
  private String amd64Layer;

  @BeforeEach
  void layout() throws IOException {
    Files.createDirectories(dir.resolve("blobs/sha256"));
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    String amd64 = manifest("amd 1\n");
    amd64Layer = lastLayer;
    String arm64 = manifest("arm 1\n");
    String index =
        blob(
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                + "\"manifests\":["
                + descriptor(
                    MANIFEST, arm64, ",\"platform\":{\"os\":\"linux\",\"architecture\":\"arm64\"}")
                + ","
                + descriptor(
                    MANIFEST, amd64, ",\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}")
                + "]}");
    String single = manifest("single 1\n");
    Files.writeString(
        dir.resolve("index.json"),
        "{\"schemaVersion\":2,\"manifests\":["
            + descriptor(INDEX, index, ",\"annotations\":{\"" + REF + "\":\"multi\"}")
            + ","
            + descriptor(MANIFEST, single, ",\"annotations\":{\"" + REF + "\":\"one\"}")
            + "]}");
  }

  private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  private static final String INDEX = "application/vnd.oci.image.index.v1+json";
  private static final String REF = "org.opencontainers.image.ref.name";
  private String lastLayer;

  private Report scan(String target) throws BulkheadException {
    return ImageScan.of(target).withAnalyzers(TestAnalyzers.registry()).run();
  }

  @Test
  void picksByTagThenByPlatform() throws Exception {
    assertThat(scan("oci:" + dir + ":multi").packages())
        .extracting(p -> p.name())
        .containsExactly("amd");
    assertThat(scan("oci:" + dir + ":one").packages())
        .extracting(p -> p.name())
        .containsExactly("single");
    Report arm =
        ImageScan.of("oci:" + dir + ":multi")
            .withAnalyzers(TestAnalyzers.registry())
            .withRegistryOptions(
                dev.bulkhead.image.registry.RegistryOptions.defaults().withPlatform("linux/arm64"))
            .run();
    assertThat(arm.packages()).extracting(p -> p.name()).containsExactly("arm");
  }

  private Report scanMulti(String platform) throws BulkheadException {
    return ImageScan.of("oci:" + dir + ":multi")
        .withAnalyzers(TestAnalyzers.registry())
        .withRegistryOptions(
            dev.bulkhead.image.registry.RegistryOptions.defaults().withPlatform(platform))
        .run();
  }

  @Test
  void platformIsMatchedAsTheRegistryMatchesIt() throws Exception {
    for (String platform : List.of("linux/arm64/v8", "linux/aarch64", "Linux/ARM64")) {
      assertThat(scanMulti(platform).packages())
          .as(platform)
          .extracting(p -> p.name())
          .containsExactly("arm");
    }
    assertThat(scanMulti("linux/x86_64").packages())
        .extracting(p -> p.name())
        .containsExactly("amd");
  }

  @Test
  void noMatchingPlatformListsTheAvailableOnes() {
    assertThatThrownBy(() -> scanMulti("linux/arm/v7"))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("no image for platform linux/arm/v7")
        .hasMessageContaining("linux/arm64, linux/amd64")
        .hasMessageContaining("pass --platform with one of those");
    assertThatThrownBy(() -> scanMulti("linux"))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("expected os/arch[/variant]");
  }

  @Test
  void severalImagesWithoutTagAskForOne() {
    assertThatThrownBy(() -> scan("oci:" + dir))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("holds 2 images [multi, one]; pass oci:DIR:TAG");
    assertThatThrownBy(() -> scan("oci:" + dir + ":nope"))
        .hasMessageContaining("no image tagged 'nope'");
  }

  @Test
  void corruptBlobIsAnErrorNamingIt() throws Exception {
    Path blob = dir.resolve("blobs/sha256").resolve(amd64Layer.substring(7));
    byte[] tar = new TarBuilder().file("db/list", "amd 2\n").build();
    Files.write(blob, DockerArchiveBuilder.gzip(tar));
    assertThatThrownBy(() -> scan("oci:" + dir + ":multi"))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("blob " + amd64Layer)
        .hasMessageContaining("does not match its digest");
  }

  private String manifest(String dbLine) throws IOException {
    byte[] tar = new TarBuilder().file("db/list", dbLine).build();
    lastLayer = blob(DockerArchiveBuilder.gzip(tar));
    String config =
        blob(
            "{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + DockerArchiveBuilder.sha256(tar)
                + "\"]},\"history\":[{\"created_by\":\"ADD "
                + dbLine.trim()
                + "\"}]}");
    return blob(
        "{\"schemaVersion\":2,\"mediaType\":\""
            + MANIFEST
            + "\",\"config\":"
            + descriptor("application/vnd.oci.image.config.v1+json", config, "")
            + ",\"layers\":["
            + descriptor("application/vnd.oci.image.layer.v1.tar+gzip", lastLayer, "")
            + "]}");
  }

  private String descriptor(String mediaType, String digest, String extra) throws IOException {
    long size = Files.size(dir.resolve("blobs/sha256").resolve(digest.substring(7)));
    return "{\"mediaType\":\""
        + mediaType
        + "\",\"digest\":\""
        + digest
        + "\",\"size\":"
        + size
        + extra
        + "}";
  }

  private String blob(String json) throws IOException {
    return blob(json.getBytes(StandardCharsets.UTF_8));
  }

  private String blob(byte[] bytes) throws IOException {
    String digest = DockerArchiveBuilder.sha256(bytes);
    Files.write(dir.resolve("blobs/sha256").resolve(digest.substring(7)), bytes);
    return digest;
  }
}
