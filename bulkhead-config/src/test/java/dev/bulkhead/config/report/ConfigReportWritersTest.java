package dev.bulkhead.config.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.config.engine.ConfigEngine;
import dev.bulkhead.config.engine.ConfigReport;
import dev.bulkhead.config.k8s.KubernetesScanner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigReportWritersTest {
  private static final String YAML =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"<script>x\\e[2J\"\n"
          + "  annotations: {bulkhead.dev/ignore: 'BH-K8S-0002 host tool'}\n"
          + "spec:\n  hostPID: true\n  containers:\n  - name: a\n    image: 'x:1'\n"
          + "    securityContext: {privileged: true}\n---\nkind: [\n";

  private static ConfigReport report() throws Exception {
    return ConfigEngine.builder()
        .scanners(
            List.of(
                new KubernetesScanner(
                    KubernetesScanner.Mode.PSS_BASELINE,
                    dev.bulkhead.config.k8s.PssVersion.LATEST,
                    List.of())))
        .stdin(new ByteArrayInputStream(YAML.getBytes(StandardCharsets.UTF_8)))
        .build()
        .scan(List.of("-"));
  }

  private static String render(String format) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ConfigReportWriter.forFormat(format, "1.0").write(report(), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void tableShowsPositionsResourceAndSummaryWithoutControlCharacters() throws Exception {
    String table = render("table");
    assertThat(table)
        .contains("-:11:23  CRITICAL  BH-K8S-0003  Privileged container")
        .contains("Pod <script>x?[2J: container \"a\" must not set securityContext.privileged=true")
        .contains("warning: -:14:1: invalid YAML")
        .contains(
            "1 findings (CRITICAL: 1), 1 suppressed, 1 warnings; 1 files, 1 resources scanned")
        .doesNotContain("\u001b");
  }

  @Test
  void sarifMarksSuppressedResults() throws Exception {
    JsonNode results =
        new ObjectMapper().readTree(render("sarif")).get("runs").get(0).get("results");
    assertThat(results).hasSize(2);
    JsonNode hostPid = results.get(0);
    assertThat(hostPid.get("ruleId").asText()).isEqualTo("BH-K8S-0002");
    assertThat(hostPid.get("suppressions").get(0).get("kind").asText()).isEqualTo("inSource");
    assertThat(hostPid.get("suppressions").get(0).get("justification").asText())
        .contains("host tool");
    assertThat(results.get(1).has("suppressions")).isFalse();
  }

  @Test
  void htmlEscapesEverything() throws Exception {
    String html = render("html");
    assertThat(html).contains("&lt;script&gt;x").doesNotContain("<script>");
    assertThat(html).contains("annotation: host tool");
  }

  @Test
  void unknownFormatNamesTheChoices() {
    assertThatThrownBy(() -> ConfigReportWriter.forFormat("xml", "1"))
        .hasMessageContaining("table, json, sarif or html");
  }
}
