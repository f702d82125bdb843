package dev.bulkhead.core.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.OsInfo;
import dev.bulkhead.core.Package;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbomReaderTest {
  @TempDir Path tmp;

  @Test
  void cycloneDxNestedComponentsTrivyPropertiesAndRpmEpochs() throws Exception {
    Path f = tmp.resolve("bom.json");
    Files.writeString(
        f,
        """
        {"bomFormat": "CycloneDX", "specVersion": "1.5",
         "metadata": {"component": {"type": "container", "name": "rocky:9"}},
         "components": [
          {"type": "operating-system", "name": "Rocky", "version": "9.3"},
          {"type": "library", "name": "openssl-libs", "version": "1:3.0.7-24.el9",
           "purl": "pkg:rpm/rocky/openssl-libs@3.0.7-24.el9?arch=x86_64&epoch=1&distro=rocky-9.3",
           "properties": [{"name": "aquasecurity:trivy:SrcName", "value": "openssl"},
                          {"name": "aquasecurity:trivy:SrcVersion", "value": "3.0.7"},
                          {"name": "aquasecurity:trivy:LayerDiffID", "value": "sha256:ab"}]},
          {"type": "application", "name": "app.jar",
           "components": [
             {"type": "library", "name": "log4j-core", "version": "2.14.1",
              "purl": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"}]}
         ]}
        """);
    Sbom sbom = SbomReader.read(f);
    assertThat(sbom.format()).isEqualTo(Sbom.CYCLONEDX);
    assertThat(sbom.subject()).isEqualTo("rocky:9");
    assertThat(sbom.os()).isEqualTo(new OsInfo("rocky", "9.3", null, null));
    assertThat(sbom.packages()).hasSize(2);
    Package ssl =
        sbom.packages().stream().filter(p -> p.type().equals("rpm")).findFirst().orElseThrow();
    assertThat(ssl.name()).isEqualTo("openssl-libs");
    assertThat(ssl.version()).isEqualTo("1:3.0.7-24.el9");
    assertThat(ssl.arch()).isEqualTo("x86_64");
    assertThat(ssl.sourceName()).isEqualTo("openssl");
    assertThat(ssl.sourceVersion()).isEqualTo("3.0.7");
    assertThat(ssl.layer()).isEqualTo("sha256:ab");
    Package log4j =
        sbom.packages().stream().filter(p -> p.type().equals("maven")).findFirst().orElseThrow();
    assertThat(log4j.name()).isEqualTo("org.apache.logging.log4j:log4j-core");
    assertThat(log4j.sourceName()).isEqualTo(log4j.name());
    // the application component without a purl is counted, not silently dropped
    assertThat(sbom.warnings()).singleElement().asString().contains("1 components without");
  }

  @Test
  void spdxPackagesWithDistroQualifiersGiveTheOs() throws Exception {
    Path f = tmp.resolve("doc.spdx.json");
    Files.writeString(
        f,
        """
        {"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "name": "x",
         "documentDescribes": ["SPDXRef-Img"],
         "packages": [
          {"SPDXID": "SPDXRef-Img", "name": "img", "downloadLocation": "NOASSERTION"},
          {"SPDXID": "SPDXRef-1", "name": "libc6", "versionInfo": "2.36-9",
           "downloadLocation": "NOASSERTION", "sourceInfo": "built package from: glibc 2.36-9",
           "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl",
             "referenceLocator": "pkg:deb/debian/libc6@2.36-9?arch=amd64&distro=debian-12"}]},
          {"SPDXID": "SPDXRef-2", "name": "PyYAML", "versionInfo": "5.3",
           "downloadLocation": "NOASSERTION",
           "externalRefs": [{"referenceCategory": "PACKAGE_MANAGER", "referenceType": "purl",
             "referenceLocator": "pkg:pypi/pyyaml@5.3"}]}
         ]}
        """);
    Sbom sbom = SbomReader.read(f);
    assertThat(sbom.format()).isEqualTo(Sbom.SPDX);
    assertThat(sbom.os()).isEqualTo(OsInfo.of("debian", "12"));
    assertThat(sbom.packages()).extracting(Package::name).containsExactly("libc6", "PyYAML");
    assertThat(sbom.packages().get(0).sourceName()).isEqualTo("glibc");
    assertThat(sbom.warnings()).isEmpty();
  }

  @Test
  void distroQualifiersInTheirUsualSpellings() {
    assertThat(SbomReader.osFromDistro("debian", "bookworm"))
        .isEqualTo(new OsInfo("debian", "12", "bookworm", null));
    assertThat(SbomReader.osFromDistro("alpine", "alpine-3.19.1"))
        .isEqualTo(OsInfo.of("alpine", "3.19.1"));
    assertThat(SbomReader.osFromDistro("alpine", "3.19")).isEqualTo(OsInfo.of("alpine", "3.19"));
  }

  @Test
  void malformedAndHostileFilesAreClearErrors() throws IOException {
    Path xml = tmp.resolve("bom.xml");
    Files.writeString(xml, "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"/>");
    assertThatThrownBy(() -> SbomReader.read(xml))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("SBOM " + xml + " is not valid JSON at line 1");
    Path spdx3 = tmp.resolve("spdx3.json");
    Files.writeString(spdx3, "{\"@context\": \"https://spdx.org/rdf/3.0.0/spdx-context.jsonld\"}");
    assertThatThrownBy(() -> SbomReader.read(spdx3))
        .hasMessageContaining("neither a CycloneDX JSON BOM")
        .hasMessageContaining("SPDX 3");
    Path empty = tmp.resolve("empty.json");
    Files.writeString(empty, "");
    assertThatThrownBy(() -> SbomReader.read(empty)).hasMessageContaining("is empty");
    Path huge = tmp.resolve("huge.json");
    try (var ch =
        java.nio.channels.FileChannel.open(
            huge,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {' '}), SbomReader.MAX_BYTES);
    }
    assertThatThrownBy(() -> SbomReader.read(huge)).hasMessageContaining("more than the");
    Path longString = tmp.resolve("long.json");
    Files.writeString(
        longString, "{\"bomFormat\": \"CycloneDX\", \"x\": \"" + "a".repeat(2 << 20) + "\"}");
    assertThatThrownBy(() -> SbomReader.read(longString))
        .hasMessageContaining("SBOM " + longString);
  }
}
