package dev.bulkhead.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.digest.Digests;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifyingInputStreamTest {
  private static final byte[] DATA = "layer bytes".getBytes(StandardCharsets.UTF_8);

  private static VerifyingInputStream stream(byte[] data, String digest, long size) {
    return new VerifyingInputStream(new ByteArrayInputStream(data), digest, size, n -> {});
  }

  @Test
  void passesMatchingBlobAndCountsProgress() throws Exception {
    AtomicLong progress = new AtomicLong();
    VerifyingInputStream in =
        new VerifyingInputStream(
            new ByteArrayInputStream(DATA), Digests.sha256(DATA), DATA.length, progress::addAndGet);

    assertThat(in.readAllBytes()).isEqualTo(DATA);
    assertThat(in.drainAndCheck()).isNull();
    assertThat(progress.get()).isEqualTo(DATA.length);
  }

  @Test
  void reportsDigestMismatchAtEndAndOnDrain() throws Exception {
    String other = Digests.sha256("other".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> stream(DATA, other, DATA.length).readAllBytes())
        .isInstanceOf(VerifyingInputStream.BlobMismatchException.class)
        .hasMessageContaining("digest mismatch");
    VerifyingInputStream unread = stream(DATA, other, DATA.length);
    assertThat(unread.read()).isEqualTo(DATA[0]);
    assertThat(unread.drainAndCheck()).startsWith("digest mismatch, the registry sent 11 bytes");
  }

  @Test
  void refusesMoreOrFewerBytesThanDeclared() throws Exception {
    assertThatThrownBy(() -> stream(DATA, Digests.sha256(DATA), 4).readAllBytes())
        .hasMessage("the registry sent more than the 4 bytes the manifest declares");
    assertThat(stream(DATA, Digests.sha256(DATA), 20).drainAndCheck())
        .isEqualTo("size mismatch, the registry sent 11 of 20 bytes");
  }
}
