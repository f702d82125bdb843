package dev.bulkhead.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.image.registry.json.Descriptor;
import dev.bulkhead.image.registry.json.PlatformJson;
import dev.bulkhead.image.source.Platform;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Picks index entries by platform as a registry pull does. */
class IndexPlatformTest {
  private static final List<Descriptor> ENTRIES =
      List.of(
          entry("a", "linux", "amd64", null),
          entry("b", "linux", "arm", "v7"),
          entry("c", "linux", "arm64", null),
          entry("d", "unknown", "unknown", null),
          entry("e", "windows", "amd64", null));

  private static Descriptor entry(String digest, String os, String arch, String variant) {
    return new Descriptor(MediaTypes.OCI_MANIFEST, digest, 1, new PlatformJson(os, arch, variant));
  }

  private static String select(String platform) throws BulkheadException {
    return ManifestResolver.select(Platform.parse(platform), ENTRIES, "pull").digest();
  }

  @Test
  void picksByOsArchAndVariant() throws BulkheadException {
    assertThat(select("linux/amd64")).isEqualTo("a");
    assertThat(select("linux/x86_64")).isEqualTo("a");
    assertThat(select("linux/arm/v7")).isEqualTo("b");
    assertThat(select("linux/arm")).isEqualTo("b");
    assertThat(select("linux/arm64/v8")).isEqualTo("c");
    assertThat(select("LINUX/aarch64")).isEqualTo("c");
    assertThat(select("windows/amd64")).isEqualTo("e");
  }

  @Test
  void listsAvailablePlatformsWhenNoneMatches() {
    assertThatThrownBy(() -> select("linux/arm/v6"))
        .hasMessage(
            "pull failed: the image has no linux/arm/v6 variant; pass --platform with one of:"
                + " linux/amd64, linux/arm/v7, linux/arm64, windows/amd64");
  }
}
