package dev.bulkhead.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulkhead.core.Finding;
import dev.bulkhead.core.Report;
import dev.bulkhead.core.SuppressedFinding;
import dev.bulkhead.core.suppress.IgnoreRule;
import dev.bulkhead.core.suppress.Suppressor;
import dev.bulkhead.core.suppress.VexReader;
import dev.bulkhead.core.suppress.VexStatement;
import dev.bulkhead.core.suppress.VexTarget;
import dev.bulkhead.core.testing.SbomSchemas;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbomWritersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The sample report with its second finding silenced by a VEX statement. */
  static Report suppressedSample() {
    Report r = ReportWritersTest.sample();
    Finding open = r.findings().get(1);
    return r.withSuppressed(
        List.of(r.findings().get(0)),
        List.of(
            new SuppressedFinding(
                open,
                r.packages().get(0).purl(),
                SuppressedFinding.VEX,
                "not_affected",
                "vulnerable_code_not_in_execute_path",
                "glibc's printf is never given user formats here",
                "vex/app.openvex.json")));
  }

  @Test
  void cycloneDxIsValidAndCarriesPurlsLayersAndTheVdr() throws IOException {
    String bom = render(new CycloneDxWriter("0.1.0"), suppressedSample());
    JsonNode root = JSON.readTree(bom);
    assertThat(SbomSchemas.cycloneDx().validate(root)).isEmpty();
    ObjectNode broken = root.deepCopy();
    ((ObjectNode) broken.at("/vulnerabilities/0/ratings/0")).put("severity", "severe");
    assertThat(SbomSchemas.cycloneDx().validate(broken)).isNotEmpty();
    assertThat(root.get("specVersion").asText()).isEqualTo("1.6");
    assertThat(root.get("serialNumber").asText()).startsWith("urn:uuid:");
    assertThat(root.at("/metadata/component/name").asText()).isEqualTo("docker-archive:debian.tar");
    assertThat(root.at("/metadata/tools/components/0/name").asText()).isEqualTo("bulkhead");
    JsonNode os = root.at("/components/0");
    assertThat(os.get("type").asText()).isEqualTo("operating-system");
    assertThat(os.get("name").asText()).isEqualTo("debian");
    JsonNode libc = root.at("/components/1");
    assertThat(libc.get("purl").asText())
        .isEqualTo("pkg:deb/debian/libc6@2.36-9%2Bdeb12u1?arch=amd64");
    assertThat(libc.get("bom-ref").asText()).isEqualTo(libc.get("purl").asText());
    List<String> props = new ArrayList<>();
    libc.get("properties")
        .forEach(p -> props.add(p.get("name").asText() + "=" + p.get("value").asText()));
    assertThat(props)
        .contains(
            "bulkhead:layer_diff_id=sha256:5216338b40a7b96416b8b9858974bbe4acc3096ee60acbc4dfb1ee02aecceb10",
            "bulkhead:path=var/lib/dpkg/status",
            "bulkhead:source_name=glibc");
    JsonNode vulns = root.get("vulnerabilities");
    assertThat(vulns).hasSize(2);
    assertThat(vulns.get(0).get("id").asText()).isEqualTo("CVE-2023-4911");
    assertThat(vulns.get(0).at("/ratings/0/severity").asText()).isEqualTo("high");
    assertThat(vulns.get(0).at("/affects/0/ref").asText()).isEqualTo(libc.get("bom-ref").asText());
    assertThat(vulns.get(0).has("analysis")).isFalse();
    JsonNode silenced = vulns.get(1);
    assertThat(silenced.get("id").asText()).isEqualTo("CVE-2010-4756");
    assertThat(silenced.at("/analysis/state").asText()).isEqualTo("not_affected");
    assertThat(silenced.at("/analysis/justification").asText()).isEqualTo("code_not_reachable");
    assertThat(silenced.at("/analysis/detail").asText())
        .contains("never given user formats", "vex/app.openvex.json");
  }

  @Test
  void cycloneDxWithoutFindingsHasNoVulnerabilities() throws IOException {
    JsonNode root =
        JSON.readTree(
            render(
                new CycloneDxWriter("0.1.0"), ReportWritersTest.sample().withFindings(List.of())));
    assertThat(SbomSchemas.cycloneDx().validate(root)).isEmpty();
    assertThat(root.has("vulnerabilities")).isFalse();
    assertThat(root.at("/dependencies/0/dependsOn")).hasSize(2);
  }

  @Test
  void spdxIsValidWithPurlsRelationshipsAndAUniqueNamespace() throws IOException {
    Report report = ReportWritersTest.sample();
    JsonNode root = JSON.readTree(render(new SpdxWriter("0.1.0"), report));
    JsonNode again = JSON.readTree(render(new SpdxWriter("0.1.0"), report));
    assertThat(SbomSchemas.spdx().validate(root)).isEmpty();
    ObjectNode broken = root.deepCopy();
    ((ObjectNode) broken.at("/packages/2")).remove("SPDXID");
    assertThat(SbomSchemas.spdx().validate(broken)).isNotEmpty();
    assertThat(root.get("spdxVersion").asText()).isEqualTo("SPDX-2.3");
    assertThat(root.get("documentNamespace").asText())
        .startsWith("https://bulkhead.dev/spdxdocs/docker-archive-debian.tar-")
        .isNotEqualTo(again.get("documentNamespace").asText());
    assertThat(root.at("/creationInfo/creators/0").asText()).isEqualTo("Tool: bulkhead-0.1.0");
    JsonNode libc = root.at("/packages/2");
    assertThat(libc.get("name").asText()).isEqualTo("libc6");
    assertThat(libc.at("/externalRefs/0/referenceType").asText()).isEqualTo("purl");
    assertThat(libc.at("/externalRefs/0/referenceLocator").asText())
        .isEqualTo("pkg:deb/debian/libc6@2.36-9%2Bdeb12u1?arch=amd64");
    assertThat(libc.at("/externalRefs/1/referenceCategory").asText()).isEqualTo("SECURITY");
    assertThat(libc.get("sourceInfo").asText())
        .isEqualTo("built package from: glibc 2.36-9+deb12u1");
    List<String> rels = new ArrayList<>();
    root.get("relationships")
        .forEach(
            r ->
                rels.add(
                    r.get("spdxElementId").asText()
                        + " "
                        + r.get("relationshipType").asText()
                        + " "
                        + r.get("relatedSpdxElement").asText()));
    assertThat(rels)
        .containsExactly(
            "SPDXRef-DOCUMENT DESCRIBES SPDXRef-Target",
            "SPDXRef-Target CONTAINS SPDXRef-OperatingSystem",
            "SPDXRef-Target CONTAINS " + libc.get("SPDXID").asText());
  }

  @Test
  void suppressedFindingsAppearInJsonSarifAndTable() throws IOException {
    Report report = suppressedSample();
    JsonNode root = JSON.readTree(render(new JsonReportWriter(), report));
    assertThat(root.get("findings")).hasSize(1);
    JsonNode s = root.get("suppressed").get(0);
    assertThat(s.get("vulnerabilityId").asText()).isEqualTo("CVE-2010-4756");
    assertThat(s.at("/suppression/kind").asText()).isEqualTo("vex");
    assertThat(s.at("/suppression/status").asText()).isEqualTo("not_affected");
    assertThat(s.at("/suppression/source").asText()).isEqualTo("vex/app.openvex.json");

    JsonNode sarif = JSON.readTree(render(new SarifReportWriter("0.1.0"), report));
    JsonNode results = sarif.at("/runs/0/results");
    assertThat(results).hasSize(2);
    assertThat(results.get(0).has("suppressions")).isFalse();
    assertThat(results.get(1).at("/suppressions/0/kind").asText()).isEqualTo("external");
    assertThat(results.get(1).at("/suppressions/0/justification").asText())
        .contains("not_affected", "vex/app.openvex.json");

    String table = render(new TableReportWriter(), report);
    assertThat(table)
        .contains("Vulnerabilities: 1")
        .contains("Suppressed: 1 (VEX 1, ignore file 0)")
        .contains("CVE-2010-4756");
  }

  @Test
  void anIgnoredFindingFedBackAsVexDoesNotOutliveItsExpiry(@TempDir Path tmp) throws Exception {
    Report report = ReportWritersTest.sample();
    IgnoreRule rule =
        new IgnoreRule(
            "CVE-2010-4756", null, null, "accepted risk", LocalDate.of(2026, 1, 31), ".ignore:1");
    Report ignored =
        new Suppressor(List.of(), List.of(rule), LocalDate.of(2026, 1, 1), VexTarget.unnamed("t"))
            .apply(report);
    assertThat(ignored.suppressed()).hasSize(1);
    Path vdr = tmp.resolve("vdr.cdx.json");
    Files.writeString(vdr, render(new CycloneDxWriter("0.1.0"), ignored));
    JsonNode root = JSON.readTree(vdr.toFile());
    assertThat(SbomSchemas.cycloneDx().validate(root)).isEmpty();
    JsonNode entry = root.get("vulnerabilities").get(1);
    assertThat(entry.get("id").asText()).isEqualTo("CVE-2010-4756");
    assertThat(entry.at("/analysis/state").asText()).isEqualTo("exploitable");
    assertThat(entry.at("/analysis/response/0").asText()).isEqualTo("will_not_fix");
    assertThat(entry.at("/analysis/detail").asText())
        .contains("accepted risk", "2026-01-31", ".ignore:1");
    assertThat(entry.at("/affects/0/versions/0/status").asText()).isEqualTo("affected");

    // a month later the entry has expired: the VDR given as VEX must not keep it silenced
    List<VexStatement> statements = VexReader.read(vdr, w -> {});
    Report later =
        new Suppressor(statements, List.of(rule), LocalDate.of(2026, 3, 1), VexTarget.unnamed("t"))
            .apply(report);
    assertThat(later.suppressed()).isEmpty();
    assertThat(later.findings()).extracting(Finding::vulnerabilityId).contains("CVE-2010-4756");
  }

  private static String render(ReportWriter writer, Report report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(report, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
