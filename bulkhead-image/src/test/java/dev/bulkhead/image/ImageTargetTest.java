package dev.bulkhead.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.BulkheadException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageTargetTest {
  @TempDir Path tmp;

  @Test
  void parsesEachKind() throws Exception {
    assertThat(ImageTarget.parse("docker-archive:/a/b.tar"))
        .isEqualTo(new ImageTarget(ImageTarget.Kind.DOCKER_ARCHIVE, "/a/b.tar", null));
    assertThat(ImageTarget.parse("oci:/layout:3.11"))
        .isEqualTo(new ImageTarget(ImageTarget.Kind.OCI_LAYOUT, "/layout", "3.11"));
    assertThat(ImageTarget.parse("oci:/layout"))
        .isEqualTo(new ImageTarget(ImageTarget.Kind.OCI_LAYOUT, "/layout", null));
    assertThat(ImageTarget.parse("dir:/"))
        .isEqualTo(new ImageTarget(ImageTarget.Kind.DIRECTORY, "/", null));
    assertThat(ImageTarget.parse("127.0.0.1:5000/app:1.2"))
        .isEqualTo(new ImageTarget(ImageTarget.Kind.REGISTRY, "127.0.0.1:5000/app:1.2", null));
    assertThat(ImageTarget.parse("docker://alpine:3.11"))
        .isEqualTo(new ImageTarget(ImageTarget.Kind.REGISTRY, "alpine:3.11", null));
  }

  @Test
  void ociDirectoryWithColonInItsNameIsNotSplit() throws Exception {
    Path odd = Files.createDirectories(tmp.resolve("with:colon"));
    assertThat(ImageTarget.parse("oci:" + odd).tag()).isNull();
  }

  @Test
  void plainPathsAndUnsupportedSourcesGetOneClearLine() throws Exception {
    assertThatThrownBy(() -> ImageTarget.parse("/x.tar"))
        .isInstanceOf(BulkheadException.class)
        .hasMessage(
            "image archive /x.tar not found; pass docker-archive:PATH to a `docker save` tar");
    Path file = Files.writeString(tmp.resolve("img.tar"), "");
    assertThatThrownBy(() -> ImageTarget.parse(file.toString()))
        .hasMessage(file + " is a file; pass docker-archive:" + file);
    assertThatThrownBy(() -> ImageTarget.parse("docker-daemon:alpine:3"))
        .hasMessageStartingWith("image source 'docker-daemon:' is not supported; use");
    assertThatThrownBy(() -> ImageTarget.parse("  ")).hasMessageStartingWith("no image given");
    assertThatThrownBy(() -> ImageTarget.parse("dir:")).hasMessageContaining("names no image");
  }
}
