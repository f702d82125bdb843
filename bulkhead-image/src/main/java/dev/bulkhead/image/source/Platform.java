package dev.bulkhead.image.source;

import dev.bulkhead.core.BulkheadException;
import java.util.Locale;
import java.util.Map;

/**
 * Names a platform {@code os/arch[/variant]} and tells whether an image's declared platform is it;
 * OCI layouts and registries select index entries with it alike.
 *
 * @param os the operating system, e.g. {@code linux}
 * @param architecture the CPU architecture in Go's naming, e.g. {@code arm64}
 * @param variant the CPU variant, e.g. {@code v7}, or {@code null} for any
 */
public record Platform(String os, String architecture, String variant) {
  private static final Map<String, String> ARCH_ALIASES =
      Map.of("x86_64", "amd64", "x86-64", "amd64", "aarch64", "arm64", "i686", "386");

  /**
   * Parses {@code os/arch[/variant]}, ignoring case and mapping common architecture aliases such as
   * {@code aarch64} and {@code x86_64}.
   *
   * @throws BulkheadException when the text is not of that shape
   */
  public static Platform parse(String text) throws BulkheadException {
    String[] parts = text.trim().toLowerCase(Locale.ROOT).split("/", -1);
    if (parts.length < 2
        || parts.length > 3
        || parts[0].isEmpty()
        || parts[1].isEmpty()
        || (parts.length == 3 && parts[2].isEmpty())) {
      throw new BulkheadException(
          "parse platform '" + text + "' failed: expected os/arch[/variant], e.g. linux/arm64/v8");
    }
    String arch = ARCH_ALIASES.getOrDefault(parts[1], parts[1]);
    return new Platform(parts[0], arch, parts.length == 3 ? parts[2] : null);
  }

  /**
   * Tells whether an image's declared platform is this one: the same OS and architecture (aliases
   * allowed), and the same variant when this one names a variant (an arm64 image that omits its
   * variant is v8).
   */
  public boolean matches(String os, String architecture, String variant) {
    if (os == null || architecture == null || !this.os.equals(os)) {
      return false;
    }
    String arch = ARCH_ALIASES.getOrDefault(architecture, architecture);
    if (!this.architecture.equals(arch)) {
      return false;
    }
    if (this.variant == null) {
      return true;
    }
    String other = variant == null || variant.isEmpty() ? null : variant;
    // arm64 images usually omit their only variant, v8.
    return this.variant.equals(other)
        || ("arm64".equals(arch) && "v8".equals(this.variant) && other == null);
  }

  /**
   * Tells whether a declared platform is worth offering to the user: attestation manifests carry
   * {@code unknown/unknown}.
   */
  public static boolean isListed(String os) {
    return os != null && !"unknown".equals(os);
  }

  /** Returns {@code os/arch[/variant]} as a declared platform would be shown. */
  public static String describe(String os, String architecture, String variant) {
    return os + "/" + architecture + (variant == null || variant.isEmpty() ? "" : "/" + variant);
  }

  @Override
  public String toString() {
    return describe(os, architecture, variant);
  }
}
