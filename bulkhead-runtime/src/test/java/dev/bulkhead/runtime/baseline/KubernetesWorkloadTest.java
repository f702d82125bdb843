package dev.bulkhead.runtime.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KubernetesWorkloadTest {
  @Test
  void ownersFromGeneratedPodNames() {
    // Deployment -> ReplicaSet (pod-template-hash) -> pod (5 random characters).
    assertThat(KubernetesWorkload.owner("web-7d4b9c8f5-x2x7k")).isEqualTo("web");
    assertThat(KubernetesWorkload.owner("coredns-565d847f94-8wxzc")).isEqualTo("coredns");
    assertThat(KubernetesWorkload.owner("api-server-v2-66b6c48dd5-zp9qk"))
        .isEqualTo("api-server-v2");
    // DaemonSet / Job: owner + 5 random characters.
    assertThat(KubernetesWorkload.owner("kube-proxy-2lhpv")).isEqualTo("kube-proxy");
    // CronJob -> Job (scheduled minute) -> pod.
    assertThat(KubernetesWorkload.owner("backup-28312345-q7lkd")).isEqualTo("backup");
    // Indexed Job: <job>-<index>-<5 random>.
    assertThat(KubernetesWorkload.owner("render-3-x7k2q")).isEqualTo("render");
    // Long owners: the API server keeps 58 characters of "<owner>-<hash>-", then appends 5
    // random characters, so the dash before them and part of the hash are gone.
    String deployment = "payments-reconciliation-worker-for-the-eu-region"; // 48 characters
    String rsPrefix = (deployment + "-5c6f8d9b47-").substring(0, 58);
    assertThat(rsPrefix).isEqualTo(deployment + "-5c6f8d9b4");
    assertThat(KubernetesWorkload.owner(rsPrefix + "q9wzt")).isEqualTo(deployment);
    String daemonSet = "a-very-long-daemonset-name-that-runs-on-every-node-of-prod"; // 58
    assertThat(KubernetesWorkload.owner(daemonSet + "2lhpv")).isEqualTo(daemonSet);
    // StatefulSet ordinals.
    assertThat(KubernetesWorkload.owner("postgres-0")).isEqualTo("postgres");
    assertThat(KubernetesWorkload.owner("kafka-12")).isEqualTo("kafka");
  }

  @Test
  void ordinaryNamePartsAreKept() {
    // "-nginx" has no vowel-free 5-char suffix from the random alphabet: "nginx" contains 'i'.
    assertThat(KubernetesWorkload.owner("web-nginx")).isEqualTo("web-nginx");
    assertThat(KubernetesWorkload.owner("frontend")).isEqualTo("frontend");
    // "-server" has vowels; a leading-zero number is no ordinal.
    assertThat(KubernetesWorkload.owner("mail-server")).isEqualTo("mail-server");
    assertThat(KubernetesWorkload.owner("web-01")).isEqualTo("web-01");
  }

  @Test
  void identityFromKubeletLabels() {
    Map<String, String> labels =
        Map.of(
            KubernetesWorkload.POD_NAME, "web-7d4b9c8f5-x2x7k",
            KubernetesWorkload.POD_NAMESPACE, "shop",
            KubernetesWorkload.CONTAINER_NAME, "app");
    assertThat(KubernetesWorkload.identity(labels)).contains("k8s/shop/web/app");
  }

  @Test
  void plainContainersAndHostileLabelsHaveNone() {
    assertThat(KubernetesWorkload.identity(Map.of())).isEmpty();
    assertThat(KubernetesWorkload.identity(Map.of(KubernetesWorkload.POD_NAME, "web-0"))).isEmpty();
    assertThat(
            KubernetesWorkload.identity(
                Map.of(
                    KubernetesWorkload.POD_NAME, "../../etc",
                    KubernetesWorkload.POD_NAMESPACE, "default")))
        .isEmpty();
    assertThat(
            KubernetesWorkload.identity(
                Map.of(
                    KubernetesWorkload.POD_NAME,
                    "x".repeat(300),
                    KubernetesWorkload.POD_NAMESPACE,
                    "default")))
        .isEmpty();
  }
}
