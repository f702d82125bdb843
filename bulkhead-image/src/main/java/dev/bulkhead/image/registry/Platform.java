package dev.bulkhead.image.registry;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.image.registry.json.Descriptor;
import dev.bulkhead.image.registry.json.PlatformJson;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Names a platform {@code os/arch[/variant]} and picks the matching entry of an image index.
 *
 * @param os the operating system, e.g. {@code linux}
 * @param architecture the CPU architecture in Go's naming, e.g. {@code arm64}
 * @param variant the CPU variant, e.g. {@code v7}, or {@code null} for any
 */
record Platform(String os, String architecture, String variant) {
  private static final Map<String, String> ARCH_ALIASES =
      Map.of("x86_64", "amd64", "x86-64", "amd64", "aarch64", "arm64", "i686", "386");

  /** Parses {@code os/arch[/variant]}. */
  static Platform parse(String text) throws BulkheadException {
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

  /** Tells whether an index entry's platform is this one. */
  boolean matches(PlatformJson entry) {
    if (entry == null || entry.architecture() == null || !os.equals(entry.os())) {
      return false;
    }
    String arch = ARCH_ALIASES.getOrDefault(entry.architecture(), entry.architecture());
    if (!architecture.equals(arch)) {
      return false;
    }
    if (variant == null) {
      return true;
    }
    String other = entry.variant() == null || entry.variant().isEmpty() ? null : entry.variant();
    // arm64 images usually omit their only variant, v8.
    return variant.equals(other) || ("arm64".equals(arch) && "v8".equals(variant) && other == null);
  }

  /**
   * Returns the first index entry for this platform.
   *
   * @param action what is being done, for the error message
   * @throws BulkheadException when no entry matches; the message lists the platforms there are
   */
  Descriptor select(List<Descriptor> entries, String action) throws BulkheadException {
    for (Descriptor entry : entries) {
      if (matches(entry.platform())) {
        return entry;
      }
    }
    String available =
        entries.stream()
            .map(Descriptor::platform)
            .filter(p -> p != null && !"unknown".equals(p.os()))
            .map(PlatformJson::toString)
            .distinct()
            .collect(Collectors.joining(", "));
    throw new BulkheadException(
        action
            + " failed: the image has no "
            + this
            + " variant; pass --platform with one of: "
            + (available.isEmpty() ? "(none listed)" : available));
  }

  @Override
  public String toString() {
    return os + "/" + architecture + (variant == null ? "" : "/" + variant);
  }
}
