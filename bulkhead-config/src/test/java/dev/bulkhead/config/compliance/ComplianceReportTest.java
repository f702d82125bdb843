package dev.bulkhead.config.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.Location;
import dev.bulkhead.config.model.ResourceRef;
import dev.bulkhead.config.model.Rule;
import dev.bulkhead.config.model.Suppression;
import dev.bulkhead.core.Severity;
import dev.bulkhead.core.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplianceReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static final Rule PRIVILEGED =
      rule("BH-DOCKER-0010", "cis-docker:5.5", "nsa-cisa:privileged-containers");
  static final Rule NO_MEMORY = rule("BH-DOCKER-0018", "cis-docker:5.11");
  static final Rule NO_HEALTHCHECK = rule("BH-DF-0007", "cis-docker:4.6");
  static final Rule UNRELATED = rule("BH-K8S-0001", "pss-baseline:hostNamespaces");

  static final ResourceRef A = new ResourceRef("Container", null, "a");
  static final ResourceRef B = new ResourceRef("Container", null, "b");
  static final ResourceRef C = new ResourceRef("Container", null, "c");
  static final ResourceRef D = new ResourceRef("Container", null, "d");

  static Rule rule(String id, String... frameworks) {
    return new Rule(id, id + " title", Severity.HIGH, "d", "r", List.of(), List.of(frameworks));
  }

  static ConfigFinding finding(Rule r, ResourceRef res, String file, int line, String message) {
    return ConfigFinding.of(r, new Location(file, line, 3), res, message);
  }

  /**
   * Four containers scanned; a and b privileged (b twice), c without a memory limit, d privileged
   * but suppressed; the Dockerfile (not in the scanned list) has no HEALTHCHECK.
   */
  static List<ConfigFinding> findings() {
    return List.of(
        finding(PRIVILEGED, A, "compose.yaml", 4, "a is privileged"),
        finding(PRIVILEGED, B, "compose.yaml", 9, "b is privileged"),
        finding(PRIVILEGED, B, "compose.yaml", 10, "b is privileged again"),
        finding(NO_MEMORY, C, "compose.yaml", 14, "c has no memory limit"),
        finding(PRIVILEGED, D, "compose.yaml", 20, "d is privileged")
            .suppressed(new Suppression("annotation", "lab box")),
        finding(NO_HEALTHCHECK, null, "Dockerfile", 1, "no HEALTHCHECK"),
        finding(UNRELATED, A, "pod.yaml", 7, "hostPID"));
  }

  private static ControlResult control(ComplianceReport r, String id) {
    return r.controls().stream().filter(c -> c.control().id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void scoresOnlyTheControlsTheScanChecks() {
    ComplianceReport r =
        ComplianceReport.compute(
            Framework.of("cis-docker"),
            List.of(PRIVILEGED, NO_MEMORY, NO_HEALTHCHECK, UNRELATED),
            List.of(A, B, C, D),
            findings());
    // The Dockerfile joins the four scanned resources: 5 in all.
    assertThat(r.resources()).isEqualTo(5);
    ControlResult privileged = control(r, "5.5");
    assertThat(privileged.status()).isEqualTo(ControlStatus.FAIL);
    assertThat(privileged.failures())
        .extracting(ControlResult.Failure::resource)
        .containsExactly(A, B);
    assertThat(privileged.failures().get(1).findings()).hasSize(2);
    // Judged over the four containers only: the Dockerfile is not a container.
    assertThat(privileged.resources()).isEqualTo(4);
    assertThat(privileged.passing()).isEqualTo(2);
    assertThat(privileged.percent()).isEqualTo(50.0);
    assertThat(privileged.suppressed()).isEqualTo(1);
    assertThat(control(r, "5.11").percent()).isEqualTo(75.0);
    ControlResult health = control(r, "4.6");
    assertThat(health.failures())
        .singleElement()
        .extracting(ControlResult.Failure::resource)
        .isEqualTo(new ResourceRef("File", null, "Dockerfile"));
    // No Dockerfile stage was scanned: only the failing file counts, the containers do not.
    assertThat(health.resources()).isEqualTo(1);
    assertThat(health.percent()).isEqualTo(0.0);
    // Automated but unchecked by these rules: manual, not a free pass.
    ControlResult userns = control(r, "2.9");
    assertThat(userns.status()).isEqualTo(ControlStatus.MANUAL);
    assertThat(userns.note()).contains("no rule of this scan");
    assertThat(control(r, "2.1").status()).isEqualTo(ControlStatus.MANUAL);
    // (50 + 75 + 0) / 3
    assertThat(r.score()).isEqualTo(41.7);
    assertThat(r.count(ControlStatus.FAIL)).isEqualTo(3);
    assertThat(r.count(ControlStatus.PASS)).isZero();
  }

  @Test
  void withoutTheRuleListEveryAutomatedControlCounts() {
    ComplianceReport r =
        ComplianceReport.compute(Framework.of("cis-docker"), List.of(A, B, C, D), findings());
    long automated = r.controls().stream().filter(c -> c.control().automated()).count();
    assertThat(automated).isEqualTo(46);
    assertThat(control(r, "2.9").status()).isEqualTo(ControlStatus.PASS);
    assertThat(control(r, "2.9").percent()).isEqualTo(100.0);
    // (50 + 75 + 0 + 43 * 100) / 46 = 96.19...
    assertThat(r.score()).isEqualTo(96.2);
  }

  @Test
  void suppressedFindingsAloneDoNotFailAControl() {
    ComplianceReport r =
        ComplianceReport.compute(
            Framework.of("nsa-cisa"), List.of(PRIVILEGED), List.of(D), List.of(findings().get(4)));
    ControlResult c = control(r, "privileged-containers");
    assertThat(c.status()).isEqualTo(ControlStatus.PASS);
    assertThat(c.suppressed()).isEqualTo(1);
    assertThat(r.score()).isEqualTo(100.0);
  }

  @Test
  void nothingScannedHasNoScore() {
    ComplianceReport r =
        ComplianceReport.compute(Framework.of("pss-restricted"), List.of(), List.of());
    assertThat(r.score()).isNull();
    assertThat(r.controls()).allMatch(c -> c.percent() == null);
  }

  @Test
  void pssRestrictedCountsBaselineRules() {
    ResourceRef p = new ResourceRef("Pod", "shop", "p");
    ResourceRef q = new ResourceRef("Deployment", "shop", "q");
    ComplianceReport r =
        ComplianceReport.compute(
            Framework.of("pss-restricted"),
            List.of(UNRELATED),
            List.of(p, q, A, new ResourceRef("Service", "shop", "s")),
            List.of(finding(UNRELATED, p, "pod.yaml", 7, "hostPID")));
    ControlResult ns = control(r, "hostNamespaces");
    assertThat(ns.status()).isEqualTo(ControlStatus.FAIL);
    // Over the two workloads: neither the container nor the Service holds a pod.
    assertThat(ns.resources()).isEqualTo(2);
    assertThat(ns.percent()).isEqualTo(50.0);
    assertThat(r.score()).isEqualTo(50.0);
  }

  @Test
  void aControlIsJudgedOnlyOverTheKindsItsRulesExamine() {
    ResourceRef pod = new ResourceRef("Pod", "shop", "web");
    ResourceRef stage = new ResourceRef("DockerfileStage", null, "runtime");
    ResourceRef svc = new ResourceRef("ComposeService", null, "db");
    Rule composePrivileged = rule("BH-COMPOSE-0001", "cis-docker:5.5");
    ComplianceReport r =
        ComplianceReport.compute(
            Framework.of("cis-docker"),
            List.of(NO_HEALTHCHECK, PRIVILEGED, composePrivileged, NO_MEMORY),
            List.of(pod, stage, svc),
            List.of(finding(composePrivileged, svc, "compose.yaml", 3, "db is privileged")));
    ControlResult health = control(r, "4.6");
    assertThat(health.status()).isEqualTo(ControlStatus.PASS);
    assertThat(health.resources()).isEqualTo(1);
    // 5.5 is decided by a compose and an audit rule: compose services and containers count.
    ControlResult privileged = control(r, "5.5");
    assertThat(privileged.status()).isEqualTo(ControlStatus.FAIL);
    assertThat(privileged.resources()).isEqualTo(1);
    assertThat(privileged.percent()).isEqualTo(0.0);
    // Only an audit rule decides 5.11 and no container was scanned: not applicable, not a pass.
    ControlResult memory = control(r, "5.11");
    assertThat(memory.status()).isEqualTo(ControlStatus.MANUAL);
    assertThat(memory.note()).contains("not applicable");
    assertThat(memory.percent()).isNull();
    assertThat(r.score()).isEqualTo(50.0);
  }

  static String render(ComplianceWriter w, ComplianceReport r) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    w.write(r, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void jsonHasTheDocumentedShape() throws IOException {
    ComplianceReport r =
        ComplianceReport.compute(
            Framework.of("cis-docker"),
            List.of(PRIVILEGED, NO_MEMORY, NO_HEALTHCHECK),
            List.of(A, B, C, D),
            findings());
    JsonNode root = JSON.readTree(render(ComplianceWriter.forFormat("json", "0.1.0"), r));
    assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(root.get("framework").get("id").asText()).isEqualTo("cis-docker");
    assertThat(root.get("framework").get("version").asText()).isEqualTo("v1.6.0");
    assertThat(root.get("score").asDouble()).isEqualTo(41.7);
    assertThat(root.get("resources").asInt()).isEqualTo(5);
    assertThat(root.get("summary").get("fail").asInt()).isEqualTo(3);
    assertThat(root.get("summary").get("pass").asInt()).isZero();
    assertThat(root.get("controls")).hasSize(Framework.of("cis-docker").controls().size());
    JsonNode c55 = null;
    for (JsonNode c : root.get("controls")) {
      if (c.get("id").asText().equals("5.5")) {
        c55 = c;
      }
      if (c.get("id").asText().equals("2.8")) {
        assertThat(c.get("status").asText()).isEqualTo("manual");
        assertThat(c.get("percent").isNull()).isTrue();
        assertThat(c.get("automated").asBoolean()).isFalse();
      }
    }
    assertThat(c55).isNotNull();
    assertThat(c55.get("status").asText()).isEqualTo("fail");
    assertThat(c55.get("percent").asDouble()).isEqualTo(50.0);
    assertThat(c55.get("suppressed").asInt()).isEqualTo(1);
    JsonNode fail = c55.get("failures").get(1);
    assertThat(fail.get("resource").get("kind").asText()).isEqualTo("Container");
    assertThat(fail.get("resource").get("namespace").isNull()).isTrue();
    assertThat(fail.get("resource").get("name").asText()).isEqualTo("b");
    JsonNode f0 = fail.get("findings").get(0);
    assertThat(f0.get("ruleId").asText()).isEqualTo("BH-DOCKER-0010");
    assertThat(f0.get("file").asText()).isEqualTo("compose.yaml");
    assertThat(f0.get("line").asInt()).isEqualTo(9);
    assertThat(f0.get("column").asInt()).isEqualTo(3);
    assertThat(f0.get("message").asText()).isEqualTo("b is privileged");
  }

  @Test
  void htmlIsSelfContainedAndEscapesScannedText() throws IOException {
    ResourceRef evil = new ResourceRef("Pod", "ns\"><b>", "<script>alert('x')</script>");
    ConfigFinding f =
        finding(PRIVILEGED, evil, "dir/<img src=x onerror=alert(1)>.yaml", 2, "a & b <i>");
    ComplianceReport r =
        ComplianceReport.compute(Framework.of("cis-docker"), List.of(evil), List.of(f));
    String html = render(ComplianceWriter.forFormat("html", "0.1.0"), r);
    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("<img")
        .doesNotContain("<b>")
        .doesNotContain("<i>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .contains("ns&quot;&gt;&lt;b&gt;/")
        .contains("a &amp; b &lt;i&gt;")
        .contains("dir/&lt;img src=x onerror=alert(1)&gt;.yaml:2:3")
        .contains("Content-Security-Policy")
        .contains("<style>");
    // No external assets: no stylesheet links, scripts, images or frames.
    assertThat(html).doesNotContainPattern("(?i)<link|<script|<img|<iframe|<[^>]*\\ssrc=|url\\(");
    assertThat(html).contains("<span class=\"st FAIL\">FAIL</span>");
  }

  @Test
  void sarifIsValidAndPointsAtTheFindingPosition() throws IOException {
    ComplianceReport r =
        ComplianceReport.compute(
            Framework.of("cis-docker"),
            List.of(PRIVILEGED, NO_MEMORY, NO_HEALTHCHECK),
            List.of(A, B, C, D),
            findings());
    String sarif = render(ComplianceWriter.forFormat("sarif", "0.1.0"), r);
    Schema schema;
    try (InputStream in =
        Files.newInputStream(SharedData.require("schemas/sarif-schema-2.1.0.json"))) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
    JsonNode root = JSON.readTree(sarif);
    assertThat(schema.validate(root)).isEmpty();
    JsonNode run = root.get("runs").get(0);
    assertThat(run.get("tool").get("driver").get("rules"))
        .hasSize(Framework.of("cis-docker").controls().size());
    // 2 resources fail 5.5, 1 fails 5.11, 1 fails 4.6.
    assertThat(run.get("results")).hasSize(4);
    JsonNode first = null;
    for (JsonNode res : run.get("results")) {
      if (res.get("ruleId").asText().equals("cis-docker/5.5")) {
        first = res;
        break;
      }
    }
    assertThat(first).isNotNull();
    JsonNode region = first.get("locations").get(0).get("physicalLocation").get("region");
    assertThat(region.get("startLine").asInt()).isEqualTo(4);
    assertThat(region.get("startColumn").asInt()).isEqualTo(3);
    assertThat(first.get("message").get("text").asText()).contains("Container a fails 5.5");
  }

  @Test
  void tableListsFailingResourcesUnderTheirControl() throws IOException {
    ComplianceReport r =
        ComplianceReport.compute(
            Framework.of("cis-docker"),
            List.of(PRIVILEGED, NO_MEMORY, NO_HEALTHCHECK),
            List.of(A, B, C, D),
            findings());
    String table = render(ComplianceWriter.forFormat("table", "0.1.0"), r);
    assertThat(table)
        .contains("Score: 41.7% over 3 automated controls, 5 resources")
        .contains("Controls: 0 pass, 3 fail, 58 manual")
        .containsPattern("5\\.5 +FAIL +2/4 +Ensure that privileged containers are not used")
        .contains(
            "    - Container b\n        BH-DOCKER-0010 at compose.yaml:9:3: b is privileged\n")
        .contains("(1 suppressed findings not counted)");
  }
}
