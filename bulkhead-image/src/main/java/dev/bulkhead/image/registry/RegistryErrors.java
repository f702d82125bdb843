package dev.bulkhead.image.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.image.registry.json.ErrorsJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLException;

/** Turns HTTP statuses and I/O failures into one-line messages that say what to try. */
final class RegistryErrors {
  private static final int MAX_DETAIL = 200;

  private RegistryErrors() {}

  /**
   * Builds the error for a non-2xx status.
   *
   * @param body up to a few KiB of the response body, for the registry's error code
   * @param authenticated whether credentials or a token were sent
   */
  static BulkheadException status(
      RegistryEndpoint<?> endpoint, int status, byte[] body, boolean authenticated) {
    String hint =
        switch (status) {
          case 401 ->
              authenticated
                  ? "check the username, password or token"
                  : "pass --username/--password or a docker config.json";
          case 403 ->
              "the credentials lack pull access; check the repository name and your permissions";
          case 404 -> endpoint.notFoundHint();
          case 429 -> "the registry rate-limits pulls; wait, or authenticate for a higher limit";
          default ->
              status >= 500
                  ? "the registry failed; retry later"
                  : "the registry refused the request; check the image reference";
        };
    return new BulkheadException(
        endpoint.actionDescription()
            + " failed: "
            + status
            + " "
            + reason(status)
            + detail(body)
            + "; "
            + hint);
  }

  /** Builds the error for a failed exchange with {@code registry}. */
  static BulkheadException io(String action, String registry, IOException e) {
    String what;
    if (e instanceof ConnectException || e instanceof HttpConnectTimeoutException) {
      what =
          "registry "
              + registry
              + " is unreachable ("
              + (e instanceof ConnectException ? "connection refused" : "connect timed out")
              + "); check the host and port, and pass --insecure for a plain-HTTP registry";
    } else if (e instanceof HttpTimeoutException) {
      what = "registry " + registry + " did not answer in time; retry later";
    } else if (e instanceof SSLException) {
      what =
          "TLS handshake with "
              + registry
              + " failed ("
              + oneLine(e.getMessage())
              + "); pass --insecure if the registry speaks plain HTTP, else check its certificate";
    } else if (e instanceof UnknownHostException
        || e.getCause() instanceof UnresolvedAddressException) {
      what = "cannot resolve host " + registry + "; check the registry name";
    } else {
      what = oneLine(String.valueOf(e.getMessage())) + "; retry, or check the registry";
    }
    return new BulkheadException(action + " failed: " + what, e);
  }

  /** Builds the error for an interrupted exchange. */
  static BulkheadException interrupted(String action, InterruptedException e) {
    Thread.currentThread().interrupt();
    return new BulkheadException(action + " failed: interrupted", e);
  }

  private static String detail(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    try {
      ErrorsJson errors = new ObjectMapper().readValue(body, ErrorsJson.class);
      if (errors.errors() != null && !errors.errors().isEmpty()) {
        ErrorsJson.Problem first = errors.errors().get(0);
        return " (" + oneLine(first.code() + ": " + first.message()) + ")";
      }
    } catch (IOException e) {
      String text = new String(body, StandardCharsets.UTF_8);
      return text.isBlank() ? "" : " (" + oneLine(text) + ")";
    }
    return "";
  }

  private static String oneLine(String text) {
    String line = text == null ? "" : text.replaceAll("\\s+", " ").trim();
    return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "..." : line;
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "HTTP error";
    };
  }
}
