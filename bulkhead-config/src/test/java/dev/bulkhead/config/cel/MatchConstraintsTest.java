package dev.bulkhead.config.cel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.spi.ConfigParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which objects a policy applies to, through the whole load-and-evaluate path. */
class MatchConstraintsTest {
  private final List<String> warnings = new ArrayList<>();

  private static CelPolicySet policy(String matchConstraints) throws ConfigParseException {
    return CelPolicySet.parse(
        "p.yaml",
        "apiVersion: admissionregistration.k8s.io/v1\n"
            + "kind: ValidatingAdmissionPolicy\n"
            + "metadata: {name: always-fails}\n"
            + "spec:\n"
            + "  matchConstraints:\n"
            + matchConstraints
            + "  validations:\n"
            + "    - expression: 'false'\n"
            + "      message: matched\n");
  }

  private boolean matches(CelPolicySet set, String manifest) {
    Manifests.Resource r = Manifests.one(manifest);
    List<ConfigFinding> f = set.evaluate(r.object(), r.ref(), r.locate(), warnings::add);
    assertThat(warnings).isEmpty();
    return !f.isEmpty();
  }

  private static String obj(String apiVersion, String kind, String ns, String labels) {
    return "apiVersion: "
        + apiVersion
        + "\nkind: "
        + kind
        + "\nmetadata:\n  name: x\n"
        + (ns == null ? "" : "  namespace: " + ns + "\n")
        + "  labels: "
        + labels
        + "\n";
  }

  @Test
  void resourcesGroupsAndOperations() throws Exception {
    CelPolicySet set =
        policy(
            "    resourceRules:\n"
                + "      - {apiGroups: ['apps'], apiVersions: ['v1'], resources: ['deployments',"
                + " 'statefulsets'], operations: ['CREATE']}\n"
                + "      - {apiGroups: [''], apiVersions: ['*'], resources: ['pods'],"
                + " operations: ['DELETE']}\n");
    assertThat(matches(set, obj("apps/v1", "Deployment", "a", "{}"))).isTrue();
    assertThat(matches(set, obj("apps/v1", "StatefulSet", "a", "{}"))).isTrue();
    assertThat(matches(set, obj("apps/v1", "DaemonSet", "a", "{}"))).isFalse();
    // DELETE-only rules never apply to a file: it describes a create.
    assertThat(matches(set, obj("v1", "Pod", "a", "{}"))).isFalse();
    // Equivalent (default): the same resource in a legacy group matches.
    assertThat(matches(set, obj("extensions/v1beta1", "Deployment", "a", "{}"))).isTrue();
    assertThat(matches(set, obj("example.com/v1", "Deployment", "a", "{}"))).isFalse();
  }

  @Test
  void exactMatchPolicyComparesGroupAndVersion() throws Exception {
    CelPolicySet set =
        policy(
            "    matchPolicy: Exact\n"
                + "    resourceRules:\n"
                + "      - {apiGroups: ['apps'], apiVersions: ['v1'], resources: ['deployments'],"
                + " operations: ['*']}\n");
    assertThat(matches(set, obj("apps/v1", "Deployment", "a", "{}"))).isTrue();
    assertThat(matches(set, obj("apps/v1beta2", "Deployment", "a", "{}"))).isFalse();
    assertThat(matches(set, obj("extensions/v1beta1", "Deployment", "a", "{}"))).isFalse();
  }

  @Test
  void wildcardsExclusionsAndSelectors() throws Exception {
    CelPolicySet set =
        policy(
            "    resourceRules:\n"
                + "      - {apiGroups: ['*'], apiVersions: ['*'], resources: ['*'],"
                + " operations: ['CREATE', 'UPDATE']}\n"
                + "    excludeResourceRules:\n"
                + "      - {apiGroups: [''], apiVersions: ['*'], resources: ['configmaps'],"
                + " operations: ['*']}\n"
                + "    objectSelector:\n"
                + "      matchExpressions:\n"
                + "        - {key: tier, operator: NotIn, values: [test]}\n"
                + "    namespaceSelector:\n"
                + "      matchExpressions:\n"
                + "        - {key: kubernetes.io/metadata.name, operator: NotIn,"
                + " values: [kube-system]}\n");
    assertThat(matches(set, obj("v1", "Secret", "a", "{tier: prod}"))).isTrue();
    assertThat(matches(set, obj("v1", "ConfigMap", "a", "{}"))).isFalse();
    assertThat(matches(set, obj("v1", "Secret", "a", "{tier: test}"))).isFalse();
    assertThat(matches(set, obj("v1", "Secret", "kube-system", "{}"))).isFalse();
    // Cluster-scoped objects are not subject to the namespace selector.
    assertThat(matches(set, obj("rbac.authorization.k8s.io/v1", "ClusterRole", null, "{}")))
        .isTrue();
  }

  @Test
  void namespaceLabelsCanBeSupplied() throws Exception {
    CelPolicySet set =
        policy(
            "    resourceRules:\n"
                + "      - {apiGroups: [''], apiVersions: ['v1'], resources: ['pods'],"
                + " operations: ['CREATE']}\n"
                + "    namespaceSelector:\n"
                + "      matchLabels: {env: prod}\n");
    Manifests.Resource pod = Manifests.one(obj("v1", "Pod", "shop", "{}"));
    assertThat(set.evaluate(pod.object(), pod.ref(), pod.locate(), warnings::add)).isEmpty();
    assertThat(
            set.evaluate(
                pod.object(), pod.ref(), Map.of("env", "prod"), pod.locate(), warnings::add))
        .extracting(ConfigFinding::message)
        .containsExactly("matched");
    // A Namespace is matched against its own labels.
    CelPolicySet namespaces =
        policy(
            "    resourceRules:\n"
                + "      - {apiGroups: [''], apiVersions: ['v1'], resources: ['namespaces'],"
                + " operations: ['CREATE']}\n"
                + "    namespaceSelector:\n"
                + "      matchLabels: {env: prod}\n");
    assertThat(matches(namespaces, obj("v1", "Namespace", null, "{env: prod}"))).isTrue();
    assertThat(matches(namespaces, obj("v1", "Namespace", null, "{env: dev}"))).isFalse();
  }

  @Test
  void scopeComesFromTheKindAndNamespacedObjectsDefaultToDefault() throws Exception {
    CelPolicySet notDefault =
        policy(
            "    resourceRules:\n"
                + "      - {apiGroups: ['*'], apiVersions: ['*'], resources: ['*'],"
                + " operations: ['CREATE']}\n"
                + "    namespaceSelector:\n"
                + "      matchExpressions:\n"
                + "        - {key: kubernetes.io/metadata.name, operator: NotIn,"
                + " values: [default]}\n");
    // A Pod, Deployment or custom resource without metadata.namespace lands in default.
    assertThat(matches(notDefault, obj("v1", "Pod", null, "{}"))).isFalse();
    assertThat(matches(notDefault, obj("apps/v1", "Deployment", null, "{}"))).isFalse();
    assertThat(matches(notDefault, obj("example.com/v1", "Widget", null, "{}"))).isFalse();
    assertThat(matches(notDefault, obj("v1", "Pod", "shop", "{}"))).isTrue();
    assertThat(matches(notDefault, obj("v1", "Pod", "default", "{}"))).isFalse();
    CelPolicySet prodOnly =
        policy(
            "    resourceRules:\n"
                + "      - {apiGroups: ['*'], apiVersions: ['*'], resources: ['*'],"
                + " operations: ['CREATE']}\n"
                + "    namespaceSelector:\n"
                + "      matchLabels: {kubernetes.io/metadata.name: prod}\n");
    assertThat(matches(prodOnly, obj("v1", "ConfigMap", null, "{}"))).isFalse();
    assertThat(matches(prodOnly, obj("v1", "ConfigMap", "prod", "{}"))).isTrue();
    // Cluster-scoped kinds skip the namespace selector, with or without a stray namespace.
    for (String[] k :
        List.of(
            new String[] {"rbac.authorization.k8s.io/v1", "ClusterRoleBinding"},
            new String[] {"v1", "PersistentVolume"},
            new String[] {"v1", "Node"},
            new String[] {"storage.k8s.io/v1", "StorageClass"},
            new String[] {"apiextensions.k8s.io/v1", "CustomResourceDefinition"},
            new String[] {"admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicyBinding"},
            new String[] {"scheduling.k8s.io/v1", "PriorityClass"},
            new String[] {"networking.k8s.io/v1", "IngressClass"})) {
      assertThat(matches(prodOnly, obj(k[0], k[1], null, "{}"))).as(k[1]).isTrue();
      assertThat(matches(prodOnly, obj(k[0], k[1], "dev", "{}"))).as(k[1]).isTrue();
    }
  }

  @Test
  void requestNamespaceIsDefaultForNamespacedObjectsAndEmptyForClusterScoped() throws Exception {
    CelPolicySet set =
        CelPolicySet.parse(
            "p.yaml",
            "apiVersion: admissionregistration.k8s.io/v1\n"
                + "kind: ValidatingAdmissionPolicy\n"
                + "metadata: {name: ns}\n"
                + "spec:\n"
                + "  matchConstraints:\n"
                + "    resourceRules:\n"
                + "      - {apiGroups: ['*'], apiVersions: ['*'], resources: ['*'],"
                + " operations: ['CREATE']}\n"
                + "  validations:\n"
                + "    - expression: 'false'\n"
                + "      messageExpression: \"'ns=' + request.namespace\"\n");
    Manifests.Resource pod = Manifests.one(obj("v1", "Pod", null, "{}"));
    assertThat(set.evaluate(pod.object(), pod.ref(), pod.locate(), warnings::add))
        .extracting(ConfigFinding::message)
        .containsExactly("ns=default");
    Manifests.Resource role =
        Manifests.one(obj("rbac.authorization.k8s.io/v1", "ClusterRole", null, "{}"));
    assertThat(set.evaluate(role.object(), role.ref(), role.locate(), warnings::add))
        .extracting(ConfigFinding::message)
        .containsExactly("ns=");
    assertThat(warnings).isEmpty();
  }
}
