package dev.bulkhead.config.compose;

import dev.bulkhead.config.model.Rule;
import dev.bulkhead.core.Severity;
import java.util.List;

/** The docker-compose rules ({@code BH-COMPOSE-*}). */
public final class ComposeRules {
  private static final String SPEC = "https://docs.docker.com/reference/compose-file/services/";
  private static final String CIS = "https://www.cisecurity.org/benchmark/docker";

  public static final Rule PRIVILEGED =
      new Rule(
          "BH-COMPOSE-0001",
          "Service runs privileged",
          Severity.CRITICAL,
          "privileged: true gives the container every capability, all host devices and no"
              + " seccomp or AppArmor confinement; root in it is root on the host.",
          "Remove privileged: true; add only the capabilities or devices the service needs"
              + " (cap_add, devices).",
          List.of(SPEC + "#privileged", CIS),
          List.of("cis-docker:5.5"));

  public static final Rule HOST_NETWORK =
      new Rule(
          "BH-COMPOSE-0002",
          "Service shares the host network namespace",
          Severity.HIGH,
          "network_mode: host puts the container on the host's interfaces: it can bind any host"
              + " port, reach services bound to localhost and sniff host traffic.",
          "Remove network_mode: host and publish the needed ports with ports:.",
          List.of(SPEC + "#network_mode", CIS),
          List.of("cis-docker:5.10"));

  public static final Rule HOST_PID =
      new Rule(
          "BH-COMPOSE-0003",
          "Service shares the host PID namespace",
          Severity.HIGH,
          "pid: host lets the container see and signal every host process and read their"
              + " environment through /proc.",
          "Remove pid: host.",
          List.of(SPEC + "#pid", CIS),
          List.of("cis-docker:5.16"));

  public static final Rule DOCKER_SOCKET =
      new Rule(
          "BH-COMPOSE-0004",
          "Container engine socket mounted",
          Severity.CRITICAL,
          "The service mounts the Docker (or podman/containerd) API socket, or the directory"
              + " holding it; whoever controls the container can start a privileged container and"
              + " own the host.",
          "Do not mount the engine socket; if a tool needs the API, put an authorising proxy with"
              + " a narrow allow-list in front of it.",
          List.of(SPEC + "#volumes", CIS),
          List.of("cis-docker:5.32"));

  public static final Rule CAP_ADD =
      new Rule(
          "BH-COMPOSE-0005",
          "Service adds Linux capabilities",
          Severity.MEDIUM,
          "cap_add grants capabilities beyond Docker's default set; SYS_ADMIN, NET_ADMIN,"
              + " SYS_PTRACE, SYS_MODULE or ALL come close to privileged mode.",
          "Drop the added capabilities, or use cap_drop: [ALL] and add back only what the service"
              + " provably needs.",
          List.of(SPEC + "#cap_add", CIS),
          List.of("cis-docker:5.4"));

  public static final Rule HOST_IPC =
      new Rule(
          "BH-COMPOSE-0006",
          "Service shares the host IPC namespace",
          Severity.HIGH,
          "ipc: host gives the container the host's shared memory and semaphores.",
          "Remove ipc: host, or share IPC only with another service (ipc: service:NAME).",
          List.of(SPEC + "#ipc", CIS),
          List.of("cis-docker:5.17"));

  public static final Rule UNCONFINED =
      new Rule(
          "BH-COMPOSE-0007",
          "Seccomp or AppArmor disabled",
          Severity.HIGH,
          "security_opt sets seccomp or AppArmor to unconfined, removing the syscall filter or"
              + " mandatory access control that blocks most container breakouts.",
          "Remove seccomp:unconfined / apparmor:unconfined; if a syscall is missing, use a custom"
              + " seccomp profile that allows just it.",
          List.of(SPEC + "#security_opt", CIS),
          List.of("cis-docker:5.22", "cis-docker:5.2"));

  /** Every compose rule, in id order. */
  public static final List<Rule> ALL =
      List.of(PRIVILEGED, HOST_NETWORK, HOST_PID, DOCKER_SOCKET, CAP_ADD, HOST_IPC, UNCONFINED);

  private ComposeRules() {}
}
