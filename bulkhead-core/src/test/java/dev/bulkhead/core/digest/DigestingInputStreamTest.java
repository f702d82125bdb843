package dev.bulkhead.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestingInputStreamTest {
  private static final byte[] DATA =
      "hello, skipped and read bytes".getBytes(StandardCharsets.UTF_8);

  @Test
  void skippedBytesStillCountInTheDigest() throws IOException {
    DigestingInputStream in =
        new DigestingInputStream(new ByteArrayInputStream(DATA), Digests.sha256());
    assertThat(in.read()).isEqualTo('h');
    assertThat(in.skip(10)).isEqualTo(10);
    in.readAllBytes();
    assertThat(Digests.format(in.digest())).isEqualTo(Digests.sha256(DATA));
  }

  @Test
  void checksDigestSyntax() {
    String sha = Digests.sha256(DATA);
    assertThat(Digests.isSha256(sha)).isTrue();
    assertThat(Digests.isValid(sha)).isTrue();
    assertThat(Digests.isValid("sha256:abc")).isFalse();
    assertThat(Digests.shortForm(sha)).hasSize(19).startsWith("sha256:");
    assertThat(Digests.newDigest("sha512:" + "0".repeat(128)).getAlgorithm()).isEqualTo("SHA-512");
  }
}
