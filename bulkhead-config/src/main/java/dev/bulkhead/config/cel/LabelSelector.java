package dev.bulkhead.config.cel;

import java.util.List;
import java.util.Map;

/**
 * A Kubernetes label selector ({@code matchLabels} and {@code matchExpressions} with {@code In},
 * {@code NotIn}, {@code Exists}, {@code DoesNotExist}); all terms must hold. The empty selector
 * matches everything.
 *
 * @see <a
 *     href="https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#resources-that-support-set-based-requirements">Label
 *     selectors</a>
 */
record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {
  static final LabelSelector EVERYTHING = new LabelSelector(Map.of(), List.of());

  LabelSelector {
    matchLabels = Map.copyOf(matchLabels);
    matchExpressions = List.copyOf(matchExpressions);
  }

  /** One set-based requirement. */
  record Requirement(String key, String operator, List<String> values) {
    Requirement {
      values = List.copyOf(values);
    }

    boolean matches(Map<String, String> labels) {
      switch (operator) {
        case "In":
          return labels.containsKey(key) && values.contains(labels.get(key));
        case "NotIn":
          return !labels.containsKey(key) || !values.contains(labels.get(key));
        case "Exists":
          return labels.containsKey(key);
        case "DoesNotExist":
          return !labels.containsKey(key);
        default:
          return false;
      }
    }
  }

  boolean isEmpty() {
    return matchLabels.isEmpty() && matchExpressions.isEmpty();
  }

  boolean matches(Map<String, String> labels) {
    for (Map.Entry<String, String> e : matchLabels.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (Requirement r : matchExpressions) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }
}
