package dev.bulkhead.config.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.Location;
import dev.bulkhead.config.spi.ConfigParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubernetesScannerTest {

  @Test
  void readsYaml11BooleansAsKubernetesDoes() {
    String yaml =
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostPID: on\n"
            + "  containers:\n  - name: 'yes'\n    image: 'x:1'\n    securityContext:\n"
            + "      privileged: yes\n";
    List<ConfigFinding> found =
        Scans.scan(yaml, KubernetesScanner.Mode.PSS_BASELINE, PssVersion.LATEST);
    assertThat(Scans.ids(found)).containsExactly("BH-K8S-0002", "BH-K8S-0003");
    assertThat(found.get(1).message()).contains("\"yes\"");
  }

  @Test
  void theDefaultScanReportsAFieldFlaggedByBaselineAndRestrictedOnceByTheBaselineRule() {
    String yaml =
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n"
            + "  containers: [{name: a, image: 'x:1', securityContext: {capabilities: {add:"
            + " [SYS_ADMIN]}}}]\n"
            + "  volumes: [{name: h, hostPath: {path: /}}, {name: n, nfs: {server: s, path: /}}]\n";
    List<ConfigFinding> found = Scans.scan(yaml, KubernetesScanner.Mode.ALL, PssVersion.LATEST);
    List<String> pss =
        found.stream()
            .map(f -> f.rule().id() + " " + f.message())
            .filter(s -> s.compareTo("BH-K8S-0030") < 0)
            .toList();
    assertThat(pss)
        .contains(
            "BH-K8S-0004 container \"a\" must not include \"SYS_ADMIN\" in"
                + " securityContext.capabilities.add",
            "BH-K8S-0005 volume \"h\" uses hostPath",
            "BH-K8S-0020 volume \"n\" uses restricted volume type \"nfs\"",
            "BH-K8S-0025 container \"a\" must set securityContext.capabilities.drop=[\"ALL\"]")
        .noneMatch(s -> s.startsWith("BH-K8S-0020 volume \"h\""))
        .noneMatch(s -> s.startsWith("BH-K8S-0025") && s.contains("SYS_ADMIN"));
  }

  @Test
  void anUnrenderedHelmTemplateGetsAHint() {
    String template =
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n"
            + "  labels: {{- include \"x\" . | nindent 4 }}\n";
    assertThatThrownBy(() -> new KubernetesScanner().scan("templates/pod.yaml", template))
        .isInstanceOf(ConfigParseException.class)
        .hasMessageContaining("templates/pod.yaml")
        .hasMessageContaining("helm template");
  }

  @Test
  void everyWorkloadKindIsCheckedAtItsPodTemplate() {
    String pod = "{hostIPC: true, containers: [{name: a, image: 'x:1'}]}";
    String[][] kinds = {
      {"v1", "Pod", "spec: " + pod},
      {"v1", "PodTemplate", "template: {spec: " + pod + "}"},
      {"apps/v1", "Deployment", "spec: {template: {spec: " + pod + "}}"},
      {"apps/v1", "StatefulSet", "spec: {template: {spec: " + pod + "}}"},
      {"apps/v1", "DaemonSet", "spec: {template: {spec: " + pod + "}}"},
      {"apps/v1", "ReplicaSet", "spec: {template: {spec: " + pod + "}}"},
      {"v1", "ReplicationController", "spec: {template: {spec: " + pod + "}}"},
      {"batch/v1", "Job", "spec: {template: {spec: " + pod + "}}"},
      {"batch/v1", "CronJob", "spec: {jobTemplate: {spec: {template: {spec: " + pod + "}}}}"},
    };
    for (String[] k : kinds) {
      String yaml =
          "apiVersion: " + k[0] + "\nkind: " + k[1] + "\nmetadata: {name: w}\n" + k[2] + "\n";
      List<ConfigFinding> found =
          Scans.scan(yaml, KubernetesScanner.Mode.PSS_BASELINE, PssVersion.LATEST);
      assertThat(Scans.ids(found)).as(k[1]).containsExactly("BH-K8S-0002");
      assertThat(found.get(0).resource().kind()).isEqualTo(k[1]);
      assertThat(found.get(0).location().line()).as(k[1]).isEqualTo(4);
    }
  }

  @Test
  void podTemplateAnnotationsSuppressToo() {
    String yaml =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n"
            + "    metadata:\n      annotations:\n"
            + "        bulkhead.dev/ignore: \"BH-K8S-0004 needs NET_ADMIN; BH-K8S-0003\"\n"
            + "    spec:\n      containers:\n      - name: a\n        image: 'x:1'\n"
            + "        securityContext: {privileged: true, capabilities: {add: [NET_ADMIN]}}\n";
    List<ConfigFinding> found =
        Scans.scan(yaml, KubernetesScanner.Mode.PSS_BASELINE, PssVersion.LATEST);
    assertThat(found).hasSize(2).allMatch(f -> f.suppression() != null);
    assertThat(found)
        .filteredOn(f -> f.rule().id().equals("BH-K8S-0004"))
        .singleElement()
        .satisfies(f -> assertThat(f.suppression().reason()).isEqualTo("needs NET_ADMIN"));
  }

  @Test
  void rbacAndExposureFindingsPointAtTheOffendingEntry() {
    String yaml =
        String.join(
            "\n",
            "apiVersion: rbac.authorization.k8s.io/v1",
            "kind: ClusterRole",
            "metadata: {name: r}",
            "rules:",
            "  - apiGroups: ['']",
            "    resources: [pods, secrets]",
            "    verbs: [get, impersonate]",
            "---",
            "apiVersion: rbac.authorization.k8s.io/v1",
            "kind: RoleBinding",
            "metadata: {name: b, namespace: x}",
            "roleRef: {kind: ClusterRole, name: cluster-admin}",
            "");
    List<ConfigFinding> found = Scans.scan(yaml, KubernetesScanner.Mode.ALL, PssVersion.LATEST);
    assertThat(Scans.ids(found)).containsExactly("BH-K8S-0051", "BH-K8S-0052", "BH-K8S-0053");
    ConfigFinding impersonate =
        found.stream().filter(f -> f.rule().id().equals("BH-K8S-0051")).findFirst().get();
    assertThat(impersonate.location()).isEqualTo(new Location("test.yaml", 7, 18));
    ConfigFinding admin =
        found.stream().filter(f -> f.rule().id().equals("BH-K8S-0053")).findFirst().get();
    assertThat(admin.location()).isEqualTo(new Location("test.yaml", 12, 30));
  }

  @Test
  void namespacesAreCoveredByANetworkPolicyInAnyFile() throws Exception {
    KubernetesScanner s = new KubernetesScanner();
    s.scan(
        "a.yaml",
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n"
            + "apiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n---\n"
            + "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: c}\n"
            + "spec: {automountServiceAccountToken: false, containers: []}\n");
    s.scan(
        "b.yaml",
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"
            + "metadata: {name: deny, namespace: a}\nspec: {podSelector: {}}\n");
    List<ConfigFinding> found = s.finish();
    assertThat(found).extracting(f -> f.resource().name()).containsExactly("b", "c");
    assertThat(found.get(0).location()).isEqualTo(new Location("a.yaml", 7, 12));
    assertThat(found.get(1).location().line()).isEqualTo(11);
    assertThat(s.scannedResources()).hasSize(4);
  }
}
