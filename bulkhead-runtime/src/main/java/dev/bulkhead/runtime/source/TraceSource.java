package dev.bulkhead.runtime.source;

import dev.bulkhead.core.BulkheadException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads one kind of offline recording into {@link Trace}s.
 *
 * <p>Implementations are stateless and thread-safe. They bound what they read by {@link
 * SourceLimits} and report malformed input as a {@link BulkheadException} naming the file and line.
 */
public interface TraceSource {

  /** The kind in {@code KIND:PATH}, e.g. {@code adfa-ld}. */
  String kind();

  /** One line for help texts: what the path names. */
  String description();

  /**
   * Reads the recording at {@code path} and hands each trace to {@code sink}, in a stable order.
   *
   * @throws BulkheadException if the path is missing, unreadable, malformed or over the limits
   */
  void read(Path path, SourceLimits limits, Consumer<Trace> sink) throws BulkheadException;
}
