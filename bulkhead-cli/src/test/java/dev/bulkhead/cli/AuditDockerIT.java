package dev.bulkhead.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.bulkhead.core.testing.PodmanService;
import dev.bulkhead.core.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Audits a real podman API service started on a private socket, with real containers: one
 * configured badly (privileged, host network and PID, an engine-socket-like and a host /etc mount,
 * no limits), one with added capabilities and seccomp off, and one hardened (non-root, cap-drop
 * ALL, memory and pids limits, read-only root, no-new-privileges).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditDockerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String IMAGE = "localhost/bulkhead-busybox:test";

  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String bad = "bh-audit-bad-" + suffix;
  private final String caps = "bh-audit-caps-" + suffix;
  private final String good = "bh-audit-good-" + suffix;
  private final List<String> created = new ArrayList<>();
  private Path work;
  private Path socket;
  private PodmanService service;
  private String runtime;

  @BeforeAll
  void startPodmanAndContainers() throws Exception {
    boolean ci = "true".equals(System.getenv("CI"));
    boolean have = Files.isExecutable(Path.of("/usr/bin/podman"));
    if (!have && ci) {
      throw new IllegalStateException("podman is missing (apt-get install -y podman)");
    }
    assumeTrue(have, "podman is not installed: apt-get install -y podman");
    Path busybox = Path.of("/bin/busybox");
    if (!Files.isExecutable(busybox)) {
      throw new IllegalStateException("busybox is missing (apt-get install -y busybox-static)");
    }
    runtime = PodmanService.runtimeWrapper().toString();
    work = Files.createTempDirectory("bh-audit");
    importBusybox(busybox);
    service = PodmanService.start(work, Path.of(runtime));
    socket = service.socket();
    Path fakeSocket = Files.createFile(work.resolve("docker.sock"));

    podmanRun(
        bad,
        "--privileged",
        "--network",
        "host",
        "--pid",
        "host",
        "-v",
        fakeSocket + ":/var/run/docker.sock",
        "-v",
        "/etc:/host-etc:ro",
        "--cap-add",
        "SYS_ADMIN",
        "--pids-limit",
        "-1");
    podmanRun(
        caps,
        "--cap-add",
        "NET_ADMIN",
        "--cap-add",
        "SYS_PTRACE",
        "--security-opt",
        "seccomp=unconfined",
        "--memory",
        "64m");
    podmanRun(
        good,
        "--user",
        "65534:65534",
        "--cap-drop",
        "ALL",
        "--memory",
        "64m",
        "--pids-limit",
        "64",
        "--read-only",
        "--security-opt",
        "no-new-privileges");
  }

  private void importBusybox(Path busybox) throws IOException {
    Path rootfs = work.resolve("rootfs");
    Files.createDirectories(rootfs.resolve("bin"));
    Files.createDirectories(rootfs.resolve("tmp"));
    Files.createDirectories(rootfs.resolve("etc"));
    Files.copy(busybox, rootfs.resolve("bin/busybox"));
    for (String applet : List.of("sh", "sleep")) {
      Files.createSymbolicLink(rootfs.resolve("bin").resolve(applet), Path.of("busybox"));
    }
    Files.writeString(
        rootfs.resolve("etc/passwd"),
        "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/sh\n");
    Path tar = work.resolve("rootfs.tar");
    Processes.check(null, List.of("tar", "-C", rootfs.toString(), "-cf", tar.toString(), "."), 120);
    Processes.check(null, List.of("podman", "import", tar.toString(), IMAGE), 300);
  }

  private void podmanRun(String name, String... options) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("podman", "--runtime", runtime, "run", "-d"));
    cmd.add("--name");
    cmd.add(name);
    cmd.addAll(List.of(options));
    cmd.addAll(List.of(IMAGE, "sleep", "600"));
    created.add(name);
    Processes.check(null, cmd, 180);
  }

  @AfterAll
  void cleanUp() throws Exception {
    if (!created.isEmpty()) {
      List<String> rm =
          new ArrayList<>(List.of("podman", "--runtime", runtime, "rm", "-f", "-t", "0"));
      rm.addAll(created);
      Processes.run(null, rm, 180);
    }
    if (service != null) {
      service.close();
    }
    if (work != null) {
      Processes.run(null, List.of("rm", "-rf", work.toString()), 120);
    }
  }

  private String host() {
    return "unix://" + socket;
  }

  private static Set<String> rules(JsonNode report, String kind, String name) {
    Set<String> out = new TreeSet<>();
    for (JsonNode f : report.path("findings")) {
      JsonNode r = f.path("resource");
      if (r.path("kind").asText().equals(kind)
          && (name == null || r.path("name").asText().equals(name))) {
        out.add(f.path("ruleId").asText());
      }
    }
    return out;
  }

  @Test
  void findsTheBadContainersAndPassesTheHardenedOne() throws Exception {
    JsonNode report =
        JSON.readTree(BulkheadJar.ok("audit", "docker", "--host", host(), "--format", "json"));
    assertThat(report.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(rules(report, "Container", bad))
        .contains(
            "BH-DOCKER-0010",
            "BH-DOCKER-0011",
            "BH-DOCKER-0012",
            "BH-DOCKER-0014",
            "BH-DOCKER-0016",
            "BH-DOCKER-0017",
            "BH-DOCKER-0018",
            "BH-DOCKER-0019",
            "BH-DOCKER-0020",
            "BH-DOCKER-0022",
            "BH-DOCKER-0023");
    assertThat(rules(report, "Container", caps))
        .contains("BH-DOCKER-0015", "BH-DOCKER-0020", "BH-DOCKER-0014")
        .doesNotContain("BH-DOCKER-0010", "BH-DOCKER-0011", "BH-DOCKER-0018");
    assertThat(rules(report, "Container", good)).isEmpty();
    assertThat(rules(report, "Engine", null)).contains("BH-DOCKER-0002");
    for (JsonNode f : report.path("findings")) {
      if (f.path("resource").path("name").asText().equals(bad)
          && f.path("ruleId").asText().equals("BH-DOCKER-0016")) {
        assertThat(f.path("message").asText()).contains("docker.sock");
        assertThat(f.path("frameworks").get(0).asText()).isEqualTo("cis-docker:5.32");
        assertThat(f.path("file").asText()).isEqualTo(host());
      }
    }
    String warnings = report.path("warnings").toString();
    assertThat(warnings).contains("CIS 2.2").contains("CIS 2.15").contains("host IPC");
  }

  @Test
  void tableSarifSeverityAndExitCode() throws Exception {
    String table = BulkheadJar.ok("audit", "docker", "--host", host());
    assertThat(table)
        .contains("Audit of podman")
        .contains("Container " + bad)
        .contains("Privileged container [cis-docker:5.5]")
        .doesNotContain("Container " + good);

    String sarif = BulkheadJar.ok("audit", "docker", "--host", host(), "-f", "sarif");
    Schema schema;
    try (InputStream in =
        Files.newInputStream(SharedData.require("schemas/sarif-schema-2.1.0.json"))) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
    assertThat(schema.validate(JSON.readTree(sarif))).isEmpty();

    Processes.Result critical =
        BulkheadJar.run(
            "audit",
            "docker",
            "--host",
            host(),
            "-f",
            "json",
            "-s",
            "CRITICAL",
            "--exit-code",
            "4");
    assertThat(critical.exitCode()).as(critical.stderr()).isEqualTo(4);
    for (JsonNode f : JSON.readTree(critical.stdout()).path("findings")) {
      assertThat(f.path("severity").asText()).isEqualTo("CRITICAL");
    }
  }
}
