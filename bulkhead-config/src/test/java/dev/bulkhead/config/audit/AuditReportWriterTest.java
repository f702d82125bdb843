package dev.bulkhead.config.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.Location;
import dev.bulkhead.config.model.ResourceRef;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditReportWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AuditReport REPORT =
      new AuditReport(
          "podman 4.3.1 at unix:///tmp/p.sock",
          List.of(
              ConfigFinding.of(
                  DockerAuditRules.PRIVILEGED,
                  new Location("unix:///tmp/p.sock", 0, 0),
                  new ResourceRef("Container", null, "web"),
                  "HostConfig.Privileged is true")),
          List.of("icc is unknown"));

  private static String write(String format) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new AuditReportWriter(format, "0.1.0").write(REPORT, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void jsonHasTheConfigReportShape() throws Exception {
    JsonNode n = JSON.readTree(write("json"));
    assertThat(n.path("schemaVersion").asInt()).isEqualTo(1);
    JsonNode f = n.path("findings").get(0);
    assertThat(f.path("ruleId").asText()).isEqualTo("BH-DOCKER-0010");
    assertThat(f.path("severity").asText()).isEqualTo("CRITICAL");
    assertThat(f.path("file").asText()).isEqualTo("unix:///tmp/p.sock");
    assertThat(f.has("line")).isTrue();
    assertThat(f.has("column")).isTrue();
    assertThat(f.path("resource").path("kind").asText()).isEqualTo("Container");
    assertThat(f.path("resource").path("namespace").isNull()).isTrue();
    assertThat(f.path("resource").path("name").asText()).isEqualTo("web");
    assertThat(f.path("frameworks").get(0).asText()).isEqualTo("cis-docker:5.5");
    assertThat(n.path("warnings").get(0).asText()).isEqualTo("icc is unknown");
  }

  @Test
  void sarifCarriesRulesResultsAndWarnings() throws Exception {
    JsonNode run = JSON.readTree(write("sarif")).path("runs").get(0);
    assertThat(run.path("tool").path("driver").path("rules").get(0).path("id").asText())
        .isEqualTo("BH-DOCKER-0010");
    JsonNode result = run.path("results").get(0);
    assertThat(result.path("level").asText()).isEqualTo("error");
    assertThat(result.path("locations").get(0).path("physicalLocation").has("region")).isFalse();
    assertThat(
            run.path("invocations")
                .get(0)
                .path("toolExecutionNotifications")
                .get(0)
                .path("message")
                .path("text")
                .asText())
        .isEqualTo("icc is unknown");
  }

  @Test
  void tableGroupsByResourceAndListsNotes() throws Exception {
    assertThat(write("table"))
        .contains("Audit of podman 4.3.1")
        .contains("Container web")
        .contains("CRITICAL")
        .contains("cis-docker:5.5")
        .contains("Total: 1, CRITICAL 1")
        .contains("note: icc is unknown");
  }

  @Test
  void unknownFormatsAreRejected() {
    assertThatThrownBy(() -> new AuditReportWriter("xml", "1"))
        .hasMessageContaining("unknown report format 'xml'");
  }
}
