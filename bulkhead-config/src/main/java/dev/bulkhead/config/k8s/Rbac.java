package dev.bulkhead.config.k8s;

import dev.bulkhead.config.k8s.Hardening.Hit;
import dev.bulkhead.config.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Checks RBAC objects: wildcards, escalation verbs, secret readers, cluster-admin bindings. */
final class Rbac {
  private static final Set<String> ESCALATION = Set.of("bind", "escalate", "impersonate");
  private static final Set<String> READ = Set.of("get", "list", "watch", "*");

  private Rbac() {}

  static List<Hit> check(K8sResource r) {
    List<Hit> out = new ArrayList<>();
    switch (r.kind()) {
      case "Role":
      case "ClusterRole":
        rules(r, out);
        break;
      case "RoleBinding":
      case "ClusterRoleBinding":
        if ("cluster-admin".equals(Yaml.string(r.object(), "roleRef", "name"))
            && "ClusterRole".equals(Yaml.string(r.object(), "roleRef", "kind"))) {
          out.add(
              new Hit(
                  "BH-K8S-0053",
                  new Violation(
                      List.of("roleRef", "name"),
                      r.kind() + " " + r.ref().name() + " binds cluster-admin")));
        }
        break;
      default:
        break;
    }
    return out;
  }

  private static void rules(K8sResource r, List<Hit> out) {
    List<Object> rules = Yaml.list(r.object(), "rules");
    for (int i = 0; i < rules.size(); i++) {
      Object rule = rules.get(i);
      for (String field : List.of("verbs", "resources", "apiGroups")) {
        List<Object> values = Yaml.list(rule, field);
        for (int j = 0; j < values.size(); j++) {
          if ("*".equals(values.get(j))) {
            out.add(
                new Hit(
                    "BH-K8S-0050",
                    new Violation(
                        List.of("rules", i, field, j), "rule " + i + " grants * in " + field)));
          }
        }
      }
      List<Object> verbs = Yaml.list(rule, "verbs");
      for (int j = 0; j < verbs.size(); j++) {
        if (ESCALATION.contains(String.valueOf(verbs.get(j)))) {
          out.add(
              new Hit(
                  "BH-K8S-0051",
                  new Violation(
                      List.of("rules", i, "verbs", j),
                      "rule " + i + " grants the " + verbs.get(j) + " verb")));
        }
      }
      List<Object> resources = Yaml.list(rule, "resources");
      boolean secrets = resources.contains("secrets") || resources.contains("*");
      boolean coreGroup =
          Yaml.list(rule, "apiGroups").contains("") || Yaml.list(rule, "apiGroups").contains("*");
      if (secrets && coreGroup && Yaml.list(rule, "resourceNames").isEmpty()) {
        for (int j = 0; j < verbs.size(); j++) {
          if (READ.contains(String.valueOf(verbs.get(j)))) {
            out.add(
                new Hit(
                    "BH-K8S-0052",
                    new Violation(
                        List.of("rules", i, "verbs", j),
                        "rule " + i + " can " + verbs.get(j) + " secrets")));
            break;
          }
        }
      }
    }
  }
}
