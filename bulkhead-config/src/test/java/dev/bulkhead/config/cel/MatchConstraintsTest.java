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
}
