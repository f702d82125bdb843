package dev.bulkhead.image.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayerCompressionTest {

  private static byte[] open(byte[] blob, String mediaType) throws Exception {
    try (InputStream in = LayerCompression.open(new ByteArrayInputStream(blob), mediaType)) {
      return in.readAllBytes();
    }
  }

  @Test
  void opensGzipZstdAndPlainWhateverTheLabel() throws Exception {
    byte[] tar = TestImages.layerTar(Map.of("a.txt", "content"));

    assertThat(open(TestImages.gzip(tar), "application/vnd.oci.image.layer.v1.tar+gzip"))
        .isEqualTo(tar);
    assertThat(open(Zstd.compress(tar), "application/vnd.oci.image.layer.v1.tar+zstd"))
        .isEqualTo(tar);
    assertThat(open(tar, "application/vnd.oci.image.layer.v1.tar")).isEqualTo(tar);
    assertThat(open(TestImages.gzip(tar), "application/vnd.oci.image.layer.v1.tar")).isEqualTo(tar);
    assertThat(open(Zstd.compress(tar), "application/octet-stream")).isEqualTo(tar);
    assertThat(open(tar, null)).isEqualTo(tar);
  }

  @Test
  void mapsMediaTypes() {
    assertThat(LayerCompression.fromMediaType("application/vnd.docker.image.rootfs.diff.tar.gzip"))
        .isEqualTo(LayerCompression.GZIP);
    assertThat(
            LayerCompression.fromMediaType(
                "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd"))
        .isEqualTo(LayerCompression.ZSTD);
    assertThat(LayerCompression.fromMediaType("application/vnd.oci.image.layer.v1.tar"))
        .isEqualTo(LayerCompression.NONE);
    assertThat(LayerCompression.fromMediaType("application/json")).isNull();
  }
}
