package dev.bulkhead.image.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.image.registry.json.TokenJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Answers a registry's {@code WWW-Authenticate} challenge with an {@code Authorization} header
 * value: a given token, basic credentials, or a bearer token fetched from the challenge's realm
 * (https://distribution.github.io/distribution/spec/auth/token/). Never logs or prints secrets.
 */
final class Authenticator {
  private static final int MAX_TOKEN_RESPONSE = 1 << 20;

  private final HttpClient http;
  private final ImageReference reference;
  private final RegistryOptions options;
  private boolean sentSecrets;

  Authenticator(HttpClient http, ImageReference reference, RegistryOptions options) {
    this.http = http;
    this.reference = reference;
    this.options = options;
  }

  /**
   * Returns the header value that answers {@code challenge}, or {@code null} when there is nothing
   * to answer with (anonymous access was refused).
   */
  String authorize(AuthChallenge challenge, String action) throws BulkheadException {
    if (options.tokenFor(reference.registry())) {
      sentSecrets = true;
      return "Bearer " + options.token();
    }
    Optional<Credentials> credentials = credentials();
    sentSecrets = credentials.isPresent();
    return switch (challenge.scheme()) {
      case "basic" -> credentials.map(Credentials::basicHeader).orElse(null);
      case "bearer" -> "Bearer " + fetchToken(challenge, credentials.orElse(null));
      default ->
          throw new BulkheadException(
              action
                  + " failed: 401 Unauthorized with an unsupported challenge '"
                  + challenge.scheme()
                  + "'; only Basic and Bearer auth are supported");
    };
  }

  /** Tells whether the last answer used a token or credentials rather than anonymous access. */
  boolean sentSecrets() {
    return sentSecrets;
  }

  private Optional<Credentials> credentials() throws BulkheadException {
    if (options.username() != null && options.password() != null) {
      return Optional.of(new Credentials(options.username(), options.password()));
    }
    return DockerConfigCredentials.find(
        DockerConfigCredentials.locate(options.dockerConfig()),
        reference.registry(),
        options.dockerConfig() != null);
  }

  private String fetchToken(AuthChallenge challenge, Credentials credentials)
      throws BulkheadException {
    String realm = challenge.param("realm");
    String action = "get a bearer token for " + reference.repository() + " from " + realm;
    if (realm == null || !(realm.startsWith("https://") || realm.startsWith("http://"))) {
      throw new BulkheadException(
          "get a bearer token for "
              + reference.repository()
              + " failed: the registry's challenge names no http(s) realm; check the registry");
    }
    if (credentials != null && realm.startsWith("http://") && !options.insecure()) {
      throw new BulkheadException(
          action + " failed: refusing to send credentials over plain HTTP; pass --insecure");
    }
    String scope = challenge.param("scope");
    if (scope == null || scope.isEmpty()) {
      scope = "repository:" + reference.repository() + ":pull";
    }
    StringBuilder query = new StringBuilder();
    if (challenge.param("service") != null) {
      query.append("service=").append(encode(challenge.param("service"))).append('&');
    }
    query.append("scope=").append(encode(scope));
    URI uri;
    try {
      uri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
    } catch (IllegalArgumentException e) {
      throw new BulkheadException(action + " failed: the realm is not a valid URL", e);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(1)).GET();
    if (credentials != null) {
      request.header("Authorization", credentials.basicHeader());
    }
    try {
      HttpResponse<InputStream> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        byte[] bytes = body.readNBytes(MAX_TOKEN_RESPONSE);
        if (response.statusCode() != 200) {
          throw new BulkheadException(
              action
                  + " failed: "
                  + response.statusCode()
                  + (credentials == null
                      ? "; pass --username/--password or a docker config.json"
                      : "; check the username and password"));
        }
        String token;
        try {
          token = new ObjectMapper().readValue(bytes, TokenJson.class).bearer();
        } catch (JsonProcessingException e) {
          throw new BulkheadException(action + " failed: the answer is not JSON; check the realm");
        }
        if (token == null || token.isEmpty()) {
          throw new BulkheadException(
              action + " failed: the answer holds no token or access_token; check the realm");
        }
        return token;
      }
    } catch (IOException e) {
      throw RegistryErrors.io(action, uri.getAuthority(), e);
    } catch (InterruptedException e) {
      throw RegistryErrors.interrupted(action, e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
