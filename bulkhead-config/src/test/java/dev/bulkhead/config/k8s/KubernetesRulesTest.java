package dev.bulkhead.config.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.config.model.Rule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every rule's examples: the bad one must fire the rule, the good one must not. */
class KubernetesRulesTest {

  @TestFactory
  Stream<DynamicTest> everyRuleFiresOnItsBadExampleAndNotOnItsGoodOne() {
    KubernetesRules rules = KubernetesRules.get();
    return rules.all().stream()
        .map(
            rule ->
                DynamicTest.dynamicTest(
                    rule.id(),
                    () -> {
                      KubernetesRules.Examples ex = rules.examples(rule.id());
                      assertThat(ex.bad()).as("bad example of " + rule.id()).isNotBlank();
                      assertThat(ex.good()).as("good example of " + rule.id()).isNotBlank();
                      var mode = Scans.mode(ex.policy());
                      assertThat(Scans.ids(Scans.scan(ex.bad(), mode, PssVersion.LATEST)))
                          .as("rules fired by the bad example of " + rule.id())
                          .contains(rule.id());
                      assertThat(Scans.ids(Scans.scan(ex.good(), mode, PssVersion.LATEST)))
                          .as("rules fired by the good example of " + rule.id())
                          .doesNotContain(rule.id());
                    }));
  }

  @Test
  void everyRuleIsDocumentedAndMapped() {
    Set<String> ids = new HashSet<>();
    for (Rule r : KubernetesRules.get().all()) {
      assertThat(r.id()).matches("BH-K8S-\\d{4}");
      assertThat(ids.add(r.id())).as("unique " + r.id()).isTrue();
      assertThat(r.title()).isNotBlank();
      assertThat(r.description()).isNotBlank();
      assertThat(r.remediation()).isNotBlank();
      assertThat(r.references()).isNotEmpty();
      assertThat(r.frameworks()).isNotEmpty();
    }
  }

  @Test
  void everyPssCheckReportsACataloguedRuleMappedToItsLevel() {
    for (PssCheck c : PssPolicy.allChecks()) {
      Rule r = KubernetesRules.get().rule(c.ruleId());
      String prefix = c.level() == PssLevel.BASELINE ? "pss-baseline:" : "pss-restricted:";
      assertThat(r.frameworks()).anyMatch(f -> f.startsWith(prefix));
    }
    assertThat(PssPolicy.allChecks().stream().map(PssCheck::id).distinct().count())
        .isEqualTo(PssPolicy.allChecks().size());
    assertThat(List.of("hostPathVolumes", "seccompProfile_baseline", "capabilities_baseline"))
        .allMatch(id -> PssPolicy.allChecks().stream().anyMatch(c -> c.id().equals(id)));
  }
}
