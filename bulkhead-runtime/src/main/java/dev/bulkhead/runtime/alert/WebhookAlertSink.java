package dev.bulkhead.runtime.alert;

import dev.bulkhead.core.BulkheadException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * POSTs each alert as one JSON document ({@code Content-Type: application/json}) to a webhook,
 * asynchronously, with a timeout per delivery and at most {@link #MAX_IN_FLIGHT} deliveries at
 * once; alerts beyond that are dropped and counted as failures, so a slow receiver never stalls the
 * watch. Non-2xx answers count as failures. No retries.
 */
public final class WebhookAlertSink implements AlertSink {
  /** Deliveries allowed in flight. */
  public static final int MAX_IN_FLIGHT = 32;

  private final URI uri;
  private final HttpClient client;
  private final Duration timeout;
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();

  private WebhookAlertSink(URI uri, Duration timeout) {
    this.uri = uri;
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * A sink posting to {@code url}.
   *
   * @throws BulkheadException when the URL is not http(s) with a host
   */
  public static WebhookAlertSink of(String url, Duration timeout) throws BulkheadException {
    URI u;
    try {
      u = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new BulkheadException("webhook URL " + url + " is malformed: " + e.getMessage(), e);
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
      throw new BulkheadException(
          "webhook URL " + url + " must be http:// or https:// with a host");
    }
    return new WebhookAlertSink(u, timeout);
  }

  @Override
  public void publish(Alert alert) {
    if (!inFlight.tryAcquire()) {
      failures.incrementAndGet();
      return;
    }
    HttpRequest req =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "bulkhead")
            .POST(
                HttpRequest.BodyPublishers.ofString(AlertJson.line(alert), StandardCharsets.UTF_8))
            .build();
    CompletableFuture<HttpResponse<Void>> f =
        client.sendAsync(req, HttpResponse.BodyHandlers.discarding());
    f.whenComplete(
        (resp, err) -> {
          inFlight.release();
          if (err != null || resp.statusCode() / 100 != 2) {
            failures.incrementAndGet();
          } else {
            delivered.incrementAndGet();
          }
        });
  }

  @Override
  public long failures() {
    return failures.get();
  }

  /** Deliveries answered with 2xx. */
  public long delivered() {
    return delivered.get();
  }

  /** Waits up to the timeout for deliveries in flight. */
  @Override
  public void close() {
    try {
      if (inFlight.tryAcquire(MAX_IN_FLIGHT, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        inFlight.release(MAX_IN_FLIGHT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
