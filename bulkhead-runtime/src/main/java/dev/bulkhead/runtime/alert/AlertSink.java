package dev.bulkhead.runtime.alert;

/**
 * Receives alerts. Implementations must not block the caller for long (the watch pipeline calls
 * them on its event thread) and must survive their own I/O failures, counting them.
 */
public interface AlertSink extends AutoCloseable {
  /** Publishes one alert. */
  void publish(Alert alert);

  /** Failures so far (writes or deliveries that did not succeed). */
  default long failures() {
    return 0;
  }

  /** Flushes and releases resources. */
  @Override
  default void close() {}
}
