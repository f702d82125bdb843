package dev.bulkhead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.bulkhead.core.testing.SharedData;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code bulkhead config} in process on real manifests and reads the reports it writes. */
class ConfigCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static final String DEPLOYMENT =
      String.join(
          "\n",
          "apiVersion: apps/v1",
          "kind: Deployment",
          "metadata:",
          "  name: web",
          "  namespace: shop",
          "spec:",
          "  template:",
          "    spec:",
          "      hostPID: true",
          "      containers:",
          "        - name: app",
          "          image: nginx:1.27",
          "          securityContext:",
          "            privileged: true",
          "");

  private record Outcome(int code, String out, String err) {}

  private static Outcome run(String stdin, String... args) {
    CommandLine cl = Main.newCommandLine();
    if (stdin != null) {
      ConfigCommand cmd = cl.getSubcommands().get("config").getCommand();
      cmd.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  @Test
  void helpDocumentsTheOptions() {
    Outcome o = run(null, "config", "--help");
    assertThat(o.code()).isZero();
    assertThat(o.out())
        .contains("--policy")
        .contains("--pss-version")
        .contains("--format")
        .contains("--output")
        .contains("--severity")
        .contains("--exit-code")
        .contains("--config")
        .contains("--ignorefile")
        .contains("bulkhead.dev/ignore");
  }

  @Test
  void jsonHasTheContractFieldsWithTheFieldPositions(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("deploy.yaml"), DEPLOYMENT);
    Path report = tmp.resolve("out/report.json");
    Outcome o =
        run(
            null,
            "config",
            file.toString(),
            "--policy",
            "pss-baseline",
            "-f",
            "json",
            "-o",
            report.toString());
    assertThat(o.code()).isZero();
    JsonNode root = JSON.readTree(report.toFile());
    assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(root.get("warnings").isArray()).isTrue();
    JsonNode findings = root.get("findings");
    assertThat(findings).hasSize(2);
    JsonNode privileged = findings.get(1);
    assertThat(privileged.get("ruleId").asText()).isEqualTo("BH-K8S-0003");
    assertThat(privileged.get("severity").asText()).isEqualTo("CRITICAL");
    assertThat(privileged.get("title").asText()).isEqualTo("Privileged container");
    assertThat(privileged.get("file").asText()).isEqualTo(file.toString());
    assertThat(privileged.get("line").asInt()).isEqualTo(14);
    assertThat(privileged.get("column").asInt()).isEqualTo(13);
    assertThat(privileged.get("resource").get("kind").asText()).isEqualTo("Deployment");
    assertThat(privileged.get("resource").get("namespace").asText()).isEqualTo("shop");
    assertThat(privileged.get("resource").get("name").asText()).isEqualTo("web");
    assertThat(privileged.get("message").asText()).contains("\"app\"").contains("privileged");
    assertThat(privileged.get("frameworks").toString()).contains("pss-baseline:privileged");
    JsonNode hostPid = findings.get(0);
    assertThat(hostPid.get("ruleId").asText()).isEqualTo("BH-K8S-0002");
    assertThat(hostPid.get("line").asInt()).isEqualTo(9);
    assertThat(hostPid.get("column").asInt()).isEqualTo(7);
  }

  @Test
  void readsStandardInputAndFailsWithTheExitCodeOnlyForSelectedSeverities(@TempDir Path tmp)
      throws Exception {
    Path report = tmp.resolve("r.json");
    Outcome o =
        run(
            DEPLOYMENT,
            "config",
            "-",
            "--policy",
            "pss-restricted",
            "--severity",
            "CRITICAL",
            "--exit-code",
            "7",
            "-f",
            "json",
            "-o",
            report.toString());
    assertThat(o.code()).isEqualTo(7);
    JsonNode findings = JSON.readTree(report.toFile()).get("findings");
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).get("file").asText()).isEqualTo("-");
    Outcome low =
        run(
            DEPLOYMENT,
            "config",
            "-",
            "--severity",
            "LOW",
            "--exit-code",
            "7",
            "--config",
            Files.writeString(
                    tmp.resolve("c.yaml"), "disable: [BH-K8S-0041, BH-K8S-0044, BH-K8S-0045]\n")
                .toString(),
            "-o",
            tmp.resolve("t.txt").toString());
    assertThat(low.code()).as(low.err()).isZero();
    assertThat(Files.readString(tmp.resolve("t.txt")))
        .contains("0 findings")
        .contains("3 suppressed");
  }

  @Test
  void aMalformedFileIsAWarningAndTheRestIsScanned(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("a.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: x\n");
    Files.writeString(tmp.resolve("b.yaml"), DEPLOYMENT);
    Path report = tmp.resolve("r.json");
    Outcome o = run(null, "config", tmp.toString(), "-f", "json", "-o", report.toString(), "-q");
    assertThat(o.code()).isZero();
    JsonNode root = JSON.readTree(report.toFile());
    assertThat(root.get("warnings")).hasSize(1);
    assertThat(root.get("warnings").get(0).get("file").asText()).endsWith("a.yaml");
    assertThat(root.get("warnings").get(0).get("line").asInt()).isPositive();
    assertThat(root.get("findings").toString()).contains("BH-K8S-0003").contains("b.yaml");
  }

  @Test
  void sarifCarriesRegionsAndRules(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("deploy.yaml"), DEPLOYMENT);
    Path report = tmp.resolve("r.sarif");
    Outcome o =
        run(
            null,
            "config",
            file.toString(),
            "--policy",
            "pss-baseline",
            "-f",
            "sarif",
            "-o",
            report.toString(),
            "--ignorefile",
            Files.writeString(tmp.resolve("ignore"), "BH-K8S-0002 # node tool\n").toString());
    assertThat(o.code()).isZero();
    Schema schema;
    try (InputStream in =
        Files.newInputStream(SharedData.require("schemas/sarif-schema-2.1.0.json"))) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
    assertThat(schema.validate(JSON.readTree(report.toFile()))).isEmpty();
    JsonNode run = JSON.readTree(report.toFile()).get("runs").get(0);
    assertThat(run.get("tool").get("driver").get("rules").toString()).contains("BH-K8S-0003");
    JsonNode region =
        run.get("results").get(1).get("locations").get(0).get("physicalLocation").get("region");
    assertThat(region.get("startLine").asInt()).isEqualTo(14);
    assertThat(region.get("startColumn").asInt()).isEqualTo(13);
    JsonNode suppressed = run.get("results").get(0);
    assertThat(suppressed.get("ruleId").asText()).isEqualTo("BH-K8S-0002");
    assertThat(suppressed.get("suppressions").get(0).get("kind").asText()).isEqualTo("external");
  }

  @Test
  void badPolicyOrVersionIsAUsageError(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("d.yaml"), DEPLOYMENT);
    Outcome policy = run(null, "config", file.toString(), "--policy", "pss-strict");
    assertThat(policy.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(policy.err()).contains("pss-baseline or pss-restricted");
    Outcome version = run(null, "config", file.toString(), "--pss-version", "2.0");
    assertThat(version.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(version.err()).contains("v1.N");
    Outcome missing = run(null, "config", tmp.resolve("nope.yaml").toString());
    assertThat(missing.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(missing.err()).contains("nope.yaml");
  }

  @Test
  void pssVersionChangesTheDecision(@TempDir Path tmp) throws Exception {
    Path file =
        Files.writeString(
            tmp.resolve("p.yaml"),
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext:\n"
                + "    sysctls: [{name: net.ipv4.tcp_keepalive_time, value: '60'}]\n"
                + "  containers: [{name: a, image: 'x:1'}]\n");
    Outcome old =
        run(
            null,
            "config",
            file.toString(),
            "--policy",
            "pss-baseline",
            "--pss-version",
            "v1.28",
            "--exit-code",
            "1",
            "-o",
            tmp.resolve("a.txt").toString());
    assertThat(old.code()).isEqualTo(1);
    assertThat(Files.readString(tmp.resolve("a.txt"))).contains("BH-K8S-0011");
    Outcome current =
        run(
            null,
            "config",
            file.toString(),
            "--policy",
            "pss-baseline",
            "--pss-version",
            "v1.29",
            "--exit-code",
            "1",
            "-o",
            tmp.resolve("b.txt").toString());
    assertThat(current.code()).isZero();
  }
}
