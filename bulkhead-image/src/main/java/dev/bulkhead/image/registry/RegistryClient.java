package dev.bulkhead.image.registry;

import dev.bulkhead.core.BulkheadException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Sends endpoint requests to one registry repository: authenticates on the first 401 challenge,
 * reuses the credential for later calls, follows redirects (dropping credentials when a redirect
 * leaves the registry host) and turns failures into one-line errors.
 */
final class RegistryClient {
  private static final int MAX_REDIRECTS = 5;
  private static final int MAX_ERROR_BODY = 16 * 1024;
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

  private final HttpClient http;
  private final ImageReference reference;
  private final RegistryOptions options;
  private final Authenticator authenticator;
  private final URI base;
  private String authorization;

  RegistryClient(HttpClient http, ImageReference reference, RegistryOptions options) {
    this.http = http;
    this.reference = reference;
    this.options = options;
    this.authenticator = new Authenticator(http, reference, options);
    this.base = URI.create((options.insecure() ? "http://" : "https://") + reference.endpoint());
  }

  /** Returns the HTTP client, for the endpoints that need a second request. */
  static HttpClient newHttpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(30))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Calls {@code endpoint} and returns what its handler returns. */
  <T> T call(RegistryEndpoint<T> endpoint) throws BulkheadException {
    String action = endpoint.actionDescription();
    boolean challenged = false;
    while (true) {
      HttpResponse<InputStream> response = send(endpoint, action);
      try (InputStream body = response.body()) {
        int status = response.statusCode();
        if (status == 401 && !challenged && authorization == null) {
          challenged = true;
          String header = response.headers().firstValue("WWW-Authenticate").orElse(null);
          authorization = authenticator.authorize(AuthChallenge.parse(header), action);
          if (authorization != null) {
            continue;
          }
        }
        if (status / 100 != 2) {
          byte[] error = body.readNBytes(MAX_ERROR_BODY);
          throw RegistryErrors.status(endpoint, status, error, authenticator.sentSecrets());
        }
        return endpoint.handle(response);
      } catch (IOException e) {
        throw RegistryErrors.io(action, reference.registry(), e);
      }
    }
  }

  private HttpResponse<InputStream> send(RegistryEndpoint<?> endpoint, String action)
      throws BulkheadException {
    URI uri = base.resolve(endpoint.route());
    try {
      for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET();
        if (!endpoint.accept().isEmpty()) {
          request.header("Accept", String.join(", ", endpoint.accept()));
        }
        if (authorization != null && sameOrigin(uri)) {
          request.header("Authorization", authorization);
        }
        HttpResponse<InputStream> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        int status = response.statusCode();
        String location = response.headers().firstValue("Location").orElse(null);
        if (!isRedirect(status) || location == null) {
          return response;
        }
        response.body().close();
        URI next = uri.resolve(location);
        if (!"https".equals(next.getScheme()) && !options.insecure()) {
          throw new BulkheadException(
              action
                  + " failed: the registry redirected to "
                  + next.getScheme()
                  + " URL; refusing to leave HTTPS (pass --insecure to allow)");
        }
        uri = next;
      }
    } catch (IOException e) {
      throw RegistryErrors.io(action, reference.registry(), e);
    } catch (InterruptedException e) {
      throw RegistryErrors.interrupted(action, e);
    } catch (IllegalArgumentException e) {
      throw new BulkheadException(
          action + " failed: the registry sent an invalid redirect location; check the registry",
          e);
    }
    throw new BulkheadException(
        action + " failed: more than " + MAX_REDIRECTS + " redirects; check the registry");
  }

  private boolean sameOrigin(URI uri) {
    return Objects.equals(uri.getScheme(), base.getScheme())
        && Objects.equals(uri.getHost(), base.getHost())
        && uri.getPort() == base.getPort();
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }
}
