package dev.bulkhead.config.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.Rule;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the good and bad example of every live-audit rule: engine API documents (version, info,
 * bridge network, container inspect) in {@code examples/<rule id>/{bad,good}.engine.json}.
 */
class DockerAuditExamplesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static EngineFacts facts(JsonNode doc) {
    List<JsonNode> containers = new ArrayList<>();
    doc.path("containers").forEach(containers::add);
    return new EngineFacts(
        "unix:///var/run/docker.sock",
        doc.path("version"),
        doc.path("info"),
        doc.path("bridge"),
        containers,
        List.of());
  }

  private static List<ConfigFinding> run(String ruleId, String kind) throws Exception {
    String path = "/dev/bulkhead/config/examples/" + ruleId + "/" + kind + ".engine.json";
    try (InputStream in = DockerAuditExamplesTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return DockerAudit.run(facts(JSON.readTree(in))).findings();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyRuleFiresOnItsBadExampleOnly() {
    return DockerAuditRules.ALL.stream()
        .map(
            (Rule r) ->
                DynamicTest.dynamicTest(
                    r.id(),
                    () -> {
                      assertThat(run(r.id(), "bad"))
                          .extracting(f -> f.rule().id())
                          .as("bad example")
                          .contains(r.id());
                      assertThat(run(r.id(), "good"))
                          .extracting(f -> f.rule().id())
                          .as("good example")
                          .doesNotContain(r.id());
                    }));
  }

  @Test
  void theHardenedBaselineHasNoFindingsAndPodmanUnknownsAreWarnings() throws Exception {
    assertThat(run("BH-DOCKER-0002", "good")).isEmpty();
    JsonNode podman =
        JSON.readTree(
            "{\"version\":{\"Components\":[{\"Name\":\"Podman Engine\",\"Version\":\"4.3.1\"}]},"
                + "\"info\":{\"ServerVersion\":\"4.3.1\",\"Rootless\":false,\"LoggingDriver\":\"\","
                + "\"SecurityOptions\":[\"name=seccomp,profile=default\"],\"LiveRestoreEnabled\":false},"
                + "\"containers\":[]}");
    AuditReport r = DockerAudit.run(facts(podman));
    assertThat(r.findings()).extracting(f -> f.rule().id()).containsExactly("BH-DOCKER-0002");
    assertThat(String.join("\n", r.warnings()))
        .contains("(CIS 2.9) is unknown")
        .contains("CIS 2.2")
        .contains("CIS 2.15")
        .contains("CIS 2.13")
        .contains("CIS 2.5");
    assertThat(r.engine()).startsWith("podman 4.3.1");
  }

  @Test
  void ruleIdsAreUniqueAndEveryRuleMapsToACisControl() {
    assertThat(DockerAuditRules.ALL).extracting(Rule::id).doesNotHaveDuplicates();
    assertThat(DockerAuditRules.ALL)
        .allSatisfy(
            r -> {
              assertThat(r.id()).startsWith("BH-DOCKER-");
              assertThat(r.frameworks())
                  .singleElement()
                  .asString()
                  .matches("cis-docker:\\d+\\.\\d+");
              assertThat(r.references()).isNotEmpty();
            });
  }
}
