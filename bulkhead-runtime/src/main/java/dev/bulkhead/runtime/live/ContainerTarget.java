package dev.bulkhead.runtime.live;

import java.util.Objects;

/**
 * A running container the sensor watches, as resolved from the container engine.
 *
 * @param id full container id
 * @param name container name without a leading slash
 * @param imageDigest the image the container runs ({@code sha256:...} image id or digest)
 * @param hostPid host pid of the container's init process
 * @param pidNamespace inode number of the container's pid namespace ({@code /proc/PID/ns/pid})
 * @param workload the name its baseline is kept under: the container name, or for a container the
 *     kubelet started, {@code k8s/<namespace>/<owner>/<container>} (stable across pod restarts and
 *     rollouts)
 */
public record ContainerTarget(
    String id, String name, String imageDigest, int hostPid, long pidNamespace, String workload) {
  public ContainerTarget {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(imageDigest, "imageDigest");
    Objects.requireNonNull(workload, "workload");
    if (pidNamespace <= 0) {
      throw new IllegalArgumentException("pid namespace inode must be positive: " + pidNamespace);
    }
  }

  /** A target whose workload is its container name. */
  public ContainerTarget(
      String id, String name, String imageDigest, int hostPid, long pidNamespace) {
    this(id, name, imageDigest, hostPid, pidNamespace, name);
  }
}
