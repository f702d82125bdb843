package dev.bulkhead.image.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.ZstdOutputStream;
import dev.bulkhead.image.testing.DockerArchiveBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CompressionTest {
  private static final byte[] DATA = "layer bytes ".repeat(1000).getBytes(StandardCharsets.UTF_8);

  private static byte[] roundTrip(byte[] stored) throws Exception {
    try (InputStream in = Compression.decompress(new ByteArrayInputStream(stored))) {
      return in.readAllBytes();
    }
  }

  @Test
  void sniffsGzipZstdAndPlain() throws Exception {
    ByteArrayOutputStream zstd = new ByteArrayOutputStream();
    try (ZstdOutputStream out = new ZstdOutputStream(zstd)) {
      out.write(DATA);
    }
    assertThat(roundTrip(zstd.toByteArray())).isEqualTo(DATA);
    assertThat(roundTrip(DockerArchiveBuilder.gzip(DATA))).isEqualTo(DATA);
    assertThat(roundTrip(DATA)).isEqualTo(DATA);
    assertThat(roundTrip(new byte[1])).containsExactly(0);
  }
}
