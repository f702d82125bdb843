package dev.bulkhead.runtime.watch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.engine.EngineClient;
import dev.bulkhead.runtime.baseline.KubernetesWorkload;
import dev.bulkhead.runtime.live.ContainerTarget;
import dev.bulkhead.runtime.live.ProcFs;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds a running container through the container engine's API ({@code GET
 * /containers/{name}/json}) and its pid namespace through {@code /proc}. A container the kubelet
 * started (its {@code io.kubernetes.pod.*} labels) is watched as its Kubernetes owner ({@link
 * KubernetesWorkload}), so its baseline survives pod restarts and rollouts.
 */
public final class ContainerResolver {
  private final EngineClient engine;
  private final ProcFs proc;

  /** A resolver asking {@code engine} and reading {@code proc}. */
  public ContainerResolver(EngineClient engine, ProcFs proc) {
    this.engine = engine;
    this.proc = proc;
  }

  /**
   * Resolves {@code nameOrId}.
   *
   * @throws BulkheadException when the container does not exist, is not running, or its process is
   *     not visible from here (another pid namespace or host)
   */
  public ContainerTarget resolve(String nameOrId) throws BulkheadException {
    if (nameOrId.isBlank() || nameOrId.length() > 256) {
      throw new BulkheadException("container name must be 1 to 256 characters: " + nameOrId);
    }
    String enc = URLEncoder.encode(nameOrId, StandardCharsets.UTF_8);
    JsonNode c = engine.getJson("/containers/" + enc + "/json");
    String id = c.path("Id").asText("");
    String name = c.path("Name").asText(nameOrId);
    if (name.startsWith("/")) {
      name = name.substring(1);
    }
    String image = c.path("Image").asText("");
    if (image.isEmpty()) {
      image = c.path("ImageName").asText("unknown");
    }
    if (!image.contains(":")) {
      image = "sha256:" + image;
    }
    JsonNode state = c.path("State");
    int pid = state.path("Pid").asInt(0);
    if (!state.path("Running").asBoolean(false) || pid <= 0) {
      throw new BulkheadException(
          "container "
              + nameOrId
              + " is not running (status "
              + state.path("Status").asText("unknown")
              + "); start it before watching");
    }
    long ns;
    try {
      ns = proc.pidNamespace(pid);
    } catch (IOException | RuntimeException e) {
      throw new BulkheadException(
          "cannot read the pid namespace of container "
              + nameOrId
              + " (host pid "
              + pid
              + "): "
              + e.getMessage()
              + "; run bulkhead on the container host, in the host pid namespace",
          e);
    }
    long own;
    try {
      own = proc.pidNamespace((int) ProcessHandle.current().pid());
    } catch (IOException | RuntimeException e) {
      own = -1;
    }
    if (ns == own) {
      throw new BulkheadException(
          "container "
              + nameOrId
              + " shares the host pid namespace (--pid=host); the sensor tells workloads apart by"
              + " pid namespace and would trace the whole host, so it cannot watch it");
    }
    Map<String, String> labels = new HashMap<>();
    c.path("Config")
        .path("Labels")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isTextual()) {
                labels.put(e.getKey(), e.getValue().asText());
              }
            });
    String workload = KubernetesWorkload.identity(labels).orElse(name);
    return new ContainerTarget(id, name, image, pid, ns, workload);
  }
}
