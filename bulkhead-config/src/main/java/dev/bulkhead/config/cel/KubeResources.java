package dev.bulkhead.config.cel;

import java.util.Map;
import java.util.Set;

/**
 * Maps Kubernetes resource names as admission rules write them ({@code deployments}) to the kind of
 * object they hold ({@code Deployment}), and knows which API groups serve the same resource, as the
 * {@code Equivalent} match policy treats them.
 */
final class KubeResources {
  private KubeResources() {}

  private static final Map<String, String> KINDS =
      Map.ofEntries(
          Map.entry("pods", "Pod"),
          Map.entry("podtemplates", "PodTemplate"),
          Map.entry("replicationcontrollers", "ReplicationController"),
          Map.entry("services", "Service"),
          Map.entry("endpoints", "Endpoints"),
          Map.entry("namespaces", "Namespace"),
          Map.entry("nodes", "Node"),
          Map.entry("configmaps", "ConfigMap"),
          Map.entry("secrets", "Secret"),
          Map.entry("serviceaccounts", "ServiceAccount"),
          Map.entry("persistentvolumes", "PersistentVolume"),
          Map.entry("persistentvolumeclaims", "PersistentVolumeClaim"),
          Map.entry("limitranges", "LimitRange"),
          Map.entry("resourcequotas", "ResourceQuota"),
          Map.entry("deployments", "Deployment"),
          Map.entry("statefulsets", "StatefulSet"),
          Map.entry("daemonsets", "DaemonSet"),
          Map.entry("replicasets", "ReplicaSet"),
          Map.entry("controllerrevisions", "ControllerRevision"),
          Map.entry("jobs", "Job"),
          Map.entry("cronjobs", "CronJob"),
          Map.entry("horizontalpodautoscalers", "HorizontalPodAutoscaler"),
          Map.entry("ingresses", "Ingress"),
          Map.entry("ingressclasses", "IngressClass"),
          Map.entry("networkpolicies", "NetworkPolicy"),
          Map.entry("poddisruptionbudgets", "PodDisruptionBudget"),
          Map.entry("roles", "Role"),
          Map.entry("clusterroles", "ClusterRole"),
          Map.entry("rolebindings", "RoleBinding"),
          Map.entry("clusterrolebindings", "ClusterRoleBinding"),
          Map.entry("storageclasses", "StorageClass"),
          Map.entry("priorityclasses", "PriorityClass"),
          Map.entry("runtimeclasses", "RuntimeClass"),
          Map.entry("customresourcedefinitions", "CustomResourceDefinition"),
          Map.entry("validatingadmissionpolicies", "ValidatingAdmissionPolicy"),
          Map.entry("validatingwebhookconfigurations", "ValidatingWebhookConfiguration"),
          Map.entry("mutatingwebhookconfigurations", "MutatingWebhookConfiguration"));

  /**
   * The built-in kinds that live outside any namespace (what {@code kubectl api-resources
   * --namespaced=false} lists on Kubernetes 1.31, plus ValidatingAdmissionPolicy's and
   * MutatingAdmissionPolicy's kinds). Any other kind, custom resources included, is taken to be
   * namespaced.
   */
  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "Namespace",
          "Node",
          "PersistentVolume",
          "ComponentStatus",
          "ClusterRole",
          "ClusterRoleBinding",
          "StorageClass",
          "CSIDriver",
          "CSINode",
          "VolumeAttachment",
          "VolumeAttributesClass",
          "CustomResourceDefinition",
          "APIService",
          "ValidatingWebhookConfiguration",
          "MutatingWebhookConfiguration",
          "ValidatingAdmissionPolicy",
          "ValidatingAdmissionPolicyBinding",
          "MutatingAdmissionPolicy",
          "MutatingAdmissionPolicyBinding",
          "PriorityClass",
          "PriorityLevelConfiguration",
          "FlowSchema",
          "IngressClass",
          "RuntimeClass",
          "CertificateSigningRequest",
          "ClusterTrustBundle",
          "PodSecurityPolicy",
          "IPAddress",
          "ServiceCIDR",
          "DeviceClass",
          "ResourceSlice",
          "StorageVersion",
          "StorageVersionMigration",
          "TokenReview",
          "SubjectAccessReview",
          "SelfSubjectAccessReview",
          "SelfSubjectRulesReview",
          "SelfSubjectReview");

  /** The namespace a namespaced object without {@code metadata.namespace} is created in. */
  static final String DEFAULT_NAMESPACE = "default";

  /** Whether objects of this kind live outside namespaces. */
  static boolean clusterScoped(String kind) {
    return kind != null && CLUSTER_SCOPED.contains(kind);
  }

  /**
   * The namespace an object is created in: none for a cluster-scoped kind, {@code default} for a
   * namespaced object whose manifest names none (as {@code kubectl apply} without {@code -n} does).
   */
  static String effectiveNamespace(String kind, String namespace) {
    if (clusterScoped(kind)) {
      return null;
    }
    return namespace == null || namespace.isEmpty() ? DEFAULT_NAMESPACE : namespace;
  }

  /** Groups that served the same resources before they moved (extensions/v1beta1 and friends). */
  private static final Map<String, Set<String>> EQUIVALENT_GROUPS =
      Map.of(
          "Deployment", Set.of("apps", "extensions"),
          "DaemonSet", Set.of("apps", "extensions"),
          "ReplicaSet", Set.of("apps", "extensions"),
          "Ingress", Set.of("networking.k8s.io", "extensions"),
          "NetworkPolicy", Set.of("networking.k8s.io", "extensions"),
          "PodSecurityPolicy", Set.of("policy", "extensions"));

  /**
   * The kind a resource name holds: the table above, else a guess that strips a plural ending
   * ({@code widgets} to {@code widget}), compared case-insensitively by {@link #sameKind}.
   */
  static String kindOf(String resource) {
    String known = KINDS.get(resource);
    if (known != null) {
      return known;
    }
    if (resource.endsWith("ies")) {
      return resource.substring(0, resource.length() - 3) + "y";
    }
    if (resource.endsWith("ses") || resource.endsWith("xes")) {
      return resource.substring(0, resource.length() - 2);
    }
    return resource.endsWith("s") ? resource.substring(0, resource.length() - 1) : resource;
  }

  static boolean sameKind(String a, String b) {
    return a.equalsIgnoreCase(b);
  }

  /** Whether an object of {@code kind} in {@code objectGroup} is served by {@code ruleGroup}. */
  static boolean equivalentGroup(String kind, String ruleGroup, String objectGroup) {
    if (ruleGroup.equals(objectGroup)) {
      return true;
    }
    Set<String> groups = EQUIVALENT_GROUPS.get(kind);
    return groups != null && groups.contains(ruleGroup) && groups.contains(objectGroup);
  }
}
