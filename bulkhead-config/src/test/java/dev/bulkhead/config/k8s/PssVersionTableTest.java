package dev.bulkhead.config.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decides pods at several policy levels and versions and compares the failing checks with what
 * k8s.io/pod-security-admission decides (check_*.go and registry.go): version gates, restricted
 * overrides, Windows and user-namespace relaxations, pod-level inheritance, init and ephemeral
 * containers.
 */
class PssVersionTableTest {
  private static final String B = "pss-baseline";
  private static final String R = "pss-restricted";

  /** A container that passes restricted. */
  private static final String OK_CONTAINER =
      "{name: app, image: 'x:1', securityContext: {allowPrivilegeEscalation: false,"
          + " capabilities: {drop: [ALL]}}}";

  /** Pod-level fields that pass restricted. */
  private static final String OK_POD =
      "securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}";

  static Stream<Arguments> table() {
    String bare = "{containers: [{name: app, image: 'x:1'}]}";
    String clean = "{" + OK_POD + ", containers: [" + OK_CONTAINER + "]}";
    return Stream.of(
        arguments(R, "latest", clean, List.of()),
        arguments(B, "latest", bare, List.of()),
        arguments(R, "latest", bare, ids(21, 22, 24, 25)),
        arguments(R, "v1.7", bare, ids(22)),
        arguments(R, "v1.21", bare, ids(21, 22, 24)),
        // capabilities_restricted overrides capabilities_baseline only from v1.22
        arguments(
            R,
            "v1.21",
            "{containers: [{name: a, image: 'x:1', securityContext: {capabilities: {add:"
                + " [SYS_ADMIN]}}}]}",
            ids(4, 21, 22, 24)),
        arguments(
            R,
            "latest",
            "{"
                + OK_POD
                + ", containers: [{name: a, image: 'x:1', securityContext:"
                + " {allowPrivilegeEscalation: false, capabilities: {drop: [ALL], add:"
                + " [SYS_ADMIN]}}}]}",
            ids(25)),
        // runAsUser=0 is forbidden from v1.23
        arguments(R, "v1.22", "{" + OK_POD + ", containers: [" + user0() + "]}", ids()),
        arguments(R, "v1.23", "{" + OK_POD + ", containers: [" + user0() + "]}", ids(23)),
        // hostUsers: false relaxes runAsNonRoot and runAsUser from v1.35
        arguments(
            R,
            "v1.34",
            "{hostUsers: false, securityContext: {seccompProfile: {type: RuntimeDefault}},"
                + " containers: ["
                + user0()
                + "]}",
            ids(22, 23)),
        arguments(
            R,
            "v1.35",
            "{hostUsers: false, securityContext: {seccompProfile: {type: RuntimeDefault}},"
                + " containers: ["
                + user0()
                + "]}",
            ids()),
        // Windows pods are exempt from the Linux-only restricted checks from v1.25
        arguments(
            R, "v1.24", "{os: {name: windows}, containers: [{name: a}]}", ids(21, 22, 24, 25)),
        arguments(R, "v1.25", "{os: {name: windows}, containers: [{name: a}]}", ids(22)),
        // the safe sysctls grow by version
        arguments(B, "v1.26", sysctl("net.ipv4.ip_local_reserved_ports"), ids(11)),
        arguments(B, "v1.27", sysctl("net.ipv4.ip_local_reserved_ports"), ids()),
        arguments(B, "v1.28", sysctl("net.ipv4.tcp_keepalive_time"), ids(11)),
        arguments(B, "v1.29", sysctl("net.ipv4.tcp_fin_timeout"), ids()),
        arguments(B, "v1.31", sysctl("net.ipv4.tcp_rmem"), ids(11)),
        arguments(B, "v1.32", sysctl("net.ipv4.tcp_wmem"), ids()),
        arguments(B, "v1.36", sysctl("net.ipv4.tcp_notsent_lowat"), ids(11)),
        arguments(B, "latest", sysctl("net.ipv4.tcp_slow_start_after_idle"), ids()),
        arguments(B, "latest", sysctl("kernel.msgmax"), ids(11)),
        // SELinux: container_engine_t from v1.31; user and role never
        arguments(B, "v1.30", seLinux("{type: container_engine_t}"), ids(8)),
        arguments(B, "v1.31", seLinux("{type: container_engine_t}"), ids()),
        arguments(B, "latest", seLinux("{user: system_u}"), ids(8)),
        // probe and lifecycle hosts from v1.34
        arguments(B, "v1.33", probeHost(), ids()),
        arguments(B, "v1.34", probeHost(), ids(12)),
        // seccomp: annotations before v1.19, the field from v1.19
        arguments(B, "v1.18", seccompAnnotation("unconfined"), ids(10)),
        arguments(B, "v1.18", seccompAnnotation("docker/default"), ids()),
        arguments(B, "v1.19", seccompAnnotation("unconfined"), ids()),
        arguments(B, "v1.18", seccompField("Unconfined"), ids()),
        arguments(B, "v1.19", seccompField("Unconfined"), ids(10)),
        // procMount: baseline relaxed for user namespaces from v1.35, restricted re-tightens
        arguments(B, "v1.34", procMount(true), ids(9)),
        arguments(B, "v1.35", procMount(true), ids()),
        arguments(B, "v1.35", procMount(false), ids(9)),
        arguments(R, "v1.34", procMount(true), ids(9)),
        arguments(R, "v1.35", procMount(true), ids(26)),
        // restricted volumes override hostPathVolumes; image volumes are allowed
        arguments(B, "latest", volume("hostPath: {path: /}"), ids(5)),
        arguments(R, "latest", volume("hostPath: {path: /}"), ids(20)),
        arguments(R, "latest", volume("image: {reference: 'x:1'}"), ids()),
        arguments(R, "latest", volume("nfs: {server: a, path: /}"), ids(20)),
        // init and ephemeral containers count
        arguments(
            B,
            "latest",
            "{containers: [{name: a}], ephemeralContainers: [{name: dbg, securityContext:"
                + " {privileged: true}}]}",
            ids(3)),
        arguments(
            B,
            "latest",
            "{initContainers: [{name: i, ports: [{containerPort: 80, hostPort: 80}]}],"
                + " containers: [{name: a}]}",
            ids(6)),
        arguments(
            R,
            "latest",
            "{" + OK_POD + ", initContainers: [{name: i}], containers: [" + OK_CONTAINER + "]}",
            ids(21, 25)),
        // AppArmor: the field is checked at every version (it sits in the v1.0 function)
        arguments(
            B,
            "v1.10",
            "{securityContext: {appArmorProfile: {type: Unconfined}}, containers: [{name: a}]}",
            ids(7)),
        // pod-level inheritance: a container may not undo the pod's settings
        arguments(
            R,
            "latest",
            "{"
                + OK_POD
                + ", containers: [{name: a, securityContext: {allowPrivilegeEscalation: false,"
                + " capabilities: {drop: [ALL]}, runAsNonRoot: false, seccompProfile: {type:"
                + " Unconfined}}}]}",
            ids(22, 24)),
        arguments(
            B,
            "latest",
            "{hostNetwork: true, hostIPC: true, securityContext: {windowsOptions:"
                + " {hostProcess: true}}, containers: [{name: a}]}",
            ids(1, 2)));
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("table")
  void decidesAsThePodSecurityAdmissionController(
      String policy, String version, String spec, List<String> expected) {
    String yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: " + spec + "\n";
    var found = Scans.scan(yaml, Scans.mode(policy), PssVersion.parse(version));
    assertThat(Scans.ids(found)).isEqualTo(expected);
  }

  private static List<String> ids(int... n) {
    return java.util.Arrays.stream(n).mapToObj(i -> String.format("BH-K8S-%04d", i)).toList();
  }

  private static String user0() {
    return "{name: a, image: 'x:1', securityContext: {runAsUser: 0, allowPrivilegeEscalation:"
        + " false, capabilities: {drop: [ALL]}}}";
  }

  private static String sysctl(String name) {
    return "{securityContext: {sysctls: [{name: "
        + name
        + ", value: '1'}]}, containers: [{name: a}]}";
  }

  private static String seLinux(String opts) {
    return "{containers: [{name: a, securityContext: {seLinuxOptions: " + opts + "}}]}";
  }

  private static String probeHost() {
    return "{containers: [{name: a, lifecycle: {preStop: {httpGet: {host: 10.0.0.1, port: 80}}}}]}";
  }

  private static String seccompAnnotation(String value) {
    // the annotation lives in pod metadata: spec text closes the spec and adds metadata
    return "{containers: [{name: a}]}\nmetadata:\n  name: p\n  annotations:\n"
        + "    seccomp.security.alpha.kubernetes.io/pod: '"
        + value
        + "'";
  }

  private static String seccompField(String type) {
    return "{securityContext: {seccompProfile: {type: " + type + "}}, containers: [{name: a}]}";
  }

  private static String procMount(boolean userNamespaced) {
    return "{"
        + (userNamespaced ? "hostUsers: false, " : "")
        + OK_POD
        + ", containers: [{name: a, securityContext: {procMount: Unmasked,"
        + " allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}}]}";
  }

  private static String volume(String source) {
    return "{"
        + OK_POD
        + ", containers: ["
        + OK_CONTAINER
        + "], volumes: [{name: v, "
        + source
        + "}]}";
  }
}
