package dev.bulkhead.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.Package;
import org.junit.jupiter.api.Test;

class VersionSchemesTest {

  @Test
  void returnsTheSchemeOfEachPackageType() {
    assertThat(VersionSchemes.forType(Package.DEB).id()).isEqualTo("dpkg");
    assertThat(VersionSchemes.forType(Package.APK).id()).isEqualTo("apk");
    assertThat(VersionSchemes.forType(Package.RPM).id()).isEqualTo("rpm");
    assertThat(VersionSchemes.forType(Package.DEB).compare("1.0~rc1", "1.0")).isNegative();
    assertThat(VersionSchemes.forType(Package.APK).compare("1.0_rc1", "1.0")).isNegative();
    assertThat(VersionSchemes.forType(Package.RPM).compare("1.0^1", "1.0")).isPositive();
  }

  @Test
  void refusesAnUnknownType() {
    assertThatThrownBy(() -> VersionSchemes.forType("npm"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("npm");
  }
}
