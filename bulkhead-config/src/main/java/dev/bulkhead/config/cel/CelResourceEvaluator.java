package dev.bulkhead.config.cel;

import dev.bulkhead.config.k8s.K8sResource;
import dev.bulkhead.config.k8s.ResourceEvaluator;
import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs organisation policies on every Kubernetes object the {@code config} command reads, so their
 * findings get the same suppression, config file and severity filter as built-in rules.
 *
 * <p>An expression that fails at run time on many objects is reported once, with a count, rather
 * than once per object.
 */
public final class CelResourceEvaluator implements ResourceEvaluator {
  private final CelPolicySet policies;
  private final Map<String, Integer> warnings = new LinkedHashMap<>();

  public CelResourceEvaluator(CelPolicySet policies) {
    this.policies = policies;
  }

  @Override
  public List<Rule> rules() {
    return policies.rules();
  }

  @Override
  public List<ConfigFinding> evaluate(K8sResource resource) {
    return policies.evaluate(
        resource.object(),
        resource.ref(),
        resource::locate,
        w -> warnings.merge(w, 1, Integer::sum));
  }

  /** The run-time failures seen so far, each once, with how many objects it happened on. */
  public List<String> warnings() {
    List<String> out = new ArrayList<>();
    warnings.forEach((w, n) -> out.add(n == 1 ? w : w + " (on " + n + " objects)"));
    return out;
  }
}
