package dev.bulkhead.config.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulkhead.config.hostpaths.EngineEndpoints;
import dev.bulkhead.config.model.ConfigFinding;
import dev.bulkhead.config.model.Location;
import dev.bulkhead.config.model.ResourceRef;
import dev.bulkhead.config.model.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Audits a container engine and its running containers from what its API reports, mapped to CIS
 * Docker Benchmark controls. Settings the engine does not expose (podman keeps several in
 * containers.conf, which its compatible API does not show) become warnings, never passes.
 */
public final class DockerAudit {
  private static final List<String> SENSITIVE =
      List.of("/boot", "/dev", "/etc", "/lib", "/proc", "/sys", "/usr");
  private static final Set<String> LOCAL_DRIVERS = Set.of("json-file", "local", "none", "k8s-file");

  private final EngineFacts facts;
  private final List<ConfigFinding> findings = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  private DockerAudit(EngineFacts facts) {
    this.facts = facts;
    warnings.addAll(facts.warnings());
  }

  /** Audits the engine and every container in {@code facts}. */
  public static AuditReport run(EngineFacts facts) {
    DockerAudit a = new DockerAudit(facts);
    a.daemon();
    boolean ipcWarned = false;
    for (JsonNode c : facts.containers()) {
      a.container(c);
      if (facts.podman() && !ipcWarned) {
        a.warnings.add(
            "podman reports --ipc host as IpcMode 'shareable' through its API, so host IPC"
                + " sharing (CIS 5.17) cannot be detected for podman containers");
        ipcWarned = true;
      }
    }
    return new AuditReport(a.engineName(), a.findings, a.warnings);
  }

  private String engineName() {
    String name = facts.podman() ? "podman" : "Docker Engine";
    String v = facts.info().path("ServerVersion").asText("");
    return name + (v.isEmpty() ? "" : " " + v) + " at " + facts.address();
  }

  private List<String> securityOptions() {
    List<String> out = new ArrayList<>();
    facts.info().path("SecurityOptions").forEach(n -> out.add(n.asText("")));
    return out;
  }

  private boolean hasSecurityOption(String name) {
    return securityOptions().stream().anyMatch(o -> o.startsWith("name=" + name));
  }

  private void daemon() {
    JsonNode info = facts.info();
    ResourceRef engine =
        new ResourceRef(
            "Engine", null, info.path("Name").asText(facts.podman() ? "podman" : "docker"));
    boolean podman = facts.podman();
    boolean rootless = hasSecurityOption("rootless") || info.path("Rootless").asBoolean(false);
    if (!rootless) {
      add(DockerAuditRules.ROOTFUL, engine, "the engine runs as root (not rootless)");
    }
    if (hasSecurityOption("userns") || rootless) {
      // remapped: passes
    } else if (podman) {
      warnings.add(
          "podman does not expose its default user namespace mode (containers.conf userns)"
              + " through the API; user-namespace remapping (CIS 2.9) is unknown");
    } else {
      add(DockerAuditRules.NO_USERNS, engine, "SecurityOptions has no name=userns");
    }
    if (podman) {
      warnings.add(
          "podman does not expose inter-container communication (icc) through the API; CIS 2.2"
              + " is unknown");
      warnings.add(
          "live-restore (CIS 2.15) does not apply to podman: it has no daemon whose restart"
              + " stops containers");
    } else {
      JsonNode icc = facts.bridge().path("Options").path("com.docker.network.bridge.enable_icc");
      if (facts.bridge().isMissingNode()) {
        warnings.add("the default bridge network was not readable; icc (CIS 2.2) is unknown");
      } else if (!icc.asText("true").equalsIgnoreCase("false")) {
        add(
            DockerAuditRules.ICC,
            engine,
            "the default bridge has enable_icc=" + icc.asText("true"));
      }
      if (!info.path("LiveRestoreEnabled").asBoolean(false)) {
        add(DockerAuditRules.NO_LIVE_RESTORE, engine, "LiveRestoreEnabled is false");
      }
    }
    String driver = info.path("LoggingDriver").asText("");
    if (driver.isEmpty()) {
      warnings.add(
          "the engine does not report a default logging driver; remote logging (CIS 2.13) is"
              + " unknown");
    } else if (LOCAL_DRIVERS.contains(driver)) {
      add(
          DockerAuditRules.LOCAL_LOGGING,
          engine,
          "the default logging driver is "
              + driver
              + (driver.equals("none") ? ", so logs are discarded" : ", so logs stay on the host"));
    }
    insecureRegistries(engine, podman);
    if (!hasSecurityOption("apparmor") && !facts.containers().isEmpty()) {
      warnings.add(
          "the engine reports no AppArmor support (no name=apparmor in SecurityOptions);"
              + " AppArmor profiles (CIS 5.2) were not checked");
    }
  }

  private void insecureRegistries(ResourceRef engine, boolean podman) {
    JsonNode reg = facts.info().path("RegistryConfig");
    List<String> insecure = new ArrayList<>();
    reg.path("InsecureRegistryCIDRs").forEach(n -> insecure.add(n.asText("")));
    reg.path("IndexConfigs")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().has("Secure") && !e.getValue().path("Secure").asBoolean(true)) {
                insecure.add(e.getKey());
              }
            });
    boolean any = false;
    for (String r : insecure) {
      if (!r.isBlank() && !EngineEndpoints.isLoopback(r)) {
        add(DockerAuditRules.INSECURE_REGISTRY, engine, "insecure registry " + r);
        any = true;
      }
    }
    if (podman && !any) {
      warnings.add(
          "podman keeps insecure registries in registries.conf and does not expose them through"
              + " the API; CIS 2.5 is unknown");
    }
  }

  private void container(JsonNode c) {
    JsonNode h = c.path("HostConfig");
    String name = c.path("Name").asText(c.path("Id").asText("?")).replaceFirst("^/", "");
    ResourceRef ref = new ResourceRef("Container", null, name);
    boolean privileged = h.path("Privileged").asBoolean(false);
    if (privileged) {
      add(DockerAuditRules.PRIVILEGED, ref, "HostConfig.Privileged is true");
    }
    if (h.path("NetworkMode").asText("").equals("host")) {
      add(DockerAuditRules.HOST_NETWORK, ref, "HostConfig.NetworkMode is host");
    }
    if (h.path("PidMode").asText("").equals("host")) {
      add(DockerAuditRules.HOST_PID, ref, "HostConfig.PidMode is host");
    }
    if (h.path("IpcMode").asText("").equals("host")) {
      add(DockerAuditRules.HOST_IPC, ref, "HostConfig.IpcMode is host");
    }
    String user = c.path("Config").path("User").asText("");
    String u = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
    if (u.isEmpty() || u.equals("0") || u.equals("root")) {
      add(
          DockerAuditRules.ROOT_USER,
          ref,
          user.isEmpty() ? "Config.User is empty, so it runs as root" : "Config.User is " + user);
    }
    List<String> caps = new ArrayList<>();
    h.path("CapAdd").forEach(n -> caps.add(n.asText("")));
    if (!caps.isEmpty()) {
      add(DockerAuditRules.CAP_ADD, ref, "HostConfig.CapAdd is " + String.join(", ", caps));
    }
    for (JsonNode m : c.path("Mounts")) {
      mount(ref, m);
    }
    if (h.path("Memory").asLong(0) <= 0) {
      add(DockerAuditRules.NO_MEMORY_LIMIT, ref, "HostConfig.Memory is 0 (unlimited)");
    }
    long pids = h.path("PidsLimit").asLong(0);
    if (pids <= 0) {
      add(
          DockerAuditRules.NO_PIDS_LIMIT,
          ref,
          "HostConfig.PidsLimit is "
              + (h.path("PidsLimit").isNull() ? "null" : pids)
              + " (unlimited)");
    }
    List<String> opts = new ArrayList<>();
    h.path("SecurityOpt").forEach(n -> opts.add(n.asText("").toLowerCase(Locale.ROOT)));
    if (opts.stream().anyMatch(o -> o.matches("seccomp[=:]unconfined"))) {
      add(DockerAuditRules.NO_SECCOMP, ref, "HostConfig.SecurityOpt has seccomp=unconfined");
    } else if (privileged) {
      add(DockerAuditRules.NO_SECCOMP, ref, "privileged containers run without seccomp");
    }
    if (hasSecurityOption("apparmor")) {
      String profile = c.path("AppArmorProfile").asText("");
      if (profile.isEmpty() || profile.equals("unconfined")) {
        add(
            DockerAuditRules.NO_APPARMOR,
            ref,
            profile.isEmpty() ? "AppArmorProfile is empty" : "AppArmorProfile is unconfined");
      }
    }
    if (!h.path("ReadonlyRootfs").asBoolean(false)) {
      add(DockerAuditRules.WRITABLE_ROOTFS, ref, "HostConfig.ReadonlyRootfs is false");
    }
    boolean nnp =
        opts.stream().anyMatch(o -> o.matches("no-new-privileges(?:[=:]true)?"))
            || hasSecurityOption("no-new-privileges");
    if (!nnp) {
      add(DockerAuditRules.NEW_PRIVILEGES, ref, "HostConfig.SecurityOpt lacks no-new-privileges");
    }
  }

  private void mount(ResourceRef ref, JsonNode m) {
    String type = m.path("Type").asText("bind");
    if (!type.equals("bind")) {
      return;
    }
    String source = m.path("Source").asText("");
    String norm = source.length() > 1 ? source.replaceAll("/+$", "") : source;
    boolean rw = m.path("RW").asBoolean(true);
    String dest = m.path("Destination").asText("");
    String what = source + " on " + dest + (rw ? " (read-write)" : " (read-only)");
    if (EngineEndpoints.exposesEngineSocket(source)) {
      add(DockerAuditRules.ENGINE_SOCKET, ref, "mounts " + what);
      return;
    }
    boolean exact = norm.equals("/") || SENSITIVE.contains(norm);
    boolean below = SENSITIVE.stream().anyMatch(s -> norm.startsWith(s + "/"));
    if (exact || (below && rw)) {
      add(DockerAuditRules.SENSITIVE_MOUNT, ref, "mounts host " + what);
    }
  }

  private void add(Rule rule, ResourceRef ref, String message) {
    findings.add(ConfigFinding.of(rule, new Location(facts.address(), 0, 0), ref, message));
  }
}
