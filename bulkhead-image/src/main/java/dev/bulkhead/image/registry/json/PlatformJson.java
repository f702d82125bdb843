package dev.bulkhead.image.registry.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Names the platform of an image index entry.
 *
 * @param os the operating system, e.g. {@code linux}
 * @param architecture the CPU architecture, e.g. {@code amd64}
 * @param variant the CPU variant, e.g. {@code v8}, or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlatformJson(String os, String architecture, String variant) {

  /** Returns {@code os/arch[/variant]}. */
  @Override
  public String toString() {
    return os + "/" + architecture + (variant == null || variant.isEmpty() ? "" : "/" + variant);
  }
}
