package dev.bulkhead.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.config.audit.DockerAudit;
import dev.bulkhead.config.audit.DockerAuditRules;
import dev.bulkhead.config.audit.EngineFacts;
import dev.bulkhead.config.compliance.ComplianceReport;
import dev.bulkhead.config.compliance.Control;
import dev.bulkhead.config.compliance.ControlResult;
import dev.bulkhead.config.compliance.ControlStatus;
import dev.bulkhead.config.compliance.Framework;
import dev.bulkhead.config.compliance.RuleKinds;
import dev.bulkhead.config.k8s.KubernetesRules;
import dev.bulkhead.config.k8s.KubernetesScanner;
import dev.bulkhead.config.k8s.PssVersion;
import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.ResourceRef;
import dev.bulkhead.config.model.Rule;
import dev.bulkhead.config.spi.ConfigScanner;
import dev.bulkhead.config.spi.ScannedResource;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks every framework mapping of every built-in rule (each registered scanner's and the live
 * audit's): each {@code framework:control} tag names a control of {@link Framework#of}, and the
 * rule's bad example, run through a real scan and {@link ComplianceReport}, fails that control; and
 * every resource the rule reports is of a kind {@link RuleKinds} says the rule examines.
 */
class FrameworkMappingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A scan's output: the rules it ran, the resources it saw and its findings. */
  private record Scan(List<Rule> rules, List<ResourceRef> scanned, List<ConfigFinding> findings) {}

  @TestFactory
  Stream<DynamicTest> everyMappingNamesAControlThatTheBadExampleFails() {
    List<DynamicTest> tests = new ArrayList<>();
    for (ConfigScanner s : ServiceLoader.load(ConfigScanner.class)) {
      for (Rule r : s.rules()) {
        tests.add(test(r, () -> scanBadExample(s.fileKind(), r)));
      }
    }
    for (Rule r : DockerAuditRules.ALL) {
      tests.add(test(r, () -> auditBadExample(r)));
    }
    assertThat(tests).hasSizeGreaterThan(60);
    return tests.stream();
  }

  private static DynamicTest test(Rule r, Supplier<Scan> bad) {
    return DynamicTest.dynamicTest(
        r.id(),
        () -> {
          Scan scan = bad.get();
          assertThat(scan.findings())
              .extracting(f -> f.rule().id())
              .as("bad example of %s", r.id())
              .contains(r.id());
          // The compliance report judges a rule's controls over the kinds it examines.
          scan.findings().stream()
              .filter(f -> f.rule().id().equals(r.id()) && f.resource() != null)
              .forEach(
                  f ->
                      assertThat(RuleKinds.examines(r, f.resource().kind()))
                          .as("%s examines %s", r.id(), f.resource().kind())
                          .isTrue());
          for (String tag : r.frameworks()) {
            assertThat(tag).as("tag of %s", r.id()).matches("[a-z-]+:[^:\\s]+");
            Framework fw = Framework.of(tag.substring(0, tag.indexOf(':')));
            Control control =
                fw.controls().stream()
                    .filter(c -> c.mappedBy(List.of(tag)))
                    .findFirst()
                    .orElseThrow(
                        () -> new AssertionError(r.id() + ": " + tag + " is no control of " + fw));
            ComplianceReport report =
                ComplianceReport.compute(fw, scan.rules(), scan.scanned(), scan.findings());
            ControlResult result =
                report.controls().stream()
                    .filter(c -> c.control().equals(control))
                    .findFirst()
                    .orElseThrow();
            assertThat(result.status())
                .as("%s %s (%s) on the bad example of %s", fw.id(), control.id(), tag, r.id())
                .isEqualTo(ControlStatus.FAIL);
            assertThat(result.failures())
                .flatExtracting(ControlResult.Failure::findings)
                .extracting(f -> f.rule().id())
                .contains(r.id());
          }
        });
  }

  private static Scan scanBadExample(String fileKind, Rule r) {
    try {
      if (fileKind.equals("kubernetes")) {
        KubernetesRules.Examples ex = KubernetesRules.get().examples(r.id());
        KubernetesScanner k =
            new KubernetesScanner(mode(ex.policy()), PssVersion.LATEST, List.of());
        List<ConfigFinding> findings = new ArrayList<>(k.scan("bad.yaml", ex.bad()));
        findings.addAll(k.finish());
        return new Scan(k.rules(), refs(k.scannedResources()), findings);
      }
      ConfigScanner fresh = fresh(fileKind);
      String suffix = suffix(fileKind);
      String text = RuleExamplesTest.example(r.id(), "bad", suffix);
      List<ConfigFinding> findings = new ArrayList<>(fresh.scan("bad" + suffix, text));
      findings.addAll(fresh.finish());
      return new Scan(fresh.rules(), refs(fresh.scannedResources()), findings);
    } catch (Exception e) {
      throw new AssertionError("scanning the bad example of " + r.id() + ": " + e, e);
    }
  }

  private static Scan auditBadExample(Rule r) {
    String path = "/dev/bulkhead/config/examples/" + r.id() + "/bad.engine.json";
    try (InputStream in = FrameworkMappingTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      JsonNode doc = JSON.readTree(in);
      List<JsonNode> containers = new ArrayList<>();
      doc.path("containers").forEach(containers::add);
      EngineFacts facts =
          new EngineFacts(
              "unix:///var/run/docker.sock",
              doc.path("version"),
              doc.path("info"),
              doc.path("bridge"),
              containers,
              List.of());
      List<ConfigFinding> findings = DockerAudit.run(facts).findings();
      List<ResourceRef> scanned = new ArrayList<>();
      findings.stream().map(ConfigFinding::resource).distinct().forEach(scanned::add);
      return new Scan(DockerAuditRules.ALL, scanned, findings);
    } catch (Exception e) {
      throw new AssertionError("auditing the bad example of " + r.id() + ": " + e, e);
    }
  }

  private static ConfigScanner fresh(String fileKind) {
    for (ConfigScanner s : ServiceLoader.load(ConfigScanner.class)) {
      if (s.fileKind().equals(fileKind)) {
        return s;
      }
    }
    throw new IllegalStateException("no scanner for " + fileKind);
  }

  private static String suffix(String fileKind) {
    switch (fileKind) {
      case "dockerfile":
        return ".Dockerfile";
      case "compose":
        return ".compose.yaml";
      case "daemon":
        return ".daemon.json";
      default:
        throw new IllegalStateException("no examples for scanner " + fileKind);
    }
  }

  private static KubernetesScanner.Mode mode(String policy) {
    if (policy == null) {
      return KubernetesScanner.Mode.ALL;
    }
    return policy.equals("pss-baseline")
        ? KubernetesScanner.Mode.PSS_BASELINE
        : KubernetesScanner.Mode.PSS_RESTRICTED;
  }

  private static List<ResourceRef> refs(List<ScannedResource> scanned) {
    return scanned.stream().map(ScannedResource::resource).toList();
  }
}
