package dev.bulkhead.config.audit;

import dev.bulkhead.config.model.Rule;
import dev.bulkhead.core.Severity;
import java.util.List;

/**
 * The live engine audit rules ({@code BH-DOCKER-*}), mapped to CIS Docker Benchmark v1.6.0 controls
 * (section 2: daemon, 4.1: container user, section 5: container runtime).
 */
public final class DockerAuditRules {
  private static final String CIS = "https://www.cisecurity.org/benchmark/docker";
  private static final String RUN = "https://docs.docker.com/reference/cli/docker/container/run/";
  private static final String DAEMON = "https://docs.docker.com/reference/cli/dockerd/";

  public static final Rule NO_USERNS =
      rule(
          "BH-DOCKER-0001",
          "Engine does not remap user namespaces",
          Severity.MEDIUM,
          "The engine neither remaps user namespaces nor runs rootless, so UID 0 in a container is"
              + " UID 0 on the host.",
          "Start dockerd with --userns-remap=default (\"userns-remap\" in daemon.json) or run the"
              + " engine rootless.",
          List.of("https://docs.docker.com/engine/security/userns-remap/", CIS),
          "2.9");

  public static final Rule ROOTFUL =
      rule(
          "BH-DOCKER-0002",
          "Engine runs as root",
          Severity.LOW,
          "The engine runs as root (not rootless); a flaw in it or in a container escape lands as"
              + " root on the host.",
          "Run the engine rootless (dockerd-rootless-setuptool.sh install, or podman as an"
              + " unprivileged user) where the workloads allow it.",
          List.of("https://docs.docker.com/engine/security/rootless/", CIS),
          "2.1");

  public static final Rule ICC =
      rule(
          "BH-DOCKER-0003",
          "Containers on the default bridge can talk to each other",
          Severity.MEDIUM,
          "The default bridge network allows inter-container communication"
              + " (com.docker.network.bridge.enable_icc is not false).",
          "Start dockerd with --icc=false (\"icc\": false) and use user-defined networks for"
              + " containers that must talk.",
          List.of(DAEMON, CIS),
          "2.2");

  public static final Rule NO_LIVE_RESTORE =
      rule(
          "BH-DOCKER-0004",
          "live-restore is off",
          Severity.LOW,
          "Restarting or upgrading the daemon stops every running container.",
          "Set \"live-restore\": true in daemon.json (not available in Swarm mode).",
          List.of("https://docs.docker.com/engine/daemon/live-restore/", CIS),
          "2.15");

  public static final Rule LOCAL_LOGGING =
      rule(
          "BH-DOCKER-0005",
          "Container logs are not shipped off the host",
          Severity.LOW,
          "The default logging driver keeps logs only on the host (json-file, local) or discards"
              + " them (none); an attacker who owns the host can erase them.",
          "Use a remote logging driver (syslog, journald forwarded, fluentd, gelf, awslogs...)"
              + " with \"log-driver\" in daemon.json.",
          List.of("https://docs.docker.com/engine/logging/configure/", CIS),
          "2.13");

  public static final Rule INSECURE_REGISTRY =
      rule(
          "BH-DOCKER-0006",
          "Engine trusts an insecure registry",
          Severity.HIGH,
          "The engine pulls from a registry over plain HTTP or with unverified TLS; anyone on the"
              + " network path can swap the images it runs.",
          "Remove the insecure-registries entry and give the registry a trusted certificate.",
          List.of(DAEMON + "#insecure-registries", CIS),
          "2.5");

  public static final Rule PRIVILEGED =
      rule(
          "BH-DOCKER-0010",
          "Privileged container",
          Severity.CRITICAL,
          "The container runs with --privileged: all capabilities, all devices, no seccomp or"
              + " AppArmor; root in it is root on the host.",
          "Recreate it without --privileged, adding only the capabilities and devices it needs.",
          List.of(RUN + "#privileged", CIS),
          "5.5");

  public static final Rule HOST_NETWORK =
      rule(
          "BH-DOCKER-0011",
          "Container shares the host network namespace",
          Severity.HIGH,
          "--network host puts the container on the host's interfaces and localhost services.",
          "Recreate it on a bridge or user-defined network and publish only the needed ports.",
          List.of(RUN + "#network", CIS),
          "5.10");

  public static final Rule HOST_PID =
      rule(
          "BH-DOCKER-0012",
          "Container shares the host PID namespace",
          Severity.HIGH,
          "--pid host lets the container see, trace and signal every host process.",
          "Recreate it without --pid host.",
          List.of(RUN + "#pid", CIS),
          "5.16");

  public static final Rule HOST_IPC =
      rule(
          "BH-DOCKER-0013",
          "Container shares the host IPC namespace",
          Severity.HIGH,
          "--ipc host gives the container the host's shared memory and semaphores.",
          "Recreate it without --ipc host.",
          List.of(RUN + "#ipc", CIS),
          "5.17");

  public static final Rule ROOT_USER =
      rule(
          "BH-DOCKER-0014",
          "Container runs as root",
          Severity.MEDIUM,
          "The container's process runs as root (no user set, or user 0/root).",
          "Set a non-root USER in the image or run with --user UID:GID.",
          List.of(RUN + "#user", CIS),
          "4.1");

  public static final Rule CAP_ADD =
      rule(
          "BH-DOCKER-0015",
          "Container has added capabilities",
          Severity.MEDIUM,
          "The container was started with --cap-add beyond the engine's default set.",
          "Recreate it with --cap-drop ALL and add back only what it provably needs.",
          List.of(RUN + "#cap-add", CIS),
          "5.4");

  public static final Rule ENGINE_SOCKET =
      rule(
          "BH-DOCKER-0016",
          "Container engine socket mounted",
          Severity.CRITICAL,
          "A Docker/podman/containerd API socket (or the directory holding it) is mounted into"
              + " the container; its processes can start privileged containers and own the host.",
          "Remove the mount; if the container needs the API, put an authorising proxy with a"
              + " narrow allow-list in front of it.",
          List.of(RUN + "#volume", CIS),
          "5.32");

  public static final Rule SENSITIVE_MOUNT =
      rule(
          "BH-DOCKER-0017",
          "Sensitive host directory mounted",
          Severity.HIGH,
          "A host system directory (/, /boot, /dev, /etc, /lib, /proc, /sys, /usr) is mounted,"
              + " or a path below one of them is mounted writable.",
          "Mount only the application's own data directories, read-only where possible.",
          List.of(RUN + "#volume", CIS),
          "5.6");

  public static final Rule NO_MEMORY_LIMIT =
      rule(
          "BH-DOCKER-0018",
          "No memory limit",
          Severity.MEDIUM,
          "The container can use all host memory, starving other containers and the host.",
          "Recreate it with --memory (e.g. --memory 512m).",
          List.of(RUN + "#memory", CIS),
          "5.11");

  public static final Rule NO_PIDS_LIMIT =
      rule(
          "BH-DOCKER-0019",
          "No PIDs limit",
          Severity.MEDIUM,
          "The container can create unlimited processes; a fork bomb takes the host down.",
          "Recreate it with --pids-limit (e.g. --pids-limit 256).",
          List.of(RUN + "#pids-limit", CIS),
          "5.29");

  public static final Rule NO_SECCOMP =
      rule(
          "BH-DOCKER-0020",
          "Seccomp disabled",
          Severity.HIGH,
          "The container runs without a seccomp filter (seccomp=unconfined or --privileged), so"
              + " every system call, including rarely needed and often exploited ones, is open.",
          "Remove --security-opt seccomp=unconfined; use a custom profile if one syscall is"
              + " missing from the default.",
          List.of("https://docs.docker.com/engine/security/seccomp/", CIS),
          "5.22");

  public static final Rule NO_APPARMOR =
      rule(
          "BH-DOCKER-0021",
          "No AppArmor profile",
          Severity.MEDIUM,
          "The host supports AppArmor but the container runs unconfined.",
          "Remove --security-opt apparmor=unconfined, or apply a profile (docker-default or"
              + " your own).",
          List.of("https://docs.docker.com/engine/security/apparmor/", CIS),
          "5.2");

  public static final Rule WRITABLE_ROOTFS =
      rule(
          "BH-DOCKER-0022",
          "Root filesystem is writable",
          Severity.LOW,
          "The container's root filesystem is writable, so an intruder can plant binaries and"
              + " change configuration inside it.",
          "Run with --read-only and mount writable tmpfs or volumes only where the application"
              + " writes.",
          List.of(RUN + "#read-only", CIS),
          "5.13");

  public static final Rule NEW_PRIVILEGES =
      rule(
          "BH-DOCKER-0023",
          "Container may gain new privileges",
          Severity.LOW,
          "no-new-privileges is not set, so setuid binaries can raise a process's privileges.",
          "Run with --security-opt no-new-privileges (or set it daemon-wide).",
          List.of(RUN + "#security-opt", CIS),
          "5.26");

  /** Every live audit rule, in id order. */
  public static final List<Rule> ALL =
      List.of(
          NO_USERNS,
          ROOTFUL,
          ICC,
          NO_LIVE_RESTORE,
          LOCAL_LOGGING,
          INSECURE_REGISTRY,
          PRIVILEGED,
          HOST_NETWORK,
          HOST_PID,
          HOST_IPC,
          ROOT_USER,
          CAP_ADD,
          ENGINE_SOCKET,
          SENSITIVE_MOUNT,
          NO_MEMORY_LIMIT,
          NO_PIDS_LIMIT,
          NO_SECCOMP,
          NO_APPARMOR,
          WRITABLE_ROOTFS,
          NEW_PRIVILEGES);

  private static Rule rule(
      String id,
      String title,
      Severity s,
      String description,
      String remediation,
      List<String> refs,
      String control) {
    return new Rule(id, title, s, description, remediation, refs, List.of("cis-docker:" + control));
  }

  private DockerAuditRules() {}
}
