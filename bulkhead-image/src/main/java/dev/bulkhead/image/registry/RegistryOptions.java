package dev.bulkhead.image.registry;

import java.nio.file.Path;

/**
 * Tells the registry client how to reach and authenticate to a registry.
 *
 * <p>Credentials are tried in this order: {@code token}, {@code username}/{@code password}, the
 * docker {@code config.json} entry for the registry, then anonymous access. {@link #toString()}
 * never prints secrets.
 *
 * @param platform the platform to pick from an image index, {@code os/arch[/variant]}
 * @param username the user for basic or token auth, or {@code null}
 * @param password the password or token, or {@code null}
 * @param dockerConfig a docker {@code config.json} to read credentials from, or {@code null} for
 *     the default ({@code $DOCKER_CONFIG/config.json}, then {@code ~/.docker/config.json})
 * @param insecure whether to use plain HTTP
 * @param token a bearer token sent as is (e.g. from {@code BULKHEAD_REGISTRY_TOKEN}), or {@code
 *     null}
 */
public record RegistryOptions(
    String platform,
    String username,
    String password,
    Path dockerConfig,
    boolean insecure,
    String token) {

  /** The platform picked when none is given. */
  public static final String DEFAULT_PLATFORM = "linux/amd64";

  /** The environment variable a front end may read the bearer token from. */
  public static final String TOKEN_ENV = "BULKHEAD_REGISTRY_TOKEN";

  /** Creates options without a bearer token. */
  public RegistryOptions(
      String platform, String username, String password, Path dockerConfig, boolean insecure) {
    this(platform, username, password, dockerConfig, insecure, null);
  }

  /** Returns anonymous HTTPS options for linux/amd64. */
  public static RegistryOptions defaults() {
    return new RegistryOptions(DEFAULT_PLATFORM, null, null, null, false, null);
  }

  /** Returns a copy that picks {@code platform} ({@code os/arch[/variant]}) from an index. */
  public RegistryOptions withPlatform(String platform) {
    return new RegistryOptions(platform, username, password, dockerConfig, insecure, token);
  }

  /** Returns a copy with basic credentials. */
  public RegistryOptions withCredentials(String username, String password) {
    return new RegistryOptions(platform, username, password, dockerConfig, insecure, token);
  }

  /** Returns a copy that reads credentials from {@code dockerConfig}. */
  public RegistryOptions withDockerConfig(Path dockerConfig) {
    return new RegistryOptions(platform, username, password, dockerConfig, insecure, token);
  }

  /** Returns a copy that uses plain HTTP when {@code insecure} is true. */
  public RegistryOptions withInsecure(boolean insecure) {
    return new RegistryOptions(platform, username, password, dockerConfig, insecure, token);
  }

  /** Returns a copy that sends {@code token} as a bearer token. */
  public RegistryOptions withToken(String token) {
    return new RegistryOptions(platform, username, password, dockerConfig, insecure, token);
  }

  /** Returns a copy whose token comes from {@value #TOKEN_ENV} when that is set and non-empty. */
  public RegistryOptions withEnvironmentToken() {
    String value = System.getenv(TOKEN_ENV);
    return value == null || value.isEmpty() ? this : withToken(value);
  }

  /** Returns the platform to pick, {@link #DEFAULT_PLATFORM} when none was given. */
  public String platformOrDefault() {
    return platform == null || platform.isBlank() ? DEFAULT_PLATFORM : platform;
  }

  @Override
  public String toString() {
    return "RegistryOptions[platform="
        + platform
        + ", username="
        + username
        + ", password="
        + (password == null ? "null" : "***")
        + ", dockerConfig="
        + dockerConfig
        + ", insecure="
        + insecure
        + ", token="
        + (token == null ? "null" : "***")
        + "]";
  }
}
