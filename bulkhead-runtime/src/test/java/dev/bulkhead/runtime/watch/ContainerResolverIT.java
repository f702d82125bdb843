package dev.bulkhead.runtime.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.engine.EngineClient;
import dev.bulkhead.core.testing.PodmanService;
import dev.bulkhead.runtime.baseline.WorkloadId;
import dev.bulkhead.runtime.live.ContainerTarget;
import dev.bulkhead.runtime.live.ProcFs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Resolves real podman containers through a private podman API service: a plain container is its
 * own workload; a container carrying the labels the kubelet's Docker runtime sets is watched as its
 * Kubernetes owner, so two pods of one Deployment share one baseline.
 *
 * <p>Needs root, podman and busybox-static; skips without them, fails under CI=true.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerResolverIT {
  private Path tmp;

  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private final String image = "localhost/bh-resolver-it:" + tag;
  private final List<String> containers = new ArrayList<>();
  private Path wrapper;
  private PodmanService service;

  @BeforeAll
  void start() throws Exception {
    List<String> missing = new ArrayList<>();
    for (String tool : List.of("/usr/bin/podman", "/bin/busybox")) {
      if (!Files.isExecutable(Path.of(tool))) {
        missing.add(tool);
      }
    }
    String why =
        !"root".equals(System.getProperty("user.name"))
            ? "needs root"
            : missing.isEmpty()
                ? ""
                : "missing " + missing + " (apt-get install -y podman busybox-static)";
    if ("true".equals(System.getenv("CI"))) {
      assertThat(why).as("ContainerResolverIT needs root, podman and busybox").isEmpty();
    }
    assumeTrue(why.isEmpty(), why);
    tmp = Files.createTempDirectory("bh-resolver-it");
    wrapper = PodmanService.runtimeWrapper();
    assertThat(wrapper).as("the OCI runtime wrapper of the repo").isExecutable();
    Path root = tmp.resolve("rootfs");
    Files.createDirectories(root.resolve("bin"));
    Files.copy(Path.of("/bin/busybox"), root.resolve("bin/busybox"));
    Files.createSymbolicLink(root.resolve("bin/sleep"), Path.of("busybox"));
    Path tar = tmp.resolve("rootfs.tar");
    run("tar", "-C", root.toString(), "-cf", tar.toString(), ".");
    run("podman", "import", tar.toString(), image);
    service = PodmanService.start(tmp, wrapper);
  }

  @AfterAll
  void stop() throws Exception {
    for (String c : containers) {
      runQuietly("podman", "--runtime", String.valueOf(wrapper), "rm", "-f", "-t", "0", c);
    }
    if (service != null) {
      service.close();
      runQuietly("podman", "rmi", "-f", image);
    }
    if (tmp != null) {
      runQuietly("rm", "-rf", "--", tmp.toString());
    }
  }

  private ContainerResolver resolver() throws BulkheadException {
    EngineClient engine = EngineClient.connect(service.address(), Duration.ofSeconds(20));
    return new ContainerResolver(engine, new ProcFs(Path.of("/proc")));
  }

  private String startContainer(String name, String... labels) throws Exception {
    List<String> cmd =
        new ArrayList<>(List.of("podman", "--runtime", wrapper.toString(), "run", "-d"));
    for (String l : labels) {
      cmd.add("--label");
      cmd.add(l);
    }
    cmd.addAll(List.of("--name", name, image, "/bin/sleep", "300"));
    containers.add(name);
    run(cmd.toArray(String[]::new));
    return name;
  }

  @Test
  void aPlainContainerIsItsOwnWorkload() throws Exception {
    String name = startContainer("bh-resolver-plain-" + tag);
    ContainerTarget t = resolver().resolve(name);
    assertThat(t.name()).isEqualTo(name);
    assertThat(t.workload()).isEqualTo(name);
    assertThat(t.imageDigest()).startsWith("sha256:");
    assertThat(t.hostPid()).isPositive();
  }

  @Test
  void podsOfOneDeploymentShareTheirOwnersWorkload() throws Exception {
    // Two pods of Deployment "web" (ReplicaSets of two rollouts), as the kubelet names and labels
    // their containers.
    String first =
        startContainer(
            "k8s_app_web-7d4b9c8f5-x2x7k_shop_" + tag + "_0",
            "io.kubernetes.pod.name=web-7d4b9c8f5-x2x7k",
            "io.kubernetes.pod.namespace=shop",
            "io.kubernetes.container.name=app");
    String second =
        startContainer(
            "k8s_app_web-5c6f8d9b47-q9wzt_shop_" + tag + "_0",
            "io.kubernetes.pod.name=web-5c6f8d9b47-q9wzt",
            "io.kubernetes.pod.namespace=shop",
            "io.kubernetes.container.name=app");
    ContainerTarget a = resolver().resolve(first);
    ContainerTarget b = resolver().resolve(second);
    assertThat(a.name()).isEqualTo(first);
    assertThat(a.workload()).isEqualTo("k8s/shop/web/app");
    assertThat(b.workload()).isEqualTo(a.workload());
    WorkloadId ida = new WorkloadId(a.imageDigest(), a.workload());
    WorkloadId idb = new WorkloadId(b.imageDigest(), b.workload());
    assertThat(ida.fileStem()).isEqualTo(idb.fileStem()).startsWith("k8s_shop_web_app-");
    assertThat(a.pidNamespace()).isNotEqualTo(b.pidNamespace());
  }

  @Test
  void aStoppedOrUnknownContainerIsAClearError() {
    assertThatThrownBy(() -> resolver().resolve("bh-resolver-none-" + tag))
        .isInstanceOf(BulkheadException.class)
        .hasMessageContaining("no such container");
  }

  private static void run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", cmd) + " timed out");
    }
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: " + out);
    }
  }

  /** Cleanup: failures are ignored (the container or image may already be gone). */
  private static void runQuietly(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      p.waitFor(120, TimeUnit.SECONDS);
    } catch (IOException e) {
      // best effort
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
