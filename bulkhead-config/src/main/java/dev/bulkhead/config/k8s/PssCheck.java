package dev.bulkhead.config.k8s;

import java.util.List;
import java.util.function.BiFunction;

/**
 * One PodSecurity admission check, as registered in k8s.io/pod-security-admission/policy: its id,
 * level, the first policy version it applies at and the baseline check it replaces under restricted
 * (from the same version).
 *
 * @param id the admission controller's check id, e.g. {@code hostNamespaces}
 * @param level baseline or restricted
 * @param ruleId the Bulkhead rule it reports as
 * @param since the first policy minor version (1.N) the check applies at
 * @param overrides the baseline check id it replaces under restricted, or {@code null}
 * @param fn the check: returns the offending fields for a pod at a policy version
 */
public record PssCheck(
    String id,
    PssLevel level,
    String ruleId,
    int since,
    String overrides,
    BiFunction<PodSpecView, PssVersion, List<Violation>> fn) {

  /** Whether the check is part of {@code level} at {@code version}. */
  public boolean activeAt(PssVersion version) {
    return version.atLeast(since);
  }
}
