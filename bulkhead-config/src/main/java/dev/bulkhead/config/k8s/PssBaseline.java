package dev.bulkhead.config.k8s;

import dev.bulkhead.config.k8s.PodSpecView.Container;
import dev.bulkhead.config.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The baseline Pod Security Standards checks, following
 * staging/src/k8s.io/pod-security-admission/policy/check_*.go in kubernetes/kubernetes.
 */
final class PssBaseline {
  static final Set<String> CAPABILITIES_ALLOWED =
      Set.of(
          "AUDIT_WRITE",
          "CHOWN",
          "DAC_OVERRIDE",
          "FOWNER",
          "FSETID",
          "KILL",
          "MKNOD",
          "NET_BIND_SERVICE",
          "SETFCAP",
          "SETGID",
          "SETPCAP",
          "SETUID",
          "SYS_CHROOT");

  private static final Set<String> SYSCTLS_1_0 =
      Set.of(
          "kernel.shm_rmid_forced",
          "net.ipv4.ip_local_port_range",
          "net.ipv4.tcp_syncookies",
          "net.ipv4.ping_group_range",
          "net.ipv4.ip_unprivileged_port_start");
  private static final Set<String> SYSCTLS_1_27 = Set.of("net.ipv4.ip_local_reserved_ports");
  private static final Set<String> SYSCTLS_1_29 =
      Set.of(
          "net.ipv4.tcp_keepalive_time",
          "net.ipv4.tcp_fin_timeout",
          "net.ipv4.tcp_keepalive_intvl",
          "net.ipv4.tcp_keepalive_probes");
  private static final Set<String> SYSCTLS_1_32 = Set.of("net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem");
  private static final Set<String> SYSCTLS_1_37 =
      Set.of("net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat");

  private static final Set<String> SELINUX_TYPES_1_0 =
      Set.of("", "container_t", "container_init_t", "container_kvm_t");
  private static final String SELINUX_TYPE_1_31 = "container_engine_t";

  static final String APPARMOR_PREFIX = "container.apparmor.security.beta.kubernetes.io/";
  static final String SECCOMP_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
  static final String SECCOMP_CONTAINER_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";

  private PssBaseline() {}

  static List<PssCheck> checks() {
    return List.of(
        new PssCheck(
            "windowsHostProcess",
            PssLevel.BASELINE,
            "BH-K8S-0001",
            0,
            null,
            PssBaseline::hostProcess),
        new PssCheck(
            "hostNamespaces",
            PssLevel.BASELINE,
            "BH-K8S-0002",
            0,
            null,
            PssBaseline::hostNamespaces),
        new PssCheck(
            "privileged", PssLevel.BASELINE, "BH-K8S-0003", 0, null, PssBaseline::privileged),
        new PssCheck(
            "capabilities_baseline",
            PssLevel.BASELINE,
            "BH-K8S-0004",
            0,
            null,
            PssBaseline::capabilities),
        new PssCheck(
            "hostPathVolumes", PssLevel.BASELINE, "BH-K8S-0005", 0, null, PssBaseline::hostPath),
        new PssCheck(
            "hostPorts", PssLevel.BASELINE, "BH-K8S-0006", 0, null, PssBaseline::hostPorts),
        new PssCheck(
            "appArmorProfile", PssLevel.BASELINE, "BH-K8S-0007", 0, null, PssBaseline::appArmor),
        new PssCheck(
            "seLinuxOptions", PssLevel.BASELINE, "BH-K8S-0008", 0, null, PssBaseline::seLinux),
        new PssCheck(
            "procMount", PssLevel.BASELINE, "BH-K8S-0009", 0, null, PssBaseline::procMountBaseline),
        new PssCheck(
            "seccompProfile_baseline",
            PssLevel.BASELINE,
            "BH-K8S-0010",
            0,
            null,
            PssBaseline::seccomp),
        new PssCheck("sysctls", PssLevel.BASELINE, "BH-K8S-0011", 0, null, PssBaseline::sysctls),
        new PssCheck(
            "hostProbesAndHostLifecycle",
            PssLevel.BASELINE,
            "BH-K8S-0012",
            34,
            null,
            PssBaseline::probeHosts));
  }

  /** check_windowsHostProcess.go: hostProcess must not be true at pod or container level. */
  static List<Violation> hostProcess(PodSpecView pod, PssVersion v) {
    List<Violation> out = new ArrayList<>();
    if (Boolean.TRUE.equals(
        Yaml.bool(pod.spec(), "securityContext", "windowsOptions", "hostProcess"))) {
      out.add(
          new Violation(
              pod.specAt("securityContext", "windowsOptions", "hostProcess"),
              "pod must not set securityContext.windowsOptions.hostProcess=true"));
    }
    for (Container c : pod.containers()) {
      if (Boolean.TRUE.equals(
          Yaml.bool(c.fields(), "securityContext", "windowsOptions", "hostProcess"))) {
        out.add(
            new Violation(
                c.at("securityContext", "windowsOptions", "hostProcess"),
                "container \""
                    + c.name()
                    + "\" must not set securityContext.windowsOptions.hostProcess=true"));
      }
    }
    return out;
  }

  /** check_hostNamespaces.go: hostNetwork, hostPID and hostIPC must not be true. */
  static List<Violation> hostNamespaces(PodSpecView pod, PssVersion v) {
    List<Violation> out = new ArrayList<>();
    for (String f : List.of("hostNetwork", "hostPID", "hostIPC")) {
      if (Boolean.TRUE.equals(Yaml.bool(pod.spec(), f))) {
        out.add(new Violation(pod.specAt(f), "pod must not set " + f + "=true"));
      }
    }
    return out;
  }

  /** check_privileged.go: no container may set securityContext.privileged=true. */
  static List<Violation> privileged(PodSpecView pod, PssVersion v) {
    List<Violation> out = new ArrayList<>();
    for (Container c : pod.containers()) {
      if (Boolean.TRUE.equals(Yaml.bool(c.fields(), "securityContext", "privileged"))) {
        out.add(
            new Violation(
                c.at("securityContext", "privileged"),
                "container \"" + c.name() + "\" must not set securityContext.privileged=true"));
      }
    }
    return out;
  }

  /** check_capabilities_baseline.go: only the baseline set may be added. */
  static List<Violation> capabilities(PodSpecView pod, PssVersion v) {
    List<Violation> out = new ArrayList<>();
    for (Container c : pod.containers()) {
      List<Object> add = Yaml.list(c.fields(), "securityContext", "capabilities", "add");
      for (int i = 0; i < add.size(); i++) {
        String cap = String.valueOf(add.get(i));
        if (!CAPABILITIES_ALLOWED.contains(cap)) {
          out.add(
              new Violation(
                  c.at("securityContext", "capabilities", "add", i),
                  "container \""
                      + c.name()
                      + "\" must not include \""
                      + cap
                      + "\" in securityContext.capabilities.add"));
        }
      }
    }
    return out;
  }

  /** check_hostPathVolumes.go: no hostPath volumes. */
  static List<Violation> hostPath(PodSpecView pod, PssVersion v) {
    List<Violation> out = new ArrayList<>();
    List<Object> volumes = Yaml.list(pod.spec(), "volumes");
    for (int i = 0; i < volumes.size(); i++) {
      if (Yaml.get(volumes.get(i), "hostPath") != null) {
        out.add(
            new Violation(
                pod.specAt("volumes", i, "hostPath"),
                "volume \"" + Yaml.string(volumes.get(i), "name") + "\" uses hostPath"));
      }
    }
    return out;
  }

  /** check_hostPorts.go: no container port may set a non-zero hostPort. */
  static List<Violation> hostPorts(PodSpecView pod, PssVersion v) {
    List<Violation> out = new ArrayList<>();
    for (Container c : pod.containers()) {
      List<Object> ports = Yaml.list(c.fields(), "ports");
      for (int i = 0; i < ports.size(); i++) {
        Object hp = Yaml.get(ports.get(i), "hostPort");
        if (hp != null && !(hp instanceof Long && (Long) hp == 0L)) {
          out.add(
              new Violation(
                  c.at("ports", i, "hostPort"),
                  "container \"" + c.name() + "\" uses hostPort " + hp));
        }
      }
    }
    return out;
  }

  /**
   * check_appArmorProfile.go: the beta annotations may only name runtime/default or localhost/*,
   * and securityContext.appArmorProfile.type (pod or container) only RuntimeDefault or Localhost.
   * The field check sits in the v1.0 function upstream, so it applies at every policy version.
   */
  static List<Violation> appArmor(PodSpecView pod, PssVersion v) {
    List<Violation> out = new ArrayList<>();
    for (Map.Entry<String, Object> e : pod.annotations().entrySet()) {
      if (e.getKey().startsWith(APPARMOR_PREFIX)) {
        String value = e.getValue() == null ? "" : String.valueOf(e.getValue());
        if (!(value.isEmpty()
            || value.equals("runtime/default")
            || value.startsWith("localhost/"))) {
          out.add(
              new Violation(
                  pod.metaAt("annotations", e.getKey()),
                  "forbidden AppArmor annotation " + e.getKey() + "=\"" + value + "\""));
        }
      }
    }
    String podType = Yaml.string(pod.spec(), "securityContext", "appArmorProfile", "type");
    if (Yaml.get(pod.spec(), "securityContext", "appArmorProfile") != null
        && !allowedProfileType(podType)) {
      out.add(
          new Violation(
              pod.specAt("securityContext", "appArmorProfile", "type"),
              "pod must not set securityContext.appArmorProfile.type to \"" + podType + "\""));
    }
    for (Container c : pod.containers()) {
      if (Yaml.get(c.fields(), "securityContext", "appArmorProfile") != null) {
        String t = Yaml.string(c.fields(), "securityContext", "appArmorProfile", "type");
        if (!allowedProfileType(t)) {
          out.add(
              new Violation(
                  c.at("securityContext", "appArmorProfile", "type"),
                  "container \""
                      + c.name()
                      + "\" must not set securityContext.appArmorProfile.type to \""
                      + t
                      + "\""));
        }
      }
    }
    return out;
  }

  private static boolean allowedProfileType(String t) {
    return "RuntimeDefault".equals(t) || "Localhost".equals(t);
  }

  /** check_seLinuxOptions.go: type from the allowed set (grows at v1.31), no user, no role. */
  static List<Violation> seLinux(PodSpecView pod, PssVersion v) {
    List<Violation> out = new ArrayList<>();
    seLinuxAt(pod.spec(), pod.specAt("securityContext", "seLinuxOptions"), "pod", v, out);
    for (Container c : pod.containers()) {
      seLinuxAt(
          c.fields(),
          c.at("securityContext", "seLinuxOptions"),
          "container \"" + c.name() + "\"",
          v,
          out);
    }
    return out;
  }

  private static void seLinuxAt(
      Map<String, Object> owner, List<Object> path, String who, PssVersion v, List<Violation> out) {
    Object opts = Yaml.get(owner, "securityContext", "seLinuxOptions");
    if (!(opts instanceof Map)) {
      return;
    }
    String type = Yaml.string(opts, "type");
    String t = type == null ? "" : type;
    if (!SELINUX_TYPES_1_0.contains(t) && !(v.atLeast(31) && SELINUX_TYPE_1_31.equals(t))) {
      out.add(
          new Violation(
              append(path, "type"),
              who + " must not set securityContext.seLinuxOptions.type to \"" + t + "\""));
    }
    for (String f : List.of("user", "role")) {
      String s = Yaml.string(opts, f);
      if (s != null && !s.isEmpty()) {
        out.add(
            new Violation(
                append(path, f), who + " must not set securityContext.seLinuxOptions." + f));
      }
    }
  }

  /**
   * check_procMount_baseline.go: procMount must be Default or unset; from v1.35 a pod with {@code
   * hostUsers: false} is exempt.
   */
  static List<Violation> procMountBaseline(PodSpecView pod, PssVersion v) {
    if (v.atLeast(35) && pod.userNamespaced()) {
      return List.of();
    }
    return procMount(pod);
  }

  /** procMount_1_0: no container may set a procMount other than Default. */
  static List<Violation> procMount(PodSpecView pod) {
    List<Violation> out = new ArrayList<>();
    for (Container c : pod.containers()) {
      Object pm = Yaml.get(c.fields(), "securityContext", "procMount");
      if (pm != null && !"Default".equals(pm)) {
        out.add(
            new Violation(
                c.at("securityContext", "procMount"),
                "container \""
                    + c.name()
                    + "\" must not set securityContext.procMount to \""
                    + pm
                    + "\""));
      }
    }
    return out;
  }

  /**
   * check_seccompProfile_baseline.go: before v1.19 the alpha annotations may only name
   * runtime/default, docker/default or localhost/*; from v1.19 seccompProfile.type (pod or
   * container) must not be anything but RuntimeDefault or Localhost when set.
   */
  static List<Violation> seccomp(PodSpecView pod, PssVersion v) {
    List<Violation> out = new ArrayList<>();
    if (!v.atLeast(19)) {
      Map<String, Object> ann = pod.annotations();
      checkSeccompAnnotation(pod, ann, SECCOMP_POD_ANNOTATION, out);
      for (Container c : pod.containers()) {
        checkSeccompAnnotation(pod, ann, SECCOMP_CONTAINER_PREFIX + c.name(), out);
      }
      return out;
    }
    if (Yaml.get(pod.spec(), "securityContext", "seccompProfile") != null) {
      String t = Yaml.string(pod.spec(), "securityContext", "seccompProfile", "type");
      if (!validSeccomp(t)) {
        out.add(
            new Violation(
                pod.specAt("securityContext", "seccompProfile", "type"),
                "pod must not set securityContext.seccompProfile.type to \"" + t + "\""));
      }
    }
    for (Container c : pod.containers()) {
      if (Yaml.get(c.fields(), "securityContext", "seccompProfile") != null) {
        String t = Yaml.string(c.fields(), "securityContext", "seccompProfile", "type");
        if (!validSeccomp(t)) {
          out.add(
              new Violation(
                  c.at("securityContext", "seccompProfile", "type"),
                  "container \""
                      + c.name()
                      + "\" must not set securityContext.seccompProfile.type to \""
                      + t
                      + "\""));
        }
      }
    }
    return out;
  }

  static boolean validSeccomp(String t) {
    return "RuntimeDefault".equals(t) || "Localhost".equals(t);
  }

  private static void checkSeccompAnnotation(
      PodSpecView pod, Map<String, Object> ann, String key, List<Violation> out) {
    if (!ann.containsKey(key)) {
      return;
    }
    String val = ann.get(key) == null ? "" : String.valueOf(ann.get(key));
    if (!(val.equals("runtime/default")
        || val.equals("docker/default")
        || val.startsWith("localhost/"))) {
      out.add(
          new Violation(
              pod.metaAt("annotations", key), "forbidden annotation " + key + "=\"" + val + "\""));
    }
  }

  /** check_sysctls.go: only the safe sysctls of the policy version. */
  static List<Violation> sysctls(PodSpecView pod, PssVersion v) {
    List<Violation> out = new ArrayList<>();
    List<Object> sysctls = Yaml.list(pod.spec(), "securityContext", "sysctls");
    for (int i = 0; i < sysctls.size(); i++) {
      String name = Yaml.string(sysctls.get(i), "name");
      if (!safeSysctl(name, v)) {
        out.add(
            new Violation(
                pod.specAt("securityContext", "sysctls", i, "name"),
                "forbidden sysctl " + name + " (not safe at policy " + v + ")"));
      }
    }
    return out;
  }

  static boolean safeSysctl(String name, PssVersion v) {
    return SYSCTLS_1_0.contains(name)
        || (v.atLeast(27) && SYSCTLS_1_27.contains(name))
        || (v.atLeast(29) && SYSCTLS_1_29.contains(name))
        || (v.atLeast(32) && SYSCTLS_1_32.contains(name))
        || (v.atLeast(37) && SYSCTLS_1_37.contains(name));
  }

  /** check_hostProbesAndhostLifecycle.go (v1.34+): probes and lifecycle hooks must not set host. */
  static List<Violation> probeHosts(PodSpecView pod, PssVersion v) {
    List<Violation> out = new ArrayList<>();
    for (Container c : pod.containers()) {
      for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
        hostAt(c, List.of(probe), out);
      }
      for (String hook : List.of("postStart", "preStop")) {
        hostAt(c, List.of("lifecycle", hook), out);
      }
    }
    return out;
  }

  private static void hostAt(Container c, List<Object> handler, List<Violation> out) {
    for (String kind : List.of("httpGet", "tcpSocket")) {
      List<Object> p = new ArrayList<>(handler);
      p.add(kind);
      p.add("host");
      String host = Yaml.string(c.fields(), p.toArray());
      if (host != null && !host.isEmpty()) {
        List<Object> full = new ArrayList<>(c.path());
        full.addAll(p);
        out.add(
            new Violation(
                full,
                "container \""
                    + c.name()
                    + "\" uses "
                    + String.join(".", handler.stream().map(String::valueOf).toList())
                    + "."
                    + kind
                    + ".host \""
                    + host
                    + "\""));
      }
    }
  }

  static List<Object> append(List<Object> path, Object... rest) {
    List<Object> p = new ArrayList<>(path);
    p.addAll(List.of(rest));
    return p;
  }
}
