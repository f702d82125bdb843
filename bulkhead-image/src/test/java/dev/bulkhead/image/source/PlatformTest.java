package dev.bulkhead.image.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.BulkheadException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformTest {
  @Test
  void parsesIgnoringCaseAndMappingArchitectureAliases() throws BulkheadException {
    assertThat(Platform.parse(" Linux/AARCH64 ")).isEqualTo(new Platform("linux", "arm64", null));
    assertThat(Platform.parse("linux/x86_64/V2")).isEqualTo(new Platform("linux", "amd64", "v2"));
    assertThat(Platform.parse("linux/arm/v7")).hasToString("linux/arm/v7");
  }

  @Test
  void matchesDeclaredPlatformsWithAliasesAndTheImplicitArm64Variant() throws BulkheadException {
    assertThat(Platform.parse("linux/arm64/v8").matches("linux", "arm64", null)).isTrue();
    assertThat(Platform.parse("linux/arm64/v8").matches("linux", "arm64", "")).isTrue();
    assertThat(Platform.parse("linux/arm64").matches("linux", "aarch64", "v8")).isTrue();
    assertThat(Platform.parse("linux/amd64").matches("linux", "x86_64", null)).isTrue();
    assertThat(Platform.parse("linux/arm").matches("linux", "arm", "v7")).isTrue();
    assertThat(Platform.parse("linux/arm/v6").matches("linux", "arm", "v7")).isFalse();
    assertThat(Platform.parse("linux/arm/v7").matches("linux", "arm", null)).isFalse();
    assertThat(Platform.parse("linux/amd64").matches("windows", "amd64", null)).isFalse();
    assertThat(Platform.parse("linux/amd64").matches(null, null, null)).isFalse();
  }

  @Test
  void rejectsMalformedPlatforms() {
    for (String bad : List.of("linux", "linux/", "/amd64", "a/b/c/d", "linux/arm/")) {
      assertThatThrownBy(() -> Platform.parse(bad))
          .isInstanceOf(BulkheadException.class)
          .hasMessageContaining("expected os/arch[/variant]");
    }
  }
}
