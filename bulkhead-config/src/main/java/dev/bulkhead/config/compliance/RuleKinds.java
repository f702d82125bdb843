package dev.bulkhead.config.compliance;

import dev.bulkhead.config.model.Rule;
import java.util.Map;
import java.util.Set;

/**
 * The resource kinds each rule examines, so a control is judged only over resources its rules can
 * look at: a Dockerfile control is not "passed" by Kubernetes objects. Kinds are those the scanners
 * put in {@code ResourceRef.kind}: Kubernetes kinds, {@code DockerfileStage} (and {@code
 * Dockerfile} for global ARGs), {@code ComposeService}, {@code DockerDaemon} (daemon.json), and the
 * live audit's {@code Engine} and {@code Container}.
 */
public final class RuleKinds {
  private RuleKinds() {}

  /** Kinds holding a pod template, which the Pod Security and hardening rules examine. */
  static final Set<String> WORKLOADS =
      Set.of(
          "Pod",
          "PodTemplate",
          "Deployment",
          "StatefulSet",
          "DaemonSet",
          "ReplicaSet",
          "ReplicationController",
          "Job",
          "CronJob");

  /** Kinds of the Docker side; anything else a scan reports is a Kubernetes object. */
  static final Set<String> DOCKER_KINDS =
      Set.of(
          "DockerfileStage", "Dockerfile", "ComposeService", "DockerDaemon", "Engine", "Container");

  /** Kubernetes rules that examine something other than workloads. */
  private static final Map<String, Set<String>> K8S_OTHER =
      Map.of(
          "BH-K8S-0050", Set.of("Role", "ClusterRole"),
          "BH-K8S-0051", Set.of("Role", "ClusterRole"),
          "BH-K8S-0052", Set.of("Role", "ClusterRole"),
          "BH-K8S-0053", Set.of("RoleBinding", "ClusterRoleBinding"),
          "BH-K8S-0060", Set.of("Namespace"),
          "BH-K8S-0061", Set.of("Service"));

  /** Live-audit rules about the engine itself; the others examine containers. */
  private static final Set<String> ENGINE_RULES =
      Set.of(
          "BH-DOCKER-0001",
          "BH-DOCKER-0002",
          "BH-DOCKER-0003",
          "BH-DOCKER-0004",
          "BH-DOCKER-0005",
          "BH-DOCKER-0006");

  /**
   * Whether {@code rule} examines resources of {@code kind}. Organisation (CEL) policies, whose ids
   * are {@code ORG-*} unless a policy chooses its own, examine any Kubernetes kind; so does a rule
   * of any other family. A file-level finding's {@code File} stands for any kind.
   */
  public static boolean examines(Rule rule, String resourceKind) {
    String kind = resourceKind == null ? "" : resourceKind;
    if (kind.equals("File")) {
      return true;
    }
    String id = rule.id();
    if (id.startsWith("BH-K8S-")) {
      Set<String> other = K8S_OTHER.get(id);
      return other != null ? other.contains(kind) : WORKLOADS.contains(kind);
    }
    if (id.startsWith("BH-DF-")) {
      return kind.equals("DockerfileStage") || kind.equals("Dockerfile");
    }
    if (id.startsWith("BH-COMPOSE-")) {
      return kind.equals("ComposeService");
    }
    if (id.startsWith("BH-DAEMON-")) {
      return kind.equals("DockerDaemon");
    }
    if (id.startsWith("BH-DOCKER-")) {
      return kind.equals(ENGINE_RULES.contains(id) ? "Engine" : "Container");
    }
    return !DOCKER_KINDS.contains(kind);
  }
}
