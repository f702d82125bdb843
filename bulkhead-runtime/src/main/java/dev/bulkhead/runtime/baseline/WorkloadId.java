package dev.bulkhead.runtime.baseline;

import dev.bulkhead.core.digest.Digests;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The identity a baseline belongs to: the image a container runs and the container's name, so the
 * same service restarted from the same image finds its baseline again, and a new image version
 * starts learning afresh.
 *
 * @param imageDigest image id or digest ({@code sha256:...})
 * @param name container name
 */
public record WorkloadId(String imageDigest, String name) {
  public WorkloadId {
    Objects.requireNonNull(imageDigest, "imageDigest");
    Objects.requireNonNull(name, "name");
  }

  /** A file-system-safe file name stem: the sanitised name plus a hash of the whole identity. */
  public String fileStem() {
    String safe = name.replaceAll("[^A-Za-z0-9_.-]", "_");
    if (safe.length() > 64) {
      safe = safe.substring(0, 64);
    }
    String digest = Digests.sha256((imageDigest + "\n" + name).getBytes(StandardCharsets.UTF_8));
    return safe + "-" + digest.substring("sha256:".length(), "sha256:".length() + 16);
  }
}
