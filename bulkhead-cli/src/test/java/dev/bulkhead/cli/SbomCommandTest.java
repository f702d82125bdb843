package dev.bulkhead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import dev.bulkhead.core.testing.SbomSchemas;
import dev.bulkhead.core.testing.SharedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs {@code sbom}, {@code sbom scan}, {@code --vex} and {@code --ignorefile} in process on the
 * real Alpine 3.11 image and the real Alpine secdb advisories.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SbomCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;
  private Path db;
  private String image;
  private JsonNode imageReport;

  private record Outcome(int code, String out, String err) {}

  private static Outcome run(String... args) {
    CommandLine cl = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  private static void ok(String... args) {
    Outcome o = run(args);
    assertThat(o.code()).as("%s%n%s", String.join(" ", args), o.err()).isZero();
  }

  @BeforeAll
  void scanTheImageOnce() throws IOException {
    image = "docker-archive:" + SharedData.require("images/alpine-311.tar.gz");
    db = work.resolve("vulndb.sqlite");
    ok(
        "db",
        "import",
        "--db",
        db.toString(),
        SharedData.require("advisories/alpine-secdb/v3.11").toString(),
        resource("alpine-secdb-v3.11-main-excerpt.json").toString());
    imageReport = scanImage("--format", "json");
    assertThat(findings(imageReport))
        .as("%s", imageReport.get("warnings"))
        .contains(
            "CVE-2020-1967 libssl1.1 1.1.1d-r3",
            "CVE-2021-30139 apk-tools 2.10.4-r3",
            "CVE-2020-28928 musl 1.1.24-r2");
  }

  private static Path resource(String name) {
    try {
      return Path.of(SbomCommandTest.class.getResource(name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode scanImage(String... extra) throws IOException {
    Path out = Files.createTempFile(work, "report", ".json");
    List<String> args =
        new ArrayList<>(
            List.of(
                "image", "-q", "--scanners", "vuln", "--db", db.toString(), "-o", out.toString()));
    args.addAll(List.of(extra));
    args.add(image);
    ok(args.toArray(String[]::new));
    return JSON.readTree(out.toFile());
  }

  private JsonNode sbomScan(Path sbom, String... extra) throws IOException {
    Path out = Files.createTempFile(work, "sbomscan", ".json");
    List<String> args =
        new ArrayList<>(
            List.of(
                "sbom", "scan", "-q", "--db", db.toString(), "-f", "json", "-o", out.toString()));
    args.addAll(List.of(extra));
    args.add(sbom.toString());
    ok(args.toArray(String[]::new));
    return JSON.readTree(out.toFile());
  }

  private Path sbom(String format) throws IOException {
    Path out = work.resolve("alpine." + format + ".json");
    if (!Files.exists(out)) {
      ok("sbom", "-q", "--format", format, "-o", out.toString(), image);
    }
    return out;
  }

  private static TreeSet<String> findings(JsonNode report) {
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode f : report.get("findings")) {
      out.add(
          f.get("vulnerabilityId").asText()
              + " "
              + f.get("packageName").asText()
              + " "
              + f.get("installedVersion").asText());
    }
    return out;
  }

  private static List<String> ids(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }

  @Test
  void cycloneDxSbomOfTheImageIsValidAndComplete() throws IOException {
    JsonNode bom = JSON.readTree(sbom("cyclonedx").toFile());
    Schema schema = SbomSchemas.cycloneDx();
    assertThat(schema.validate(bom)).isEmpty();
    JsonNode components = bom.get("components");
    assertThat(components).hasSize(imageReport.get("packages").size() + 1);
    assertThat(components.get(0).get("type").asText()).isEqualTo("operating-system");
    assertThat(components.get(0).get("version").asText()).isEqualTo("3.11.5");
    JsonNode ssl = null;
    for (JsonNode c : components) {
      if ("libssl1.1".equals(c.get("name").asText())) {
        ssl = c;
      }
    }
    assertThat(ssl).isNotNull();
    assertThat(ssl.get("purl").asText()).startsWith("pkg:apk/alpine/libssl1.1@1.1.1d-r3");
    String layer = imageReport.at("/layers/0/diffId").asText();
    assertThat(ssl.get("properties").toString())
        .contains("bulkhead:layer_diff_id", layer, "lib/apk/db/installed");
    assertThat(bom.at("/metadata/component/type").asText()).isEqualTo("container");
    assertThat(bom.has("vulnerabilities")).isFalse();
  }

  @Test
  void spdxSbomOfTheImageIsValid() throws IOException {
    JsonNode doc = JSON.readTree(sbom("spdx-json").toFile());
    assertThat(SbomSchemas.spdx().validate(doc)).isEmpty();
    // the target, the OS and every package
    assertThat(doc.get("packages")).hasSize(imageReport.get("packages").size() + 2);
    assertThat(doc.get("relationships")).hasSize(imageReport.get("packages").size() + 2);
  }

  @Test
  void aPlainDirectoryGetsAnSbomToo(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("README"), "nothing to see\n");
    Path out = work.resolve("dir.cdx.json");
    ok("sbom", "-q", "-o", out.toString(), dir.toString());
    JsonNode bom = JSON.readTree(out.toFile());
    assertThat(SbomSchemas.cycloneDx().validate(bom)).isEmpty();
    assertThat(bom.at("/metadata/component/name").asText()).isEqualTo("dir:" + dir);
  }

  @Test
  void scanningTheSbomFindsWhatScanningTheImageFinds() throws IOException {
    TreeSet<String> expected = findings(imageReport);
    JsonNode fromCdx = sbomScan(sbom("cyclonedx"));
    JsonNode fromSpdx = sbomScan(sbom("spdx-json"));
    assertThat(findings(fromCdx)).isEqualTo(expected);
    assertThat(findings(fromSpdx)).isEqualTo(expected);
    assertThat(fromCdx.at("/os/family").asText()).isEqualTo("alpine");
    assertThat(ids(fromCdx.get("packages"), "purl"))
        .containsExactlyElementsOf(ids(imageReport.get("packages"), "purl"));
    assertThat(ids(fromSpdx.get("packages"), "sourceName"))
        .containsExactlyElementsOf(ids(imageReport.get("packages"), "sourceName"));
  }

  @Test
  void anSbomFromOtherToolsIsReadFromPurlsAndTheDistroQualifier() throws IOException {
    // The shape Syft writes: no OS component, source package in the upstream qualifier.
    Path syft = work.resolve("syft.cdx.json");
    Files.writeString(
        syft,
        """
        {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
         "components": [
          {"type": "library", "name": "libssl1.1", "version": "1.1.1d-r3",
           "purl": "pkg:apk/alpine/libssl1.1@1.1.1d-r3?arch=x86_64&upstream=openssl&distro=alpine-3.11.5"},
          {"type": "library", "name": "no-purl", "version": "1"}
         ]}
        """);
    JsonNode report = sbomScan(syft);
    assertThat(report.at("/os/version").asText()).isEqualTo("3.11.5");
    assertThat(report.at("/packages/0/sourceName").asText()).isEqualTo("openssl");
    assertThat(findings(report)).contains("CVE-2020-1967 libssl1.1 1.1.1d-r3");
    assertThat(report.get("warnings").toString()).contains("1 components without a package URL");
  }

  @Test
  void imageScanAsCycloneDxIsAValidVdr() throws IOException {
    Path out = work.resolve("vdr.json");
    ok(
        "image",
        "-q",
        "--scanners",
        "vuln",
        "--db",
        db.toString(),
        "-f",
        "cyclonedx",
        "-o",
        out.toString(),
        image);
    JsonNode bom = JSON.readTree(out.toFile());
    assertThat(SbomSchemas.cycloneDx().validate(bom)).isEmpty();
    JsonNode vulns = bom.get("vulnerabilities");
    assertThat(vulns).hasSize(imageReport.get("findings").size());
    List<String> refs = ids(bom.get("components"), "bom-ref");
    for (JsonNode v : vulns) {
      assertThat(refs).contains(v.at("/affects/0/ref").asText());
    }
  }

  @Test
  void openVexAndCycloneDxVexSuppressWithReasons() throws IOException {
    Path openvex = work.resolve("app.openvex.json");
    Files.writeString(
        openvex,
        """
        {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.com/vex/1",
         "author": "test", "timestamp": "2026-01-01T00:00:00Z", "version": 1,
         "statements": [
          {"vulnerability": {"name": "CVE-2020-1967"},
           "products": [{"@id": "pkg:generic/example/app",
                         "subcomponents": [{"@id": "pkg:apk/alpine/libssl1.1"}]}],
           "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path",
           "impact_statement": "TLS 1.3 signature_algorithms_cert is never negotiated"},
          {"vulnerability": {"name": "CVE-2020-1967"},
           "products": [{"@id": "pkg:apk/alpine/libcrypto1.1@9.9.9"}],
           "status": "not_affected", "justification": "component_not_present"},
          {"vulnerability": {"name": "CVE-2020-1967"},
           "products": [{"@id": "pkg:oci/alpine",
                         "subcomponents": [{"@id": "pkg:apk/alpine/libcrypto1.1"}]}],
           "status": "not_affected", "justification": "component_not_present"}
         ]}
        """);
    String apkRef = "";
    for (JsonNode p : imageReport.get("packages")) {
      if (p.get("name").asText().equals("apk-tools")) {
        apkRef = p.get("purl").asText();
      }
    }
    Path cdxVex = work.resolve("vex.cdx.json");
    Files.writeString(
        cdxVex,
        """
        {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
         "serialNumber": "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
         "components": [{"type": "library", "name": "apk-tools", "bom-ref": "apk", "purl": "%s"}],
         "vulnerabilities": [
          {"id": "CVE-2021-30139", "analysis": {"state": "resolved", "detail": "patched downstream"},
           "affects": [{"ref": "urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#apk"}]}
         ]}
        """
            .formatted(apkRef));
    JsonNode report =
        scanImage("-f", "json", "--vex", openvex.toString(), "--vex", cdxVex.toString());
    TreeSet<String> kept = findings(report);
    assertThat(kept)
        .doesNotContain("CVE-2020-1967 libssl1.1 1.1.1d-r3", "CVE-2021-30139 apk-tools 2.10.4-r3")
        .contains("CVE-2020-1967 libcrypto1.1 1.1.1d-r3");
    // an image product: an archive names no image, so its subcomponents are skipped with a warning
    assertThat(report.get("warnings").toString())
        .contains("statement 3", "pkg:oci/alpine", "not the scanned target");
    JsonNode suppressed = report.get("suppressed");
    assertThat(suppressed).hasSize(2);
    assertThat(kept.size() + suppressed.size()).isEqualTo(findings(imageReport).size());
    JsonNode ssl =
        suppressed.get(0).get("packageName").asText().equals("libssl1.1")
            ? suppressed.get(0)
            : suppressed.get(1);
    assertThat(ssl.at("/suppression/status").asText()).isEqualTo("not_affected");
    assertThat(ssl.at("/suppression/justification").asText())
        .isEqualTo("vulnerable_code_not_in_execute_path");
    assertThat(ssl.at("/suppression/reason").asText()).contains("never negotiated");
    assertThat(ssl.at("/suppression/source").asText()).contains("app.openvex.json statement 1");
    assertThat(suppressed.toString()).contains("\"status\":\"fixed\"", "patched downstream");

    // the same suppressions reach the SBOM scan and the table
    Path table = work.resolve("table.txt");
    ok(
        "sbom",
        "scan",
        "-q",
        "--db",
        db.toString(),
        "--vex",
        openvex.toString(),
        "-o",
        table.toString(),
        sbom("cyclonedx").toString());
    assertThat(Files.readString(table)).contains("Suppressed: 1 (VEX 1, ignore file 0)");
  }

  @Test
  void ignoreFileSuppressesUntilItsEntriesExpire() throws IOException {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Path lines = work.resolve("ignore.txt");
    Files.writeString(
        lines,
        "# accepted risks\n"
            + "CVE-2020-1967 purl=pkg:apk/alpine/libssl1.1 expires="
            + today.plusDays(30)
            + " # only used for hashing\n"
            + "CVE-2021-30139 expires="
            + today.minusDays(1)
            + " # old exception\n"
            + "CVE-2020-28928 path=lib/apk/**\n");
    JsonNode report = scanImage("-f", "json", "--ignorefile", lines.toString());
    TreeSet<String> kept = findings(report);
    assertThat(kept)
        .doesNotContain("CVE-2020-1967 libssl1.1 1.1.1d-r3")
        .contains("CVE-2020-1967 libcrypto1.1 1.1.1d-r3", "CVE-2021-30139 apk-tools 2.10.4-r3")
        .noneMatch(f -> f.startsWith("CVE-2020-28928 "));
    assertThat(report.get("warnings").toString())
        .contains("ignore.txt:3", "CVE-2021-30139 expired on " + today.minusDays(1));
    JsonNode first = report.get("suppressed").get(0);
    assertThat(first.at("/suppression/kind").asText()).isEqualTo("ignore");
    assertThat(first.at("/suppression/reason").asText()).startsWith("only used for hashing");
    assertThat(first.at("/suppression/source").asText()).endsWith("ignore.txt:2");

    Path yaml = work.resolve("ignore.yaml");
    Files.writeString(
        yaml,
        "ignore:\n"
            + "  - id: CVE-2020-1967\n"
            + "    reason: no TLS in this image\n"
            + "    expires: "
            + today.plusDays(1)
            + "\n"
            + "  - id: CVE-2021-30139\n"
            + "    path: no/such/file\n");
    Path sarif = work.resolve("report.sarif");
    ok(
        "image",
        "-q",
        "--scanners",
        "vuln",
        "--db",
        db.toString(),
        "-f",
        "sarif",
        "--ignorefile",
        yaml.toString(),
        "-o",
        sarif.toString(),
        image);
    JsonNode results = JSON.readTree(sarif.toFile()).at("/runs/0/results");
    int suppressedResults = 0;
    for (JsonNode r : results) {
      if (r.has("suppressions")) {
        suppressedResults++;
        assertThat(r.get("ruleId").asText()).isEqualTo("CVE-2020-1967");
        assertThat(r.at("/suppressions/0/justification").asText())
            .contains("no TLS in this image", "ignore.yaml entry 1");
      } else {
        assertThat(r.get("ruleId").asText()).isNotEqualTo("CVE-2020-1967");
      }
    }
    assertThat(suppressedResults).isEqualTo(2);
  }

  @Test
  void helpNamesTheFormatsTargetsAndSuppressionOptions() {
    Outcome o = run("sbom", "--help");
    assertThat(o.code()).isZero();
    assertThat(o.out())
        .contains("cyclonedx or spdx-json", "docker-archive:PATH", "oci:DIR[:TAG]", "--platform")
        .contains("scan  Scan an SBOM for vulnerabilities.");
    assertThat(run("sbom", "scan", "--help").out())
        .contains("CycloneDX JSON (1.2-1.6) or SPDX 2.x JSON", "--vex=FILE", "--ignorefile=FILE");
    assertThat(run("image", "--help").out()).contains("--vex=FILE", "--ignorefile", "cyclonedx");
    assertThat(run("fs", "--help").out()).contains("--vex=FILE", "spdx-json");
    o = run("sbom");
    assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("bulkhead sbom scan FILE");
  }

  @Test
  void malformedInputsAreClearErrorsNamingTheFile() throws IOException {
    Path notJson = work.resolve("broken.json");
    Files.writeString(notJson, "{\"bomFormat\": \"CycloneDX\", ");
    Outcome o = run("sbom", "scan", "--db", db.toString(), notJson.toString());
    assertThat(o.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(o.err()).contains("SBOM " + notJson + " is not valid JSON at line 1");

    Path other = work.resolve("other.json");
    Files.writeString(other, "{\"hello\": \"world\"}");
    o = run("sbom", "scan", "--db", db.toString(), other.toString());
    assertThat(o.err()).contains(other + " is neither a CycloneDX JSON BOM");

    Path deep = work.resolve("deep.json");
    Files.writeString(
        deep,
        "{\"bomFormat\": \"CycloneDX\", \"components\": ["
            + "[".repeat(5000)
            + "]".repeat(5000)
            + "]}");
    o = run("sbom", "scan", "--db", db.toString(), deep.toString());
    assertThat(o.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(o.err()).contains("SBOM " + deep).contains("nesting depth");

    o =
        run(
            "image",
            "-q",
            "--scanners",
            "vuln",
            "--db",
            db.toString(),
            "--vex",
            other.toString(),
            image);
    assertThat(o.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(o.err()).contains("VEX document " + other + " is neither OpenVEX");

    Path badDate = work.resolve("bad.ignore");
    Files.writeString(badDate, "CVE-2020-1967 expires=31.01.2027\n");
    o =
        run(
            "image",
            "-q",
            "--scanners",
            "vuln",
            "--db",
            db.toString(),
            "--ignorefile",
            badDate.toString(),
            image);
    assertThat(o.err()).contains(badDate + ":1: expiry '31.01.2027' is not a date");

    Path badKey = work.resolve("bad.yaml");
    Files.writeString(badKey, "- id: CVE-1\n  until: 2027-01-01\n");
    o =
        run(
            "image",
            "-q",
            "--scanners",
            "vuln",
            "--db",
            db.toString(),
            "--ignorefile",
            badKey.toString(),
            image);
    assertThat(o.err()).contains(badKey + " entry 1: unknown key 'until'");

    o = run("sbom", "-f", "xml", image);
    assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("use cyclonedx or spdx-json");
    o = run("sbom", "scan", "--db", db.toString(), work.resolve("missing.json").toString());
    assertThat(o.err()).contains("missing.json not found");
  }
}
