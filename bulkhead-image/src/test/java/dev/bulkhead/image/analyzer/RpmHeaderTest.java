package dev.bulkhead.image.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RpmHeaderTest {

  @Test
  void parsesNameVersionReleaseEpochArchAndSource() throws Exception {
    byte[] blob =
        new HeaderBuilder()
            .nevra("bash", "5.1.8", "6.el9")
            .int32(RpmHeader.TAG_EPOCH, 1)
            .string(RpmHeader.TAG_ARCH, "x86_64")
            .string(RpmHeader.TAG_SOURCERPM, "bash-5.1.8-6.el9.src.rpm")
            .build();
    RpmHeader h = RpmHeader.parse(blob);
    assertThat(h)
        .isEqualTo(
            new RpmHeader("bash", "5.1.8", "6.el9", 1, "x86_64", "bash-5.1.8-6.el9.src.rpm"));
    assertThat(h.fullVersion()).isEqualTo("1:5.1.8-6.el9");
  }

  @Test
  void splitsSourceRpmNames() {
    assertThat(RpmAnalyzer.splitSourceRpm("python-urllib3-1.26.5-3.el9.src.rpm"))
        .containsExactly("python-urllib3", "1.26.5-3.el9");
    assertThat(RpmAnalyzer.splitSourceRpm("kernel-5.14.0-1.nosrc.rpm"))
        .containsExactly("kernel", "5.14.0-1");
    assertThat(RpmAnalyzer.splitSourceRpm("(none)")).isNull();
    assertThat(RpmAnalyzer.splitSourceRpm("nodashes.src.rpm")).isNull();
    assertThat(RpmAnalyzer.splitSourceRpm("-1.src.rpm")).isNull();
  }

  @Test
  void rejectsOffsetsOutsideTheDataStore() {
    byte[] blob =
        new HeaderBuilder()
            .nevra("a", "1", "1")
            .raw(RpmHeader.TAG_ARCH, RpmHeader.TYPE_STRING, 0x7fff_fff0, 1)
            .build();
    assertThatThrownBy(() -> RpmHeader.parse(blob))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageContaining("outside the data store");
    byte[] negative =
        new HeaderBuilder().nevra("a", "1", "1").raw(RpmHeader.TAG_EPOCH, 4, -4, 1).build();
    assertThatThrownBy(() -> RpmHeader.parse(negative)).isInstanceOf(MalformedDataException.class);
  }

  @Test
  void rejectsHugeCountsWithoutAllocating() {
    byte[] blob = ByteBuffer.allocate(16).putInt(0x7fffffff).putInt(0x7fffffff).array();
    assertThatThrownBy(() -> RpmHeader.parse(blob)).hasMessageContaining("out of range");
    byte[] claims = ByteBuffer.allocate(16).putInt(100).putInt(1000).array();
    assertThatThrownBy(() -> RpmHeader.parse(claims)).hasMessageContaining("claims");
    assertThatThrownBy(() -> RpmHeader.parse(new byte[3])).hasMessageContaining("too short");
  }

  @Test
  void rejectsUnterminatedStringsAndWrongTypes() {
    byte[] blob = new HeaderBuilder().nevra("abc", "1", "1").build();
    blob[blob.length - 1] = 'x';
    assertThatThrownBy(() -> RpmHeader.parse(blob)).hasMessageContaining("not terminated");
    byte[] wrongType = new HeaderBuilder().int32(RpmHeader.TAG_NAME, 5).string(1001, "1").build();
    assertThatThrownBy(() -> RpmHeader.parse(wrongType)).hasMessageContaining("not a string");
    byte[] missing = new HeaderBuilder().string(RpmHeader.TAG_NAME, "x").build();
    assertThatThrownBy(() -> RpmHeader.parse(missing)).hasMessageContaining("lacks");
  }

  @Test
  void survivesRandomCorruptionOfARealLookingHeader() {
    byte[] good =
        new HeaderBuilder()
            .nevra("openssl-libs", "3.0.7", "27.el9")
            .int32(RpmHeader.TAG_EPOCH, 1)
            .string(RpmHeader.TAG_SOURCERPM, "openssl-3.0.7-27.el9.src.rpm")
            .build();
    Random random = new Random(42);
    int parsed = 0;
    for (int i = 0; i < 20_000; i++) {
      byte[] bad = Arrays.copyOf(good, good.length - random.nextInt(3));
      for (int k = 0; k < 3; k++) {
        bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
      }
      try {
        RpmHeader.parse(bad);
        parsed++;
      } catch (MalformedDataException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
    assertThat(parsed).isPositive().isLessThan(20_000);
  }
}
