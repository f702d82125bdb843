package dev.bulkhead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs {@code bulkhead config} in process with {@code --policy-file} (the shipped example
 * organisation policies) and {@code --compliance} on real Dockerfiles, compose files and manifests,
 * and reads the reports it writes.
 */
class ConfigPolicyCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ORG_POLICIES = Path.of("../examples/policies/org-policies.yaml");

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
          "      containers:",
          "        - name: app",
          "          image: docker.io/library/nginx:1.27",
          "        - name: side",
          "          image: registry.example.com/side:2",
          "");

  static final String TRUSTED_POD =
      String.join(
          "\n",
          "apiVersion: v1",
          "kind: Pod",
          "metadata:",
          "  name: ok",
          "  namespace: shop",
          "  labels: {team: pay}",
          "spec:",
          "  containers:",
          "    - name: app",
          "      image: registry.example.com/app:1",
          "");

  /** A Dockerfile without USER or HEALTHCHECK (CIS 4.1, 4.6). */
  static final String DOCKERFILE =
      "FROM debian:12.5\nRUN apt-get update && apt-get install -y curl"
          + " && rm -rf /var/lib/apt/lists/*\nCMD [\"sleep\", \"1\"]\n";

  /** One privileged service with the Docker socket (CIS 5.5, 5.32) and one clean service. */
  static final String COMPOSE =
      String.join(
          "\n",
          "services:",
          "  agent:",
          "    image: example/agent:1",
          "    privileged: true",
          "    volumes:",
          "      - /var/run/docker.sock:/var/run/docker.sock",
          "  web:",
          "    image: example/web:1",
          "    read_only: true",
          "");

  private static Map<String, JsonNode> controls(JsonNode report) {
    Map<String, JsonNode> out = new HashMap<>();
    report.get("controls").forEach(c -> out.put(c.get("id").asText(), c));
    return out;
  }

  @Test
  void policyFileGivesOrgFindingsWithPositions(@TempDir Path tmp) throws Exception {
    assertThat(ORG_POLICIES).exists();
    Path deploy = Files.writeString(tmp.resolve("deploy.yaml"), DEPLOYMENT);
    Path pod = Files.writeString(tmp.resolve("pod.yaml"), TRUSTED_POD);
    Path report = tmp.resolve("r.json");
    Outcome o =
        run(
            "config",
            deploy.toString(),
            pod.toString(),
            "--policy-file",
            ORG_POLICIES.toString(),
            "-f",
            "json",
            "-o",
            report.toString());
    assertThat(o.code()).as(o.err()).isZero();
    List<JsonNode> org = new ArrayList<>();
    for (JsonNode f : JSON.readTree(report.toFile()).get("findings")) {
      if (f.get("ruleId").asText().startsWith("ORG-")) {
        org.add(f);
      }
    }
    // The trusted, labelled Pod passes both policies; the Deployment fails both.
    assertThat(org)
        .extracting(f -> f.get("ruleId").asText())
        .containsExactlyInAnyOrder("ORG-REGISTRY-001", "ORG-require-team-label");
    for (JsonNode f : org) {
      assertThat(f.get("file").asText()).isEqualTo(deploy.toString());
      assertThat(f.get("resource").get("kind").asText()).isEqualTo("Deployment");
      assertThat(f.get("resource").get("namespace").asText()).isEqualTo("shop");
      assertThat(f.get("resource").get("name").asText()).isEqualTo("web");
      assertThat(f.get("line").asInt()).as("line of %s", f).isPositive();
      assertThat(f.get("column").asInt()).as("column of %s", f).isPositive();
    }
    JsonNode registry =
        org.stream()
            .filter(f -> f.get("ruleId").asText().equals("ORG-REGISTRY-001"))
            .findFirst()
            .orElseThrow();
    assertThat(registry.get("severity").asText()).isEqualTo("HIGH");
    assertThat(registry.get("message").asText())
        .isEqualTo("images outside registry.example.com: app=docker.io/library/nginx:1.27");
    assertThat(registry.get("frameworks").toString()).contains("nsa-cisa:secure-images");
    JsonNode team =
        org.stream()
            .filter(f -> f.get("ruleId").asText().equals("ORG-require-team-label"))
            .findFirst()
            .orElseThrow();
    // fieldPath metadata.labels does not exist: the finding points at its parent, metadata.
    assertThat(team.get("line").asInt()).isEqualTo(3);
    assertThat(team.get("column").asInt()).isEqualTo(1);
    assertThat(team.get("message").asText()).isEqualTo("Deployment web has no team label");
  }

  @Test
  void aCelSyntaxErrorExitsOneNamingFileLineAndColumn(@TempDir Path tmp) throws Exception {
    Path policy =
        Files.writeString(
            tmp.resolve("broken-policy.yaml"),
            String.join(
                "\n",
                "apiVersion: admissionregistration.k8s.io/v1",
                "kind: ValidatingAdmissionPolicy",
                "metadata:",
                "  name: broken",
                "spec:",
                "  matchConstraints:",
                "    resourceRules:",
                "      - {apiGroups: [''], apiVersions: ['v1'], resources: ['pods'],"
                    + " operations: ['CREATE']}",
                "  validations:",
                "    - expression: \"object.spec.containers.all(c, c.name == )\"",
                ""),
            StandardCharsets.UTF_8);
    Path pod = Files.writeString(tmp.resolve("pod.yaml"), TRUSTED_POD);
    Outcome o = run("config", pod.toString(), "--policy-file", policy.toString());
    assertThat(o.code()).isEqualTo(ExitCodes.ERROR);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                java.util.regex.Pattern.quote(policy.toString())
                    + ":10:(\\d+): .*broken.*does not compile")
            .matcher(o.err());
    assertThat(m.find()).as(o.err()).isTrue();
    // The column points into the expression (which starts at column 20), not at the document.
    assertThat(Integer.parseInt(m.group(1))).isBetween(20, 62);
  }

  @Test
  void cisDockerComplianceOnADockerfileAndComposeDirectory(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("app"));
    Files.writeString(dir.resolve("Dockerfile"), DOCKERFILE);
    Files.writeString(dir.resolve("compose.yaml"), COMPOSE);
    Path report = tmp.resolve("cis.json");
    Outcome o =
        run(
            "config",
            dir.toString(),
            "--compliance",
            "cis-docker",
            "-f",
            "json",
            "-o",
            report.toString());
    assertThat(o.code()).as(o.err()).isZero();
    JsonNode root = JSON.readTree(report.toFile());
    assertThat(root.get("framework").get("id").asText()).isEqualTo("cis-docker");
    Map<String, JsonNode> c = controls(root);
    for (String failing : List.of("4.1", "4.6", "5.5", "5.32")) {
      assertThat(c.get(failing).get("status").asText()).as(failing).isEqualTo("fail");
    }
    assertThat(c.get("5.5").get("failures")).hasSize(1);
    JsonNode agent = c.get("5.5").get("failures").get(0);
    assertThat(agent.get("resource").get("kind").asText()).isEqualTo("ComposeService");
    assertThat(agent.get("resource").get("name").asText()).isEqualTo("agent");
    JsonNode finding = agent.get("findings").get(0);
    assertThat(finding.get("ruleId").asText()).isEqualTo("BH-COMPOSE-0001");
    assertThat(finding.get("line").asInt()).isEqualTo(4);
    // 5.5 is judged over the two compose services, not the Dockerfile stage.
    assertThat(c.get("5.5").get("resources").asInt()).isEqualTo(2);
    assertThat(c.get("5.5").get("percent").asDouble()).isEqualTo(50.0);
    // Host network: checked on both services, neither uses it.
    assertThat(c.get("5.10").get("status").asText()).isEqualTo("pass");
    assertThat(c.get("5.10").get("resources").asInt()).isEqualTo(2);
    // The Dockerfile controls are judged over its one stage.
    assertThat(c.get("4.1").get("resources").asInt()).isEqualTo(1);
    // No daemon.json scanned: the daemon controls are not applicable, not passed.
    assertThat(c.get("2.2").get("status").asText()).isEqualTo("manual");
    assertThat(c.get("2.2").get("note").asText()).contains("not applicable");
    // Only the live audit checks memory limits.
    assertThat(c.get("5.11").get("status").asText()).isEqualTo("manual");
    assertThat(root.get("summary").get("pass").asInt()).isPositive();
  }

  @Test
  void complianceAsHtmlWritesAPage(@TempDir Path tmp) throws Exception {
    Path dockerfile = Files.writeString(tmp.resolve("Dockerfile"), DOCKERFILE);
    Path page = tmp.resolve("out/cis.html");
    Outcome o =
        run(
            "config",
            dockerfile.toString(),
            "--compliance",
            "cis-docker",
            "-f",
            "html",
            "-o",
            page.toString());
    assertThat(o.code()).as(o.err()).isZero();
    String html = Files.readString(page);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .endsWith("</html>\n")
        .contains("CIS Docker Benchmark")
        .contains("Ensure that a user for the container has been created")
        .contains("<span class=\"st FAIL\">FAIL</span>")
        .doesNotContainPattern("(?i)<script|<link");
  }

  @Test
  void anUnknownFrameworkIsAUsageError(@TempDir Path tmp) throws Exception {
    Path dockerfile = Files.writeString(tmp.resolve("Dockerfile"), DOCKERFILE);
    Outcome o = run("config", dockerfile.toString(), "--compliance", "cis-windows");
    assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err())
        .contains("unknown compliance framework 'cis-windows'")
        .contains("cis-docker");
  }

  @Test
  void exitCodeWithComplianceFollowsFailingControls(@TempDir Path tmp) throws Exception {
    Path bad = Files.writeString(tmp.resolve("bad.Dockerfile"), DOCKERFILE);
    Path good =
        Files.writeString(
            tmp.resolve("good.Dockerfile"),
            "FROM debian:12.5\nUSER 10001:10001\nHEALTHCHECK CMD [\"true\"]\n");
    String[] common = {"--compliance", "cis-docker", "-f", "json", "--exit-code", "3", "-o"};
    Outcome failing = run(concat("config", bad.toString(), common, tmp.resolve("a.json")));
    assertThat(failing.code()).as(failing.err()).isEqualTo(3);
    Outcome passing = run(concat("config", good.toString(), common, tmp.resolve("b.json")));
    assertThat(passing.code()).as(passing.err()).isZero();
    JsonNode b = JSON.readTree(tmp.resolve("b.json").toFile());
    assertThat(b.get("summary").get("fail").asInt()).isZero();
    assertThat(controls(b).get("4.1").get("status").asText()).isEqualTo("pass");
  }

  private static String[] concat(String cmd, String target, String[] opts, Path output) {
    List<String> args = new ArrayList<>(List.of(cmd, target));
    args.addAll(List.of(opts));
    args.add(output.toString());
    return args.toArray(new String[0]);
  }
}
