package dev.bulkhead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.core.testing.SbomSchemas;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Writes SBOMs of the debootstrap Debian 12 root filesystem (built once per machine by {@link
 * TestImages}) and scans them again: the findings, source packages and release must survive the
 * round trip, and a versionless VEX product must silence every version of its package.
 */
class SbomRoundTripIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String ok(String... args) {
    CommandLine cl = Main.newCommandLine();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    assertThat(code).as("%s%n%s", String.join(" ", args), err).isZero();
    return err.toString();
  }

  private static TreeSet<String> findings(JsonNode report) {
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode f : report.get("findings")) {
      out.add(
          f.get("vulnerabilityId").asText()
              + " "
              + f.get("packageName").asText()
              + " "
              + f.get("installedVersion").asText()
              + " "
              + f.get("sourceName").asText());
    }
    return out;
  }

  @Test
  void debianFindingsSurviveCycloneDxAndSpdx(@TempDir Path work) throws IOException {
    Path rootfs = TestImages.debianRootfs();
    Path db = work.resolve("db.sqlite");
    Path demo = Path.of("..", "examples", "advisories", "debian-bookworm-demo.json");
    ok("db", "import", "--db", db.toString(), demo.toString());
    Path image = work.resolve("image.json");
    ok(
        "image",
        "-q",
        "--scanners",
        "vuln",
        "--db",
        db.toString(),
        "-f",
        "json",
        "-o",
        image.toString(),
        "dir:" + rootfs);
    JsonNode direct = JSON.readTree(image.toFile());
    assertThat(findings(direct)).isNotEmpty();
    assertThat(direct.at("/os/codename").asText()).isEqualTo("bookworm");

    for (String format : new String[] {"cyclonedx", "spdx-json"}) {
      Path sbom = work.resolve("debian." + format + ".json");
      ok("sbom", "-q", "-f", format, "-o", sbom.toString(), rootfs.toString());
      JsonNode doc = JSON.readTree(sbom.toFile());
      assertThat(
              (format.equals("cyclonedx") ? SbomSchemas.cycloneDx() : SbomSchemas.spdx())
                  .validate(doc))
          .isEmpty();
      Path out = work.resolve("scan." + format + ".json");
      ok(
          "sbom",
          "scan",
          "-q",
          "--db",
          db.toString(),
          "-f",
          "json",
          "-o",
          out.toString(),
          sbom.toString());
      JsonNode scanned = JSON.readTree(out.toFile());
      assertThat(findings(scanned)).as(format).isEqualTo(findings(direct));
      assertThat(scanned.at("/os/codename").asText()).isEqualTo("bookworm");
      assertThat(scanned.get("packages")).hasSameSizeAs(direct.get("packages"));
    }

    JsonNode first = direct.get("findings").get(0);
    String name = first.get("packageName").asText();
    String id = first.get("vulnerabilityId").asText();
    Path vex = work.resolve("deb.openvex.json");
    Files.writeString(
        vex,
        "{\"@context\": \"https://openvex.dev/ns/v0.2.0\", \"statements\": [{\"vulnerability\":"
            + " {\"name\": \""
            + id
            + "\"}, \"products\": [{\"@id\": \"pkg:deb/debian/"
            + name
            + "\"}], \"status\": \"not_affected\", \"justification\":"
            + " \"vulnerable_code_not_in_execute_path\"}]}");
    Path silenced = work.resolve("vex.json");
    ok(
        "image",
        "-q",
        "--scanners",
        "vuln",
        "--db",
        db.toString(),
        "-f",
        "json",
        "--vex",
        vex.toString(),
        "-o",
        silenced.toString(),
        "dir:" + rootfs);
    JsonNode report = JSON.readTree(silenced.toFile());
    assertThat(report.get("suppressed")).isNotEmpty();
    for (JsonNode s : report.get("suppressed")) {
      assertThat(s.get("vulnerabilityId").asText()).isEqualTo(id);
      assertThat(s.get("packageName").asText()).isEqualTo(name);
    }
    assertThat(report.get("findings").size() + report.get("suppressed").size())
        .isEqualTo(direct.get("findings").size());
  }
}
