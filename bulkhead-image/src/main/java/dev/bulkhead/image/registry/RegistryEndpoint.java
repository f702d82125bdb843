package dev.bulkhead.image.registry;

import dev.bulkhead.core.BulkheadException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Describes one GET endpoint of the distribution API: its route, accept headers, how a successful
 * response is handled and the action named in error messages (as Jib's {@code RegistryEndpoint}).
 *
 * @param <T> what the endpoint returns
 */
interface RegistryEndpoint<T> {

  /** Returns what is being done, e.g. {@code pull manifest for alpine:3.19 from docker.io}. */
  String actionDescription();

  /** Returns the path below the registry root, e.g. {@code /v2/library/alpine/manifests/3.19}. */
  String route();

  /** Returns the media types to send in {@code Accept}, or an empty list. */
  List<String> accept();

  /** Returns what to try when the registry answers 404. */
  String notFoundHint();

  /**
   * Handles a 2xx response; the caller closes the body afterwards.
   *
   * @throws IOException when reading the body fails
   * @throws BulkheadException when the body is unacceptable (too large, wrong digest)
   */
  T handle(HttpResponse<InputStream> response) throws IOException, BulkheadException;
}
