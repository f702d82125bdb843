package dev.bulkhead.config.cel;

import java.util.List;
import java.util.Map;

/**
 * Which objects a policy applies to, as {@code spec.matchConstraints} of a
 * ValidatingAdmissionPolicy says. A file scan treats every object as being created, so rules whose
 * operations include {@code CREATE}, {@code UPDATE} or {@code *} apply.
 *
 * @param exact {@code matchPolicy: Exact}; the default {@code Equivalent} also matches the same
 *     resource in another group or version (extensions/v1beta1 Deployments for an apps/v1 rule)
 * @see <a
 *     href="https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/">ValidatingAdmissionPolicy</a>
 */
record MatchConstraints(
    List<ResourceRule> resourceRules,
    List<ResourceRule> excludeResourceRules,
    LabelSelector namespaceSelector,
    LabelSelector objectSelector,
    boolean exact) {

  /** The label Kubernetes puts on every namespace, holding its name. */
  static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  MatchConstraints {
    resourceRules = List.copyOf(resourceRules);
    excludeResourceRules = List.copyOf(excludeResourceRules);
  }

  /** One rule of the include or exclude list; an empty list matches nothing, {@code *} all. */
  record ResourceRule(
      List<String> apiGroups,
      List<String> apiVersions,
      List<String> resources,
      List<String> operations,
      List<String> resourceNames) {
    ResourceRule {
      apiGroups = List.copyOf(apiGroups);
      apiVersions = List.copyOf(apiVersions);
      resources = List.copyOf(resources);
      operations = List.copyOf(operations);
      resourceNames = List.copyOf(resourceNames);
    }

    boolean matches(
        String group, String version, String kind, String name, boolean exact, boolean ops) {
      if (ops
          && !(operations.contains("*")
              || operations.contains("CREATE")
              || operations.contains("UPDATE"))) {
        return false;
      }
      if (!resourceNames.isEmpty() && !resourceNames.contains(name)) {
        return false;
      }
      boolean resourceMatch = false;
      for (String r : resources) {
        if (r.equals("*") || r.equals("*/*")) {
          resourceMatch = true;
        } else if (!r.contains("/") && KubeResources.sameKind(KubeResources.kindOf(r), kind)) {
          resourceMatch = true;
        }
      }
      if (!resourceMatch) {
        return false;
      }
      boolean groupMatch = false;
      for (String g : apiGroups) {
        if (g.equals("*")
            || g.equals(group)
            || (!exact && KubeResources.equivalentGroup(kind, g, group))) {
          groupMatch = true;
        }
      }
      if (!groupMatch) {
        return false;
      }
      return !exact || apiVersions.contains("*") || apiVersions.contains(version);
    }
  }

  /**
   * Whether the policy applies to an object.
   *
   * <p>Scope is decided by kind ({@link KubeResources#clusterScoped}), not by whether the manifest
   * names a namespace: a cluster-scoped object is never subject to {@code namespaceSelector}, a
   * Namespace is matched against its own labels, and a namespaced object without {@code
   * metadata.namespace} is taken to be in {@code default}, as the API server would create it.
   *
   * @param apiVersion the object's {@code apiVersion}, e.g. {@code apps/v1} or {@code v1}
   * @param namespace the object's {@code metadata.namespace}, or {@code null} when it has none
   * @param namespaceLabels labels of the object's namespace as far as known; when empty, the label
   *     {@code kubernetes.io/metadata.name} Kubernetes sets on every namespace is assumed; ignored
   *     for cluster-scoped objects
   */
  boolean matches(
      String apiVersion,
      String kind,
      String namespace,
      String name,
      Map<String, String> objectLabels,
      Map<String, String> namespaceLabels) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    String n = name == null ? "" : name;
    boolean included = false;
    for (ResourceRule r : resourceRules) {
      if (r.matches(group, version, kind, n, exact, true)) {
        included = true;
        break;
      }
    }
    if (!included) {
      return false;
    }
    for (ResourceRule r : excludeResourceRules) {
      if (r.matches(group, version, kind, n, exact, true)) {
        return false;
      }
    }
    if (!objectSelector.matches(objectLabels)) {
      return false;
    }
    if (namespaceSelector.isEmpty()) {
      return true;
    }
    if ("Namespace".equals(kind) && group.isEmpty()) {
      return namespaceSelector.matches(objectLabels);
    }
    String ns = KubeResources.effectiveNamespace(kind, namespace);
    if (ns == null) {
      return true;
    }
    Map<String, String> labels =
        namespaceLabels == null || namespaceLabels.isEmpty()
            ? Map.of(NAMESPACE_NAME_LABEL, ns)
            : namespaceLabels;
    return namespaceSelector.matches(labels);
  }
}
