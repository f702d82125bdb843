package dev.bulkhead.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.Rule;
import dev.bulkhead.config.spi.ConfigScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the good and bad example of every Docker-side rule (Dockerfile, compose, daemon.json): the
 * bad example fires the rule, the good one does not. Examples live in {@code
 * src/main/resources/dev/bulkhead/config/examples/<rule id>/}.
 */
class RuleExamplesTest {
  private static final List<String> PREFIXES = List.of("BH-DF-", "BH-COMPOSE-", "BH-DAEMON-");

  private static List<ConfigScanner> scanners() {
    List<ConfigScanner> out = new ArrayList<>();
    ServiceLoader.load(ConfigScanner.class).forEach(out::add);
    return out;
  }

  static String example(String ruleId, String kind, String suffix) throws IOException {
    String path = "/dev/bulkhead/config/examples/" + ruleId + "/" + kind + suffix;
    try (InputStream in = RuleExamplesTest.class.getResourceAsStream(path)) {
      assertThat(in).as("example %s", path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String suffix(ConfigScanner s) {
    switch (s.fileKind()) {
      case "dockerfile":
        return ".Dockerfile";
      case "compose":
        return ".compose.yaml";
      case "daemon":
        return ".daemon.json";
      default:
        throw new IllegalStateException(s.fileKind());
    }
  }

  @TestFactory
  Stream<DynamicTest> everyRuleFiresOnItsBadExampleOnly() {
    List<DynamicTest> tests = new ArrayList<>();
    for (ConfigScanner s : scanners()) {
      for (Rule r : s.rules()) {
        if (PREFIXES.stream().noneMatch(r.id()::startsWith)) {
          continue;
        }
        tests.add(
            DynamicTest.dynamicTest(
                r.id(),
                () -> {
                  String file = "bad" + suffix(s);
                  List<ConfigFinding> bad = s.scan(file, example(r.id(), "bad", suffix(s)));
                  assertThat(bad).extracting(f -> f.rule().id()).as("bad example").contains(r.id());
                  for (ConfigFinding f : bad) {
                    assertThat(f.location().file()).isEqualTo(file);
                    assertThat(f.location().line()).as("line of %s", f).isPositive();
                    assertThat(f.location().column()).as("column of %s", f).isPositive();
                  }
                  List<ConfigFinding> good =
                      s.scan("good" + suffix(s), example(r.id(), "good", suffix(s)));
                  assertThat(good)
                      .extracting(f -> f.rule().id())
                      .as("good example")
                      .doesNotContain(r.id());
                }));
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(8);
    return tests.stream();
  }

  @Test
  void ruleIdsAreUniqueAndDockerRulesFullyDescribed() {
    Set<String> ids = new HashSet<>();
    for (ConfigScanner s : scanners()) {
      for (Rule r : s.rules()) {
        assertThat(ids.add(r.id())).as("duplicate %s", r.id()).isTrue();
        if (PREFIXES.stream().noneMatch(r.id()::startsWith)) {
          continue;
        }
        assertThat(r.title()).isNotBlank();
        assertThat(r.description()).isNotBlank();
        assertThat(r.remediation()).isNotBlank();
        assertThat(r.references()).isNotEmpty();
        assertThat(r.frameworks()).allMatch(f -> f.startsWith("cis-docker:"));
      }
    }
  }
}
