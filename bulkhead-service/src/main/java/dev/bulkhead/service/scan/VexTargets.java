package dev.bulkhead.service.scan;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.core.suppress.VexTarget;
import dev.bulkhead.image.registry.ImageReference;

/**
 * Names a scan target for VEX product matching: a registry reference gives the image's repository
 * and, when given by digest, its digest; archives, OCI layouts and directories name no image.
 */
public final class VexTargets {
  private VexTargets() {}

  /** Returns the VEX name of an {@code image}/{@code fs} target as given on the command line. */
  public static VexTarget of(String target) {
    String t = target.strip();
    if (t.startsWith("dir:") || t.startsWith("docker-archive:") || t.startsWith("oci:")) {
      return VexTarget.unnamed(t);
    }
    String ref = t.startsWith("docker://") ? t.substring("docker://".length()) : t;
    try {
      ImageReference parsed = ImageReference.parse(ref);
      return new VexTarget(parsed.repository(), parsed.digest(), t);
    } catch (BulkheadException e) {
      return VexTarget.unnamed(t);
    }
  }
}
