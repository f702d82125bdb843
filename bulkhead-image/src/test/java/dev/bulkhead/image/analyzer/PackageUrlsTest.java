package dev.bulkhead.image.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.core.OsInfo;
import dev.bulkhead.core.Package;
import org.junit.jupiter.api.Test;

class PackageUrlsTest {

  private static Package pkg(String name, String version, String arch, String type) {
    return new Package(name, version, arch, name, version, type, null, null, null, "x");
  }

  @Test
  void buildsDebianAndUbuntuUrlsFromTheOs() {
    Package libc = pkg("libc6", "2.36-9+deb12u4", "amd64", Package.DEB);
    assertThat(PackageUrls.of(libc, new OsInfo("debian", "12", "bookworm", null)))
        .isEqualTo("pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12");
    assertThat(
            PackageUrls.of(
                pkg("bash", "1:5.1-6", "amd64", Package.DEB), OsInfo.of("ubuntu", "22.04")))
        .isEqualTo("pkg:deb/ubuntu/bash@1%3A5.1-6?arch=amd64&distro=ubuntu-22.04");
    assertThat(PackageUrls.of(libc, null)).startsWith("pkg:deb/debian/libc6@");
  }

  @Test
  void encodesPlusAndTheScopeAtSignTheSameWayForEveryType() {
    assertThat(dev.bulkhead.image.lang.LangPackages.maven("g", "a", "1.0+build.7", "a.jar").purl())
        .isEqualTo("pkg:maven/g/a@1.0%2Bbuild.7");
    assertThat(dev.bulkhead.image.lang.LangPackages.npm("@types/node", "20.1.0+x", "p").purl())
        .isEqualTo("pkg:npm/%40types/node@20.1.0%2Bx");
    assertThat(dev.bulkhead.image.lang.LangPackages.pypi("Foo_Bar", "1.0+local", "p").purl())
        .isEqualTo("pkg:pypi/foo-bar@1.0%2Blocal");
    assertThat(PackageUrls.build("cargo", java.util.List.of("x"), "1.0.0+meta", null))
        .isEqualTo("pkg:cargo/x@1.0.0%2Bmeta");
  }

  @Test
  void movesTheRpmEpochToAQualifier() {
    assertThat(
            PackageUrls.of(
                pkg("openssl-libs", "1:3.0.7-27.el9", "x86_64", Package.RPM),
                OsInfo.of("rocky", "9.3")))
        .isEqualTo("pkg:rpm/rocky/openssl-libs@3.0.7-27.el9?arch=x86_64&distro=rocky-9.3&epoch=1");
    assertThat(PackageUrls.of(pkg("gpg", "2.1-1", null, Package.RPM), null))
        .isEqualTo("pkg:rpm/gpg@2.1-1");
  }

  @Test
  void usesTheOsNamespaceForApkAndKeepsOtherTypes() {
    assertThat(
            PackageUrls.of(
                pkg("musl", "1.2.4-r2", "x86_64", Package.APK), OsInfo.of("wolfi", "20230201")))
        .isEqualTo("pkg:apk/wolfi/musl@1.2.4-r2?arch=x86_64&distro=wolfi-20230201");
    Package npm = new Package("a", "1", null, "a", "1", "npm", "pkg:npm/a@1", null, null, "x");
    assertThat(PackageUrls.of(npm, null)).isEqualTo("pkg:npm/a@1");
  }
}
