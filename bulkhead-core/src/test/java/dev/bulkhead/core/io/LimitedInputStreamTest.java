package dev.bulkhead.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class LimitedInputStreamTest {
  private static InputStream bytes(int n) {
    return new ByteArrayInputStream(new byte[n]);
  }

  @Test
  void passesContentUpToTheLimit() throws IOException {
    try (InputStream in = new LimitedInputStream(bytes(8), 8, "x")) {
      assertThat(in.readAllBytes()).hasSize(8);
    }
  }

  @Test
  void failsNamingTheContentOncePastTheLimit() {
    assertThatThrownBy(
            () -> {
              try (InputStream in = new LimitedInputStream(bytes(9), 8, "layer.tar")) {
                in.readAllBytes();
              }
            })
        .isInstanceOf(LimitedInputStream.LimitExceededException.class)
        .hasMessage("layer.tar is larger than the limit of 8 bytes");
  }

  @Test
  void countsSingleBytesAndSkippedBytes() throws IOException {
    try (InputStream in = new LimitedInputStream(bytes(10), 5, "x")) {
      assertThat(in.skip(4)).isEqualTo(4);
      assertThat(in.read()).isZero();
      assertThatThrownBy(in::read).isInstanceOf(LimitedInputStream.LimitExceededException.class);
    }
  }
}
