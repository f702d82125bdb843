package dev.bulkhead.image.registry;

import dev.bulkhead.core.BulkheadException;
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
 * @param tokenRegistry the registry ({@code host[:port]}) the token is for; the token is never sent
 *     to another registry. {@code null} sends it to whatever registry is scanned (only for tokens
 *     the caller already bound to the one image it scans).
 */
public record RegistryOptions(
    String platform,
    String username,
    String password,
    Path dockerConfig,
    boolean insecure,
    String token,
    String tokenRegistry) {

  /** The platform picked when none is given. */
  public static final String DEFAULT_PLATFORM = "linux/amd64";

  /** The environment variable a front end may read the bearer token from. */
  public static final String TOKEN_ENV = "BULKHEAD_REGISTRY_TOKEN";

  /** The environment variable naming the registry ({@code host[:port]}) the token is for. */
  public static final String TOKEN_HOST_ENV = "BULKHEAD_REGISTRY_TOKEN_HOST";

  /** Creates options without a bearer token. */
  public RegistryOptions(
      String platform, String username, String password, Path dockerConfig, boolean insecure) {
    this(platform, username, password, dockerConfig, insecure, null, null);
  }

  /** Returns anonymous HTTPS options for linux/amd64. */
  public static RegistryOptions defaults() {
    return new RegistryOptions(DEFAULT_PLATFORM, null, null, null, false, null, null);
  }

  /** Returns a copy that picks {@code platform} ({@code os/arch[/variant]}) from an index. */
  public RegistryOptions withPlatform(String platform) {
    return new RegistryOptions(
        platform, username, password, dockerConfig, insecure, token, tokenRegistry);
  }

  /** Returns a copy with basic credentials. */
  public RegistryOptions withCredentials(String username, String password) {
    return new RegistryOptions(
        platform, username, password, dockerConfig, insecure, token, tokenRegistry);
  }

  /** Returns a copy that reads credentials from {@code dockerConfig}. */
  public RegistryOptions withDockerConfig(Path dockerConfig) {
    return new RegistryOptions(
        platform, username, password, dockerConfig, insecure, token, tokenRegistry);
  }

  /** Returns a copy that uses plain HTTP when {@code insecure} is true. */
  public RegistryOptions withInsecure(boolean insecure) {
    return new RegistryOptions(
        platform, username, password, dockerConfig, insecure, token, tokenRegistry);
  }

  /** Returns a copy that sends {@code token} as a bearer token to any registry scanned. */
  public RegistryOptions withToken(String token) {
    return withToken(token, null);
  }

  /**
   * Returns a copy that sends {@code token} as a bearer token, only to {@code registry} ({@code
   * host[:port]}, compared case-insensitively) when that is not {@code null}.
   */
  public RegistryOptions withToken(String token, String registry) {
    return new RegistryOptions(
        platform, username, password, dockerConfig, insecure, token, registry);
  }

  /**
   * Returns a copy whose token comes from {@value #TOKEN_ENV}, bound to the registry named by
   * {@value #TOKEN_HOST_ENV}, when the token is set and non-empty.
   *
   * @throws BulkheadException when the token is set but the registry it is for is not: a token in
   *     the environment must not go to whatever registry an image reference names
   */
  public RegistryOptions withEnvironmentToken() throws BulkheadException {
    return withEnvironmentToken(System.getenv(TOKEN_ENV), System.getenv(TOKEN_HOST_ENV));
  }

  /** {@link #withEnvironmentToken()} with the two variables' values given (for tests). */
  RegistryOptions withEnvironmentToken(String value, String host) throws BulkheadException {
    if (value == null || value.isEmpty()) {
      return this;
    }
    if (host == null || host.isBlank()) {
      throw new BulkheadException(
          TOKEN_ENV
              + " is set but "
              + TOKEN_HOST_ENV
              + " is not: set it to the registry the token is for (e.g. registry.example.com or"
              + " 127.0.0.1:5000) so the token is never sent to another registry");
    }
    return withToken(value, host.strip());
  }

  /** Tells whether the bearer token may be sent to {@code registry}. */
  public boolean tokenFor(String registry) {
    return token != null
        && !token.isEmpty()
        && (tokenRegistry == null || tokenRegistry.equalsIgnoreCase(registry));
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
        + ", tokenRegistry="
        + tokenRegistry
        + "]";
  }
}
