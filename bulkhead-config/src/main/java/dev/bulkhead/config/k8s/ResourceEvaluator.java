package dev.bulkhead.config.k8s;

import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.Rule;
import java.util.List;

/**
 * Extra checks run on every Kubernetes object after the built-in rules, for example organisation
 * policies in CEL. Findings it returns get the same annotation suppression, ignore file, config
 * file and severity filter as built-in ones. Implementations must be safe to call from one thread
 * at a time; they must not keep the resource.
 */
public interface ResourceEvaluator {
  /** The rules this evaluator can report (shown by {@code bulkhead rules list}). */
  List<Rule> rules();

  /** Returns the findings for one object (use {@link K8sResource#locate} for positions). */
  List<ConfigFinding> evaluate(K8sResource resource);
}
