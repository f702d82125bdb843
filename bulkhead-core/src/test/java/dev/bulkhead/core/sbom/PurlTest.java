package dev.bulkhead.core.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PurlTest {
  @Test
  void parsesEveryComponentAndDecodesThem() {
    Purl p =
        Purl.parse("pkg:deb/debian/libc6@2.36-9%2Bdeb12u1?distro=debian-12&arch=amd64#usr/lib");
    assertThat(p.type()).isEqualTo("deb");
    assertThat(p.namespace()).isEqualTo("debian");
    assertThat(p.name()).isEqualTo("libc6");
    assertThat(p.version()).isEqualTo("2.36-9+deb12u1");
    assertThat(p.qualifiers()).isEqualTo(Map.of("arch", "amd64", "distro", "debian-12"));
    assertThat(p.subpath()).isEqualTo("usr/lib");

    Purl npm = Purl.parse("pkg:npm/%40angular/core@16.0.0");
    assertThat(npm.namespace()).isEqualTo("@angular");
    assertThat(npm.name()).isEqualTo("core");
    Purl go = Purl.parse("pkg:golang/github.com/gorilla/mux@v1.8.0");
    assertThat(go.namespace()).isEqualTo("github.com/gorilla");
    assertThat(Purl.parse("pkg:maven/org.apache.logging.log4j/log4j-core").version()).isNull();
  }

  @Test
  void rejectsWhatIsNotAPurl() {
    assertThatThrownBy(() -> Purl.parse("deb/debian/libc6")).hasMessageContaining("pkg:");
    assertThatThrownBy(() -> Purl.parse("pkg:deb")).hasMessageContaining("pkg:TYPE/NAME");
    assertThatThrownBy(() -> Purl.parse("pkg:" + "a".repeat(5000))).hasMessageContaining("4096");
    assertThat(Purl.parseOrNull("not a purl")).isNull();
  }

  @Test
  void coversAsVexProductMatchingSays() {
    Purl pkg = Purl.parse("pkg:apk/alpine/libssl1.1@1.1.1d-r3?arch=x86_64&distro=alpine-3.11.5");
    assertThat(Purl.parse("pkg:apk/alpine/libssl1.1").covers(pkg)).isTrue();
    assertThat(Purl.parse("pkg:apk/alpine/libssl1.1@1.1.1d-r3").covers(pkg)).isTrue();
    assertThat(Purl.parse("pkg:apk/alpine/libssl1.1@1.1.1d-r3?arch=x86_64").covers(pkg)).isTrue();
    assertThat(Purl.parse("pkg:apk/alpine/libssl1.1@1.1.1g-r0").covers(pkg)).isFalse();
    assertThat(Purl.parse("pkg:apk/alpine/libssl1.1?arch=aarch64").covers(pkg)).isFalse();
    assertThat(Purl.parse("pkg:apk/wolfi/libssl1.1").covers(pkg)).isFalse();
    assertThat(Purl.parse("pkg:apk/alpine/libcrypto1.1").covers(pkg)).isFalse();
    // qualifiers on the package but a product purl without them still match; not the reverse
    assertThat(pkg.covers(Purl.parse("pkg:apk/alpine/libssl1.1@1.1.1d-r3"))).isFalse();
    // encoded and plain versions are the same version
    assertThat(
            Purl.parse("pkg:deb/debian/libc6@2.36-9+deb12u1")
                .covers(Purl.parse("pkg:deb/debian/libc6@2.36-9%2Bdeb12u1?arch=amd64")))
        .isTrue();
    // PyPI names compare normalised, Maven names exactly
    assertThat(Purl.parse("pkg:pypi/PyYAML").covers(Purl.parse("pkg:pypi/pyyaml@6.0"))).isTrue();
    assertThat(
            Purl.parse("pkg:maven/org.apache.logging.log4j/Log4j-core")
                .covers(Purl.parse("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1")))
        .isFalse();
  }

  @Test
  void sharedHelpersForPypiNamesAndOsTypes() {
    assertThat(Purl.normalisePypi("Zope.Interface__x")).isEqualTo("zope-interface-x");
    assertThat(Purl.isOsType("deb")).isTrue();
    assertThat(Purl.isOsType("apk")).isTrue();
    assertThat(Purl.isOsType("rpm")).isTrue();
    assertThat(Purl.isOsType("npm")).isFalse();
    assertThat(Purl.isOsType(null)).isFalse();
  }
}
