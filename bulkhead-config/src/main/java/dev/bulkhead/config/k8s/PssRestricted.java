package dev.bulkhead.config.k8s;

import dev.bulkhead.config.k8s.PodSpecView.Container;
import dev.bulkhead.config.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The restricted Pod Security Standards checks, following
 * staging/src/k8s.io/pod-security-admission/policy/check_*.go in kubernetes/kubernetes.
 */
final class PssRestricted {
  /** check_restrictedVolumes.go: the volume sources restricted allows (image since v1.33 code). */
  static final Set<String> VOLUMES_ALLOWED =
      Set.of(
          "configMap",
          "csi",
          "downwardAPI",
          "emptyDir",
          "ephemeral",
          "image",
          "persistentVolumeClaim",
          "projected",
          "secret");

  private PssRestricted() {}

  static List<PssCheck> checks() {
    return List.of(
        new PssCheck(
            "restrictedVolumes",
            PssLevel.RESTRICTED,
            "BH-K8S-0020",
            0,
            "hostPathVolumes",
            PssRestricted::volumes),
        new PssCheck(
            "allowPrivilegeEscalation",
            PssLevel.RESTRICTED,
            "BH-K8S-0021",
            8,
            null,
            PssRestricted::privilegeEscalation),
        new PssCheck(
            "runAsNonRoot",
            PssLevel.RESTRICTED,
            "BH-K8S-0022",
            0,
            null,
            PssRestricted::runAsNonRoot),
        new PssCheck(
            "runAsUser", PssLevel.RESTRICTED, "BH-K8S-0023", 23, null, PssRestricted::runAsUser),
        new PssCheck(
            "seccompProfile_restricted",
            PssLevel.RESTRICTED,
            "BH-K8S-0024",
            19,
            "seccompProfile_baseline",
            PssRestricted::seccomp),
        new PssCheck(
            "capabilities_restricted",
            PssLevel.RESTRICTED,
            "BH-K8S-0025",
            22,
            "capabilities_baseline",
            PssRestricted::capabilities),
        new PssCheck(
            "procMount_restricted",
            PssLevel.RESTRICTED,
            "BH-K8S-0026",
            35,
            "procMount",
            (pod, v) -> PssBaseline.procMount(pod)));
  }

  /**
   * check_restrictedVolumes.go: every volume must use an allowed source. A volume naming no source
   * is defaulted to emptyDir by the API server, so it passes.
   */
  static List<Violation> volumes(PodSpecView pod, PssVersion v) {
    List<Violation> out = new ArrayList<>();
    List<Object> volumes = Yaml.list(pod.spec(), "volumes");
    for (int i = 0; i < volumes.size(); i++) {
      Map<String, Object> vol = Yaml.map(volumes.get(i));
      for (Map.Entry<String, Object> e : vol.entrySet()) {
        if (!e.getKey().equals("name")
            && e.getValue() != null
            && !VOLUMES_ALLOWED.contains(e.getKey())) {
          out.add(
              new Violation(
                  pod.specAt("volumes", i, e.getKey()),
                  "volume \""
                      + Yaml.string(vol, "name")
                      + "\" uses restricted volume type \""
                      + e.getKey()
                      + "\""));
        }
      }
    }
    return out;
  }

  /**
   * check_allowPrivilegeEscalation.go: every container must set allowPrivilegeEscalation=false;
   * from v1.25 Windows pods are exempt.
   */
  static List<Violation> privilegeEscalation(PodSpecView pod, PssVersion v) {
    if (v.atLeast(25) && pod.isWindows()) {
      return List.of();
    }
    List<Violation> out = new ArrayList<>();
    for (Container c : pod.containers()) {
      if (!Boolean.FALSE.equals(
          Yaml.bool(c.fields(), "securityContext", "allowPrivilegeEscalation"))) {
        out.add(
            new Violation(
                c.at("securityContext", "allowPrivilegeEscalation"),
                "container \""
                    + c.name()
                    + "\" must set securityContext.allowPrivilegeEscalation=false"));
      }
    }
    return out;
  }

  /**
   * check_runAsNonRoot.go: runAsNonRoot must be true at pod level or in every container, and never
   * false; from v1.35 pods with hostUsers: false are exempt.
   */
  static List<Violation> runAsNonRoot(PodSpecView pod, PssVersion v) {
    if (v.atLeast(35) && pod.userNamespaced()) {
      return List.of();
    }
    List<Violation> out = new ArrayList<>();
    Boolean podLevel = Yaml.bool(pod.spec(), "securityContext", "runAsNonRoot");
    Object podRaw = Yaml.get(pod.spec(), "securityContext", "runAsNonRoot");
    if (podRaw != null && !Boolean.TRUE.equals(podLevel)) {
      out.add(
          new Violation(
              pod.specAt("securityContext", "runAsNonRoot"),
              "pod must not set securityContext.runAsNonRoot=false"));
    }
    boolean podTrue = Boolean.TRUE.equals(podLevel);
    for (Container c : pod.containers()) {
      Object raw = Yaml.get(c.fields(), "securityContext", "runAsNonRoot");
      if (raw != null) {
        if (!Boolean.TRUE.equals(raw)) {
          out.add(
              new Violation(
                  c.at("securityContext", "runAsNonRoot"),
                  "container \""
                      + c.name()
                      + "\" must not set securityContext.runAsNonRoot=false"));
        }
      } else if (!podTrue) {
        out.add(
            new Violation(
                c.at("securityContext", "runAsNonRoot"),
                "pod or container \""
                    + c.name()
                    + "\" must set securityContext.runAsNonRoot=true"));
      }
    }
    return out;
  }

  /** check_runAsUser.go (v1.23+): runAsUser must not be 0; from v1.35 hostUsers: false exempts. */
  static List<Violation> runAsUser(PodSpecView pod, PssVersion v) {
    if (v.atLeast(35) && pod.userNamespaced()) {
      return List.of();
    }
    List<Violation> out = new ArrayList<>();
    Long podUser = Yaml.integer(pod.spec(), "securityContext", "runAsUser");
    if (podUser != null && podUser == 0L) {
      out.add(
          new Violation(
              pod.specAt("securityContext", "runAsUser"), "pod must not set runAsUser=0"));
    }
    for (Container c : pod.containers()) {
      Long u = Yaml.integer(c.fields(), "securityContext", "runAsUser");
      if (u != null && u == 0L) {
        out.add(
            new Violation(
                c.at("securityContext", "runAsUser"),
                "container \"" + c.name() + "\" must not set runAsUser=0"));
      }
    }
    return out;
  }

  /**
   * check_seccompProfile_restricted.go (v1.19+): seccompProfile.type must be RuntimeDefault or
   * Localhost at pod level or in every container; from v1.25 Windows pods are exempt.
   */
  static List<Violation> seccomp(PodSpecView pod, PssVersion v) {
    if (v.atLeast(25) && pod.isWindows()) {
      return List.of();
    }
    List<Violation> out = new ArrayList<>();
    boolean podSet = false;
    if (Yaml.get(pod.spec(), "securityContext", "seccompProfile") != null) {
      String t = Yaml.string(pod.spec(), "securityContext", "seccompProfile", "type");
      if (PssBaseline.validSeccomp(t)) {
        podSet = true;
      } else {
        out.add(
            new Violation(
                pod.specAt("securityContext", "seccompProfile", "type"),
                "pod must not set securityContext.seccompProfile.type to \"" + t + "\""));
      }
    }
    for (Container c : pod.containers()) {
      if (Yaml.get(c.fields(), "securityContext", "seccompProfile") != null) {
        String t = Yaml.string(c.fields(), "securityContext", "seccompProfile", "type");
        if (!PssBaseline.validSeccomp(t)) {
          out.add(
              new Violation(
                  c.at("securityContext", "seccompProfile", "type"),
                  "container \""
                      + c.name()
                      + "\" must not set securityContext.seccompProfile.type to \""
                      + t
                      + "\""));
        }
      } else if (!podSet) {
        out.add(
            new Violation(
                c.at("securityContext", "seccompProfile"),
                "pod or container \""
                    + c.name()
                    + "\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or"
                    + " \"Localhost\""));
      }
    }
    return out;
  }

  /**
   * check_capabilities_restricted.go (v1.22+): every container must drop ALL and may add only
   * NET_BIND_SERVICE; from v1.25 Windows pods are exempt.
   */
  static List<Violation> capabilities(PodSpecView pod, PssVersion v) {
    if (v.atLeast(25) && pod.isWindows()) {
      return List.of();
    }
    List<Violation> out = new ArrayList<>();
    for (Container c : pod.containers()) {
      List<Object> drop = Yaml.list(c.fields(), "securityContext", "capabilities", "drop");
      if (!drop.contains("ALL")) {
        out.add(
            new Violation(
                c.at("securityContext", "capabilities", "drop"),
                "container \""
                    + c.name()
                    + "\" must set securityContext.capabilities.drop=[\"ALL\"]"));
      }
      List<Object> add = Yaml.list(c.fields(), "securityContext", "capabilities", "add");
      for (int i = 0; i < add.size(); i++) {
        if (!"NET_BIND_SERVICE".equals(add.get(i))) {
          out.add(
              new Violation(
                  c.at("securityContext", "capabilities", "add", i),
                  "container \""
                      + c.name()
                      + "\" must not include \""
                      + add.get(i)
                      + "\" in securityContext.capabilities.add"));
        }
      }
    }
    return out;
  }
}
