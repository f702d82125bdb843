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
  void returnsTheSchemeOfEachLanguageEcosystem() {
    assertThat(VersionSchemes.forType("maven").compare("1.0-SNAPSHOT", "1.0")).isNegative();
    assertThat(VersionSchemes.forType("npm").compare("v1.0.0", "1.0.0-rc.1")).isPositive();
    assertThat(VersionSchemes.forType("pypi").compare("1.0.post1", "1.0+local")).isPositive();
    assertThat(VersionSchemes.forType("golang").compare("v2.0.0+incompatible", "v2.0.0")).isZero();
    assertThat(VersionSchemes.forType("cargo").compare("1.0.0-alpha", "1.0.0")).isNegative();
    assertThat(VersionSchemes.forType("gem").compare("1.0.a", "1.0")).isNegative();
    assertThat(VersionSchemes.forType("PyPI").id()).isEqualTo("pypi");
    assertThat(VersionSchemes.forType("golang")).isSameAs(VersionSchemes.forType("golang"));
  }

  @Test
  void mapsOsvEcosystems() {
    assertThat(VersionSchemes.forOsvEcosystem("Maven").id()).isEqualTo("maven");
    assertThat(VersionSchemes.forOsvEcosystem("npm").id()).isEqualTo("npm");
    assertThat(VersionSchemes.forOsvEcosystem("PyPI").id()).isEqualTo("pypi");
    assertThat(VersionSchemes.forOsvEcosystem("Go").id()).isEqualTo("golang");
    assertThat(VersionSchemes.forOsvEcosystem("crates.io").id()).isEqualTo("cargo");
    assertThat(VersionSchemes.forOsvEcosystem("RubyGems").id()).isEqualTo("gem");
    assertThat(VersionSchemes.forOsvEcosystem("Debian:12").id()).isEqualTo("dpkg");
    assertThat(VersionSchemes.forOsvEcosystem("Ubuntu:22.04:LTS").id()).isEqualTo("dpkg");
    assertThat(VersionSchemes.forOsvEcosystem("Alpine:v3.18").id()).isEqualTo("apk");
    assertThat(VersionSchemes.forOsvEcosystem("Rocky Linux:9").id()).isEqualTo("rpm");
    assertThat(VersionSchemes.forOsvEcosystem("AlmaLinux:9").id()).isEqualTo("rpm");
    assertThat(VersionSchemes.forOsvEcosystem("Red Hat").id()).isEqualTo("rpm");
  }

  @Test
  void returnsNullForAnOsvEcosystemWithoutAScheme() {
    assertThat(VersionSchemes.forOsvEcosystem("Hex")).isNull();
    assertThat(VersionSchemes.forOsvEcosystem("pypi")).isNull();
    assertThat(VersionSchemes.forOsvEcosystem("")).isNull();
    assertThat(VersionSchemes.forOsvEcosystem(null)).isNull();
  }

  @Test
  void refusesAnUnknownType() {
    assertThatThrownBy(() -> VersionSchemes.forType("hex"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hex");
  }
}
