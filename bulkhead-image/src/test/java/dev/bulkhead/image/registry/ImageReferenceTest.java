package dev.bulkhead.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.BulkheadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {
  private static final String DIGEST = "sha256:" + "ab".repeat(32);

  @ParameterizedTest
  @CsvSource({
    "alpine, docker.io, library/alpine, latest, , registry-1.docker.io",
    "alpine:3.19, docker.io, library/alpine, 3.19, , registry-1.docker.io",
    "bitnami/redis:7, docker.io, bitnami/redis, 7, , registry-1.docker.io",
    "docker.io/alpine, docker.io, library/alpine, latest, , registry-1.docker.io",
    "index.docker.io/library/alpine:edge, docker.io, library/alpine, edge, , registry-1.docker.io",
    "127.0.0.1:5000/alpine:3.19, 127.0.0.1:5000, alpine, 3.19, , 127.0.0.1:5000",
    "localhost/app, localhost, app, latest, , localhost",
    "ghcr.io/org/team/app:v1.2.3-rc_1, ghcr.io, org/team/app, v1.2.3-rc_1, , ghcr.io",
    "registry:5000/app:1, registry:5000, app, 1, , registry:5000",
    "[::1]:5000/app:1, [::1]:5000, app, 1, , [::1]:5000",
  })
  void parsesReferences(
      String text, String registry, String repository, String tag, String digest, String endpoint)
      throws BulkheadException {
    ImageReference ref = ImageReference.parse(text);

    assertThat(ref).isEqualTo(new ImageReference(registry, repository, tag, digest));
    assertThat(ref.endpoint()).isEqualTo(endpoint);
  }

  @Test
  void digestWinsOverTag() throws BulkheadException {
    ImageReference ref = ImageReference.parse("127.0.0.1:5000/app:1@" + DIGEST);

    assertThat(ref.tag()).isEqualTo("1");
    assertThat(ref.manifestReference()).isEqualTo(DIGEST);
    assertThat(ref.shortName()).isEqualTo("app@" + DIGEST);
    assertThat(ImageReference.parse("alpine@" + DIGEST).tag()).isNull();
  }

  @Test
  void shortNameDropsDockerHubLibrary() throws BulkheadException {
    assertThat(ImageReference.parse("alpine:3.19").shortName()).isEqualTo("alpine:3.19");
    assertThat(ImageReference.parse("a.io/library/x").shortName()).isEqualTo("library/x:latest");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Alpine",
        "alpine:",
        "alpine:-bad",
        "alpine@sha256:abc",
        "alpine@md5:" + "ab",
        "app//x",
        "app/",
        "a..b",
        "bad host!:5000/app",
        "app:tag with space",
        "../etc/passwd"
      })
  void rejectsGarbageWithTheExpectedForm(String text) {
    assertThatThrownBy(() -> ImageReference.parse(text))
        .isInstanceOf(BulkheadException.class)
        .hasMessageStartingWith("parse image reference '")
        .hasMessageEndingWith("expected [HOST[:PORT]/]REPO[:TAG|@sha256:DIGEST]");
  }

  @Test
  void rejectsOverlongReferences() {
    assertThatThrownBy(() -> ImageReference.parse("a".repeat(600)))
        .hasMessageContaining("longer than 512");
    assertThatThrownBy(() -> ImageReference.parse("x.io/" + "a".repeat(300)))
        .hasMessageContaining("repository name is longer than 255");
  }
}
