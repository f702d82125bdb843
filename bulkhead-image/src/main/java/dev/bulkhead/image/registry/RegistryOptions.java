package dev.bulkhead.image.registry;

import java.nio.file.Path;

/**
 * Tells the registry client how to reach and authenticate to a registry.
 *
 * @param platform the platform to pick from an image index, {@code os/arch[/variant]}
 * @param username the user for basic or token auth, or {@code null}
 * @param password the password or token, or {@code null}
 * @param dockerConfig a docker {@code config.json} to read credentials from, or {@code null} for
 *     the default ({@code $DOCKER_CONFIG/config.json}, then {@code ~/.docker/config.json})
 * @param insecure whether to use plain HTTP
 */
public record RegistryOptions(
    String platform, String username, String password, Path dockerConfig, boolean insecure) {

  /** The platform picked when none is given. */
  public static final String DEFAULT_PLATFORM = "linux/amd64";

  /** Returns anonymous HTTPS options for linux/amd64. */
  public static RegistryOptions defaults() {
    return new RegistryOptions(DEFAULT_PLATFORM, null, null, null, false);
  }
}
