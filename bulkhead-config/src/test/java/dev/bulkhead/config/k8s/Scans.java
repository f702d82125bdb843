package dev.bulkhead.config.k8s;

import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.spi.ConfigParseException;
import java.util.ArrayList;
import java.util.List;

/** Runs the Kubernetes scanner over YAML text for tests. */
final class Scans {
  private Scans() {}

  static List<ConfigFinding> scan(String yaml, KubernetesScanner.Mode mode, PssVersion version) {
    KubernetesScanner s = new KubernetesScanner(mode, version, List.of());
    try {
      List<ConfigFinding> out = new ArrayList<>(s.scan("test.yaml", yaml));
      out.addAll(s.finish());
      return out;
    } catch (ConfigParseException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  static List<String> ids(List<ConfigFinding> findings) {
    return findings.stream()
        .filter(f -> f.suppression() == null)
        .map(f -> f.rule().id())
        .distinct()
        .sorted()
        .toList();
  }

  static KubernetesScanner.Mode mode(String policy) {
    if (policy == null) {
      return KubernetesScanner.Mode.ALL;
    }
    return policy.equals("pss-baseline")
        ? KubernetesScanner.Mode.PSS_BASELINE
        : KubernetesScanner.Mode.PSS_RESTRICTED;
  }
}
