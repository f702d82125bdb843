package dev.bulkhead.config.compliance;

import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue of frameworks. Control ids and titles are the published ones: CIS Docker Benchmark
 * v1.6.0 sections 2, 4 and 5 (as Docker Bench for Security 1.6.0 prints them), CIS Kubernetes
 * Benchmark v1.8.0 section 5 (as kube-bench's cis-1.8 configuration lists it), the Pod Security
 * Standards controls by their names in the Kubernetes documentation, and the recommendations of the
 * NSA/CISA Kubernetes Hardening Guide v1.2 (which does not number them; the ids are ours). Whether
 * a control is automated says whether Bulkhead's rules decide it, not how the benchmark classifies
 * it: CIS marks most of Kubernetes section 5 manual although a manifest scan decides many of them.
 */
final class Frameworks {
  private Frameworks() {}

  static final List<String> IDS =
      List.of("pss-baseline", "pss-restricted", "cis-docker", "cis-kubernetes", "nsa-cisa");

  static Framework byId(String id) {
    switch (id) {
      case "pss-baseline":
        return pss(false);
      case "pss-restricted":
        return pss(true);
      case "cis-docker":
        return cisDocker();
      case "cis-kubernetes":
        return cisKubernetes();
      case "nsa-cisa":
        return nsaCisa();
      default:
        return null;
    }
  }

  /** Collects controls of one framework, tagging each {@code <framework>:<id>} plus aliases. */
  private static final class Builder {
    private final String framework;
    private final List<Control> controls = new ArrayList<>();
    private String section = "";

    Builder(String framework) {
      this.framework = framework;
    }

    Builder section(String s) {
      section = s;
      return this;
    }

    Builder auto(String id, String title, String... aliases) {
      return add(id, title, true, aliases);
    }

    Builder manual(String id, String title, String... aliases) {
      return add(id, title, false, aliases);
    }

    private Builder add(String id, String title, boolean automated, String... aliases) {
      List<String> tags = new ArrayList<>();
      tags.add(framework + ":" + id);
      tags.addAll(List.of(aliases));
      controls.add(new Control(id, title, section, automated, tags));
      return this;
    }

    List<Control> build() {
      return controls;
    }
  }

  /**
   * Pod Security Standards. Restricted includes every baseline control; a control both levels
   * define (Seccomp, Capabilities) is decided by either level's rules under restricted. Aliases
   * accept the check ids of the Kubernetes pod-security-admission library.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/security/pod-security-standards/">Pod
   *     Security Standards</a>
   */
  private static Framework pss(boolean restricted) {
    String fw = restricted ? "pss-restricted" : "pss-baseline";
    Builder b = new Builder(fw).section("Baseline");
    String[] both = restricted ? new String[] {"pss-baseline:"} : new String[0];
    b.auto("hostProcess", "HostProcess", alias(fw, both, "hostProcess", "windowsHostProcess"));
    b.auto("hostNamespaces", "Host Namespaces", alias(fw, both, "hostNamespaces"));
    b.auto(
        "privilegedContainers",
        "Privileged Containers",
        alias(fw, both, "privilegedContainers", "privileged"));
    if (!restricted) {
      b.auto("capabilities", "Capabilities", alias(fw, both, "capabilities_baseline"));
    }
    b.auto("hostPathVolumes", "HostPath Volumes", alias(fw, both, "hostPathVolumes"));
    b.auto("hostPorts", "Host Ports", alias(fw, both, "hostPorts"));
    b.auto("appArmor", "AppArmor", alias(fw, both, "appArmor", "appArmorProfile"));
    b.auto("seLinux", "SELinux", alias(fw, both, "seLinux", "seLinuxOptions"));
    b.auto("procMountType", "/proc Mount Type", alias(fw, both, "procMountType", "procMount"));
    if (!restricted) {
      b.auto("seccomp", "Seccomp", alias(fw, both, "seccompProfile_baseline"));
    }
    b.auto("sysctls", "Sysctls", alias(fw, both, "sysctls"));
    b.auto(
        "hostProbesAndHostLifecycle",
        "Host Probes / Lifecycle Hooks (v1.34+)",
        alias(fw, both, "hostProbesAndHostLifecycle", "hostProbes"));
    if (restricted) {
      b.section("Restricted");
      b.auto("volumeTypes", "Volume Types", alias(fw, both, "volumeTypes", "restrictedVolumes"));
      b.auto(
          "privilegeEscalation",
          "Privilege Escalation",
          alias(fw, both, "privilegeEscalation", "allowPrivilegeEscalation"));
      b.auto(
          "runningAsNonRoot",
          "Running as Non-root",
          alias(fw, both, "runningAsNonRoot", "runAsNonRoot"));
      b.auto(
          "runningAsNonRootUser",
          "Running as Non-root user",
          alias(fw, both, "runningAsNonRootUser", "runAsUser"));
      b.auto(
          "seccomp",
          "Seccomp",
          "pss-baseline:seccomp",
          "pss-baseline:seccompProfile_baseline",
          fw + ":seccompProfile_restricted");
      b.auto(
          "capabilities",
          "Capabilities",
          "pss-baseline:capabilities",
          "pss-baseline:capabilities_baseline",
          fw + ":capabilities_restricted");
    }
    return new Framework(
        fw,
        restricted ? "Pod Security Standards: Restricted" : "Pod Security Standards: Baseline",
        "latest",
        "https://kubernetes.io/docs/concepts/security/pod-security-standards/",
        b.build());
  }

  /** Tags a PSS control by its own framework (besides the default) and optionally by baseline. */
  private static String[] alias(String fw, String[] also, String... ids) {
    List<String> out = new ArrayList<>();
    for (String id : ids) {
      out.add(fw + ":" + id);
      for (String other : also) {
        out.add(other + id);
      }
    }
    return out.toArray(new String[0]);
  }

  /**
   * CIS Docker Benchmark v1.6.0, sections 2, 4 and 5. Controls about the host, file permissions
   * (sections 1 and 3), swarm (7) and operations (6) are outside what Bulkhead inspects.
   *
   * @see <a href="https://www.cisecurity.org/benchmark/docker">CIS Docker Benchmark</a>
   */
  private static Framework cisDocker() {
    Builder b = new Builder("cis-docker").section("2 Docker daemon configuration");
    b.auto("2.1", "Run the Docker daemon as a non-root user, if possible");
    b.auto("2.2", "Ensure network traffic is restricted between containers on the default bridge");
    b.auto("2.3", "Ensure the logging level is set to 'info'");
    b.auto("2.4", "Ensure Docker is allowed to make changes to iptables");
    b.auto("2.5", "Ensure insecure registries are not used");
    b.auto("2.6", "Ensure aufs storage driver is not used");
    b.auto("2.7", "Ensure TLS authentication for Docker daemon is configured, if applicable");
    b.manual("2.8", "Ensure the default ulimit is configured appropriately");
    b.auto("2.9", "Enable user namespace support");
    b.auto("2.10", "Ensure the default cgroup usage has been confirmed");
    b.auto("2.11", "Ensure base device size is not changed until needed");
    b.auto("2.12", "Ensure that authorization for Docker client commands is enabled");
    b.auto("2.13", "Ensure centralized and remote logging is configured");
    b.auto("2.14", "Ensure containers are restricted from acquiring new privileges");
    b.auto("2.15", "Ensure live restore is enabled");
    b.auto("2.16", "Ensure Userland Proxy is Disabled");
    b.manual("2.17", "Ensure that a daemon-wide custom seccomp profile is applied if appropriate");
    b.section("4 Container Images and Build File Configuration");
    b.auto("4.1", "Ensure that a user for the container has been created");
    b.manual("4.2", "Ensure that containers use only trusted base images");
    b.manual("4.3", "Ensure that unnecessary packages are not installed in the container");
    b.manual("4.4", "Ensure images are scanned and rebuilt to include security patches");
    b.auto("4.5", "Ensure Content trust for Docker is Enabled");
    b.auto("4.6", "Ensure that HEALTHCHECK instructions have been added to container images");
    b.manual("4.7", "Ensure update instructions are not used alone in the Dockerfile");
    b.manual("4.8", "Ensure setuid and setgid permissions are removed");
    b.auto("4.9", "Ensure that COPY is used instead of ADD in Dockerfiles");
    b.auto("4.10", "Ensure secrets are not stored in Dockerfiles");
    b.manual("4.11", "Ensure only verified packages are installed");
    b.manual("4.12", "Ensure all signed artifacts are validated");
    b.section("5 Container Runtime Configuration");
    b.auto("5.1", "Ensure swarm mode is not Enabled, if not needed");
    b.auto("5.2", "Ensure that, if applicable, an AppArmor Profile is enabled");
    b.auto("5.3", "Ensure that, if applicable, SELinux security options are set");
    b.auto("5.4", "Ensure that Linux kernel capabilities are restricted within containers");
    b.auto("5.5", "Ensure that privileged containers are not used");
    b.auto("5.6", "Ensure sensitive host system directories are not mounted on containers");
    b.auto("5.7", "Ensure sshd is not run within containers");
    b.auto("5.8", "Ensure privileged ports are not mapped within containers");
    b.manual("5.9", "Ensure that only needed ports are open on the container");
    b.auto("5.10", "Ensure that the host's network namespace is not shared");
    b.auto("5.11", "Ensure that the memory usage for containers is limited");
    b.auto("5.12", "Ensure that CPU priority is set appropriately on containers");
    b.auto("5.13", "Ensure that the container's root filesystem is mounted as read only");
    b.auto("5.14", "Ensure that incoming container traffic is bound to a specific host interface");
    b.auto("5.15", "Ensure that the 'on-failure' container restart policy is set to '5'");
    b.auto("5.16", "Ensure that the host's process namespace is not shared");
    b.auto("5.17", "Ensure that the host's IPC namespace is not shared");
    b.manual("5.18", "Ensure that host devices are not directly exposed to containers");
    b.manual("5.19", "Ensure that the default ulimit is overwritten at runtime if needed");
    b.auto("5.20", "Ensure mount propagation mode is not set to shared");
    b.auto("5.21", "Ensure that the host's UTS namespace is not shared");
    b.auto("5.22", "Ensure the default seccomp profile is not Disabled");
    b.auto("5.23", "Ensure that docker exec commands are not used with the privileged option");
    b.manual("5.24", "Ensure that docker exec commands are not used with the user=root option");
    b.auto("5.25", "Ensure that cgroup usage is confirmed");
    b.auto("5.26", "Ensure that the container is restricted from acquiring additional privileges");
    b.auto("5.27", "Ensure that container health is checked at runtime");
    b.manual(
        "5.28", "Ensure that Docker commands always make use of the latest version of their image");
    b.auto("5.29", "Ensure that the PIDs cgroup limit is used");
    b.manual("5.30", "Ensure that Docker's default bridge 'docker0' is not used");
    b.auto("5.31", "Ensure that the host's user namespaces are not shared");
    b.auto("5.32", "Ensure that the Docker socket is not mounted inside any containers");
    return new Framework(
        "cis-docker",
        "CIS Docker Benchmark",
        "v1.6.0",
        "https://www.cisecurity.org/benchmark/docker",
        b.build());
  }

  /**
   * CIS Kubernetes Benchmark v1.8.0, section 5 (policies). Controls that need the live cluster (an
   * admission mechanism, the CNI, the system:masters group, secret storage) stay manual.
   *
   * @see <a href="https://www.cisecurity.org/benchmark/kubernetes">CIS Kubernetes Benchmark</a>
   */
  private static Framework cisKubernetes() {
    Builder b = new Builder("cis-kubernetes").section("5.1 RBAC and Service Accounts");
    b.auto("5.1.1", "Ensure that the cluster-admin role is only used where required");
    b.auto("5.1.2", "Minimize access to secrets");
    b.auto("5.1.3", "Minimize wildcard use in Roles and ClusterRoles");
    b.auto("5.1.4", "Minimize access to create pods");
    b.auto("5.1.5", "Ensure that default service accounts are not actively used");
    b.auto("5.1.6", "Ensure that Service Account Tokens are only mounted where necessary");
    b.manual("5.1.7", "Avoid use of system:masters group");
    b.auto(
        "5.1.8",
        "Limit use of the Bind, Impersonate and Escalate permissions in the Kubernetes cluster");
    b.auto("5.1.9", "Minimize access to create persistent volumes");
    b.auto("5.1.10", "Minimize access to the proxy sub-resource of nodes");
    b.auto(
        "5.1.11",
        "Minimize access to the approval sub-resource of certificatesigningrequests objects");
    b.auto("5.1.12", "Minimize access to webhook configuration objects");
    b.auto("5.1.13", "Minimize access to the service account token creation");
    b.section("5.2 Pod Security Standards");
    b.manual(
        "5.2.1",
        "Ensure that the cluster has at least one active policy control mechanism in place");
    b.auto("5.2.2", "Minimize the admission of privileged containers");
    b.auto(
        "5.2.3",
        "Minimize the admission of containers wishing to share the host process ID namespace");
    b.auto("5.2.4", "Minimize the admission of containers wishing to share the host IPC namespace");
    b.auto(
        "5.2.5",
        "Minimize the admission of containers wishing to share the host network namespace");
    b.auto("5.2.6", "Minimize the admission of containers with allowPrivilegeEscalation");
    b.auto("5.2.7", "Minimize the admission of root containers");
    b.auto("5.2.8", "Minimize the admission of containers with the NET_RAW capability");
    b.auto("5.2.9", "Minimize the admission of containers with added capabilities");
    b.auto("5.2.10", "Minimize the admission of containers with capabilities assigned");
    b.auto("5.2.11", "Minimize the admission of Windows HostProcess containers");
    b.auto("5.2.12", "Minimize the admission of HostPath volumes");
    b.auto("5.2.13", "Minimize the admission of containers which use HostPorts");
    b.section("5.3 Network Policies and CNI");
    b.manual("5.3.1", "Ensure that the CNI in use supports NetworkPolicies");
    b.auto("5.3.2", "Ensure that all Namespaces have NetworkPolicies defined");
    b.section("5.4 Secrets Management");
    b.auto("5.4.1", "Prefer using Secrets as files over Secrets as environment variables");
    b.manual("5.4.2", "Consider external secret storage");
    b.section("5.5 Extensible Admission Control");
    b.manual("5.5.1", "Configure Image Provenance using ImagePolicyWebhook admission controller");
    b.section("5.7 General Policies");
    b.manual("5.7.1", "Create administrative boundaries between resources using namespaces");
    b.auto(
        "5.7.2",
        "Ensure that the seccomp profile is set to docker/default in your Pod definitions");
    b.auto("5.7.3", "Apply SecurityContext to your Pods and Containers");
    b.auto("5.7.4", "The default namespace should not be used");
    return new Framework(
        "cis-kubernetes",
        "CIS Kubernetes Benchmark",
        "v1.8.0",
        "https://www.cisecurity.org/benchmark/kubernetes",
        b.build());
  }

  /**
   * NSA/CISA Kubernetes Hardening Guide v1.2 (August 2022), by its recommendations. The guide has
   * no control numbers; the ids are Bulkhead's short names.
   *
   * @see <a
   *     href="https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF">Kubernetes
   *     Hardening Guide v1.2</a>
   */
  private static Framework nsaCisa() {
    Builder b = new Builder("nsa-cisa").section("Kubernetes Pod security");
    b.auto("non-root", "Use containers built to run applications as non-root users");
    b.auto("immutable-filesystem", "Use immutable container file systems");
    b.auto("secure-images", "Build secure container images");
    b.auto("privileged-containers", "Prevent privileged containers");
    b.auto(
        "host-namespaces",
        "Isolate Pods from the host: no host namespaces, host paths or host ports");
    b.auto("privilege-escalation", "Restrict escalation to root privileges");
    b.auto("kernel-hardening", "Harden container environments with seccomp, AppArmor or SELinux");
    b.auto("service-account-tokens", "Protect Pod service account tokens");
    b.section("Network separation and hardening");
    b.auto("namespaces", "Use namespaces to isolate resources");
    b.auto("network-policies", "Use network policies to restrict traffic");
    b.auto("resource-policies", "Use resource requests, limits and quotas to limit resources");
    b.auto("secrets", "Protect Secrets: keep them out of plain configuration values");
    b.manual("control-plane", "Harden the control plane: TLS, etcd encryption, API access");
    b.manual("worker-nodes", "Segment worker nodes from other networks");
    b.section("Authentication and authorization");
    b.auto("rbac", "Use RBAC with least privilege");
    b.manual("authentication", "Use strong authentication; disable anonymous access");
    b.section("Audit logging and threat detection");
    b.manual("audit-logging", "Enable audit logging and threat detection");
    b.section("Upgrading and application security practices");
    b.manual("upgrades", "Apply security patches and upgrades promptly");
    return new Framework(
        "nsa-cisa",
        "NSA/CISA Kubernetes Hardening Guide",
        "v1.2",
        "https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF",
        b.build());
  }
}
