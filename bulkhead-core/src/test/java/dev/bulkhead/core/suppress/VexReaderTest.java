package dev.bulkhead.core.suppress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.core.sbom.Purl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VexReaderTest {
  @TempDir Path tmp;

  @Test
  void openVexOldAndNewShapes() throws Exception {
    Path f = tmp.resolve("v.openvex.json");
    Files.writeString(
        f,
        """
        {"@context": "https://openvex.dev/ns/v0.2.0", "statements": [
          {"vulnerability": "CVE-2023-1", "products": ["pkg:npm/lodash@4.17.20"],
           "status": "not_affected", "justification": "vulnerable_code_not_present"},
          {"vulnerability": {"@id": "https://nvd.nist.gov/vuln/detail/CVE-2023-2",
                             "name": "CVE-2023-2", "aliases": ["GHSA-aaaa-bbbb-cccc"]},
           "products": [{"@id": "https://example.com/app",
                         "identifiers": {"purl": "pkg:maven/g/a@1"}}],
           "status": "fixed", "action_statement": "rebuilt"},
          {"vulnerability": "CVE-2023-3", "products": ["pkg:oci/app"],
           "subcomponents": ["pkg:golang/example.com/m@v1.0.0"], "status": "affected"},
          {"vulnerability": "CVE-2023-4", "products": ["https://example.com/no-purl"],
           "status": "not_affected"},
          {"vulnerability": "CVE-2023-5", "products": ["pkg:docker/myorg/app@1.0"],
           "status": "not_affected"}
        ]}
        """);
    List<String> warnings = new ArrayList<>();
    List<VexStatement> s = VexReader.read(f, warnings::add);
    assertThat(s).hasSize(3);
    assertThat(s.get(0).vulnerability()).isEqualTo("CVE-2023-1");
    assertThat(s.get(0).products())
        .containsExactly(VexProduct.of(Purl.parse("pkg:npm/lodash@4.17.20")));
    assertThat(s.get(0).suppresses()).isTrue();
    assertThat(s.get(1).aliases()).containsExactly("GHSA-aaaa-bbbb-cccc");
    assertThat(s.get(1).products()).containsExactly(VexProduct.of(Purl.parse("pkg:maven/g/a@1")));
    assertThat(s.get(1).statement()).isEqualTo("rebuilt");
    assertThat(s.get(1).source()).isEqualTo(f + " statement 2");
    assertThat(s.get(2).products())
        .containsExactly(
            new VexProduct(
                Purl.parse("pkg:oci/app"), List.of(Purl.parse("pkg:golang/example.com/m@v1.0.0"))));
    assertThat(s.get(2).suppresses()).isFalse();
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0)).contains("statement 4", "CVE-2023-4");
    assertThat(warnings.get(1))
        .contains(
            "statement 5", "CVE-2023-5", "only the image pkg:docker/myorg/app@1.0", "skipped");
  }

  @Test
  void cycloneDxVexResolvesRefsAndMapsStates() throws Exception {
    Path f = tmp.resolve("vex.cdx.json");
    Files.writeString(
        f,
        """
        {"bomFormat": "CycloneDX", "specVersion": "1.6",
         "components": [{"bom-ref": "lib-a", "name": "a", "purl": "pkg:npm/a@1.0.0"}],
         "vulnerabilities": [
          {"id": "CVE-1", "analysis": {"state": "false_positive"}, "affects": [{"ref": "lib-a"}]},
          {"id": "CVE-2", "analysis": {"state": "resolved"},
           "affects": [{"ref": "urn:cdx:0b6b1ba0-0a56-4a4c-a2ab-1d3e1b9b3b8f/1#pkg%3Anpm%2Fb%401.0.0"}]},
          {"id": "CVE-3", "analysis": {"state": "exploitable"}, "affects": [{"ref": "pkg:npm/c@1"}]},
          {"id": "CVE-4", "affects": [{"ref": "pkg:npm/c@1"}]},
          {"id": "CVE-5", "analysis": {"state": "not_affected"}, "affects": [{"ref": "nothing"}]}
         ]}
        """);
    List<String> warnings = new ArrayList<>();
    List<VexStatement> s = VexReader.read(f, warnings::add);
    assertThat(s)
        .extracting(VexStatement::status)
        .containsExactly("not_affected", "fixed", "affected");
    assertThat(s.get(0).products()).containsExactly(VexProduct.of(Purl.parse("pkg:npm/a@1.0.0")));
    assertThat(s.get(1).products()).containsExactly(VexProduct.of(Purl.parse("pkg:npm/b@1.0.0")));
    assertThat(warnings).singleElement().asString().contains("CVE-5");
  }

  @Test
  void otherJsonIsRejectedNamingTheFile() throws Exception {
    Path f = tmp.resolve("x.json");
    Files.writeString(f, "[1, 2]");
    assertThatThrownBy(() -> VexReader.read(f, w -> {}))
        .hasMessageContaining("VEX document " + f + " is neither OpenVEX");
  }
}
