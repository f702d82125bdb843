package dev.bulkhead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged jar as {@code helm template x | bulkhead config -} would: rendered manifests
 * (with Helm's "# Source:" comments, a List and a JSON object) on standard input.
 */
class ConfigCommandIT {

  @Test
  void scansRenderedManifestsFromStandardInput(@TempDir Path tmp) throws Exception {
    String rendered =
        "---\n# Source: app/templates/deployment.yaml\n"
            + ConfigCommandTest.DEPLOYMENT
            + "---\n# Source: app/templates/rbac.yaml\n"
            + "apiVersion: v1\nkind: List\nitems:\n"
            + "- {apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRoleBinding,"
            + " metadata: {name: admin}, roleRef: {kind: ClusterRole, name: cluster-admin}}\n"
            + "---\n{\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": {\"name\":"
            + " \"web\", \"namespace\": \"shop\"}, \"spec\": {\"type\": \"NodePort\"}}\n";
    Path in = Files.writeString(tmp.resolve("rendered.yaml"), rendered);
    Path report = tmp.resolve("report.json");
    ProcessBuilder pb =
        new ProcessBuilder(
            BulkheadJar.command(
                "config", "-", "-f", "json", "-o", report.toString(), "--exit-code", "5"));
    pb.redirectInput(in.toFile());
    pb.redirectError(tmp.resolve("err.txt").toFile());
    pb.redirectOutput(tmp.resolve("out.txt").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(err).isEqualTo(5);
    JsonNode root = new ObjectMapper().readTree(report.toFile());
    assertThat(root.get("summary").get("resources").asInt()).isEqualTo(3);
    assertThat(root.get("warnings")).isEmpty();
    String findings = root.get("findings").toString();
    assertThat(findings)
        .contains("BH-K8S-0003")
        .contains("BH-K8S-0053")
        .contains("BH-K8S-0061")
        .contains("\"file\":\"-\"");
    JsonNode privileged = null;
    for (JsonNode f : root.get("findings")) {
      if (f.get("ruleId").asText().equals("BH-K8S-0003")) {
        privileged = f;
      }
    }
    assertThat(privileged).isNotNull();
    assertThat(privileged.get("line").asInt()).isEqualTo(16);
    assertThat(privileged.get("column").asInt()).isEqualTo(13);
  }
}
