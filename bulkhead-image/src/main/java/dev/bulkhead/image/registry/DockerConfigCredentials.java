package dev.bulkhead.image.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.image.registry.json.DockerConfigJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds registry credentials in a docker {@code config.json} ({@code auths.<host>.auth} or its
 * {@code username}/{@code password} fields). Credential helpers ({@code credsStore}) are not run.
 */
final class DockerConfigCredentials {
  private static final long MAX_SIZE = 1 << 20;
  private static final Set<String> DOCKER_HUB_KEYS =
      Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

  private DockerConfigCredentials() {}

  /** Returns the config file to read: {@code explicit}, else the docker CLI's default, or null. */
  static Path locate(Path explicit) {
    if (explicit != null) {
      return explicit;
    }
    String dir = System.getenv("DOCKER_CONFIG");
    if (dir != null && !dir.isEmpty()) {
      return Path.of(dir, "config.json");
    }
    return Path.of(System.getProperty("user.home"), ".docker", "config.json");
  }

  /**
   * Returns the credentials {@code file} holds for {@code registry}.
   *
   * @param required whether a missing file is an error (it was named explicitly)
   */
  static Optional<Credentials> find(Path file, String registry, boolean required)
      throws BulkheadException {
    if (file == null || !Files.isRegularFile(file)) {
      if (required) {
        throw new BulkheadException(
            "read docker config " + file + " failed: no such file; check --docker-config");
      }
      return Optional.empty();
    }
    DockerConfigJson config;
    try {
      if (Files.size(file) > MAX_SIZE) {
        throw new BulkheadException(
            "read docker config " + file + " failed: larger than 1 MiB; check the file");
      }
      config = new ObjectMapper().readValue(file.toFile(), DockerConfigJson.class);
    } catch (IOException e) {
      throw new BulkheadException(
          "read docker config " + file + " failed: not valid JSON; fix or remove the file", e);
    }
    if (config.auths() == null) {
      return Optional.empty();
    }
    String wanted = normalize(registry);
    for (Map.Entry<String, DockerConfigJson.Auth> entry : config.auths().entrySet()) {
      if (entry.getValue() != null && normalize(entry.getKey()).equals(wanted)) {
        return decode(file, entry.getKey(), entry.getValue());
      }
    }
    return Optional.empty();
  }

  private static Optional<Credentials> decode(Path file, String key, DockerConfigJson.Auth auth)
      throws BulkheadException {
    if (auth.auth() != null && !auth.auth().isEmpty()) {
      String pair;
      try {
        pair = new String(Base64.getDecoder().decode(auth.auth().trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new BulkheadException(
            "read docker config " + file + " failed: auths." + key + ".auth is not base64");
      }
      int colon = pair.indexOf(':');
      if (colon < 0) {
        throw new BulkheadException(
            "read docker config " + file + " failed: auths." + key + ".auth is not user:password");
      }
      return Optional.of(new Credentials(pair.substring(0, colon), pair.substring(colon + 1)));
    }
    if (auth.username() != null && auth.password() != null) {
      return Optional.of(new Credentials(auth.username(), auth.password()));
    }
    return Optional.empty();
  }

  /** Reduces a config key or registry name to {@code host[:port]}, Docker Hub aliases merged. */
  static String normalize(String key) {
    String host = key.trim().toLowerCase(Locale.ROOT);
    int scheme = host.indexOf("://");
    if (scheme >= 0) {
      host = host.substring(scheme + 3);
    }
    int slash = host.indexOf('/');
    if (slash >= 0) {
      host = host.substring(0, slash);
    }
    return DOCKER_HUB_KEYS.contains(host) ? "docker.io" : host;
  }
}
