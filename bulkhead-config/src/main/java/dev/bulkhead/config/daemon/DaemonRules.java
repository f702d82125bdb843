package dev.bulkhead.config.daemon;

import dev.bulkhead.config.model.Rule;
import dev.bulkhead.core.Severity;
import java.util.List;

/** The Docker daemon.json rules ({@code BH-DAEMON-*}). */
public final class DaemonRules {
  private static final String REF =
      "https://docs.docker.com/reference/cli/dockerd/#daemon-configuration-file";
  private static final String CIS = "https://www.cisecurity.org/benchmark/docker";

  public static final Rule NO_USERNS =
      new Rule(
          "BH-DAEMON-0001",
          "User namespace remapping is off",
          Severity.MEDIUM,
          "Without userns-remap, root in a container is UID 0 on the host; any breakout or"
              + " writable host mount acts as host root.",
          "Set \"userns-remap\": \"default\" (and check /etc/subuid and /etc/subgid), or run the"
              + " daemon rootless.",
          List.of("https://docs.docker.com/engine/security/userns-remap/", CIS),
          List.of("cis-docker:2.9"));

  public static final Rule ICC =
      new Rule(
          "BH-DAEMON-0002",
          "Inter-container communication on the default bridge is allowed",
          Severity.MEDIUM,
          "icc is true (the default), so every container on the default bridge can reach every"
              + " other container's ports.",
          "Set \"icc\": false and connect containers that must talk through user-defined networks.",
          List.of(REF, CIS),
          List.of("cis-docker:2.2"));

  public static final Rule NO_NEW_PRIVILEGES =
      new Rule(
          "BH-DAEMON-0003",
          "Containers may gain new privileges",
          Severity.MEDIUM,
          "no-new-privileges is not enabled daemon-wide, so setuid binaries in a container can"
              + " raise a process's privileges.",
          "Set \"no-new-privileges\": true.",
          List.of(REF, CIS),
          List.of("cis-docker:2.14"));

  public static final Rule INSECURE_REGISTRY =
      new Rule(
          "BH-DAEMON-0004",
          "Insecure registry configured",
          Severity.HIGH,
          "insecure-registries lets the daemon pull over plain HTTP or with unverified TLS"
              + " certificates; anyone on the network path can swap the images it runs.",
          "Remove the entry and give the registry a certificate the daemon trusts"
              + " (/etc/docker/certs.d/HOST/ca.crt).",
          List.of("https://docs.docker.com/reference/cli/dockerd/#insecure-registries", CIS),
          List.of("cis-docker:2.5"));

  public static final Rule TCP_WITHOUT_TLS =
      new Rule(
          "BH-DAEMON-0005",
          "Daemon listens on TCP without TLS client verification",
          Severity.CRITICAL,
          "hosts has a tcp:// address and tlsverify is not true: anyone who reaches the port"
              + " controls the daemon, which is root on the host.",
          "Listen on the UNIX socket only, or set \"tlsverify\": true with tlscacert, tlscert and"
              + " tlskey so only clients with a certificate from your CA get in.",
          List.of("https://docs.docker.com/engine/security/protect-access/", CIS),
          List.of("cis-docker:2.7"));

  public static final Rule NO_LIVE_RESTORE =
      new Rule(
          "BH-DAEMON-0006",
          "live-restore is off",
          Severity.LOW,
          "Without live-restore, restarting or upgrading the daemon stops every container,"
              + " which turns routine patching into an outage.",
          "Set \"live-restore\": true (not available in Swarm mode).",
          List.of("https://docs.docker.com/engine/daemon/live-restore/", CIS),
          List.of("cis-docker:2.15"));

  /** Every daemon.json rule, in id order. */
  public static final List<Rule> ALL =
      List.of(
          NO_USERNS, ICC, NO_NEW_PRIVILEGES, INSECURE_REGISTRY, TCP_WITHOUT_TLS, NO_LIVE_RESTORE);

  private DaemonRules() {}
}
