package dev.bulkhead.runtime.source;

import dev.bulkhead.core.BulkheadException;
import dev.bulkhead.runtime.event.RuntimeEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Collects the events of one recording file into one trace per process (thread group), in order of
 * first appearance, named {@code FILE#PID}; enforces the per-trace and per-file limits.
 */
final class TraceGrouper {
  private final String fileId;
  private final SourceLimits limits;
  private final Map<Integer, List<RuntimeEvent>> byPid = new LinkedHashMap<>();
  private long total;

  TraceGrouper(String fileId, SourceLimits limits) {
    this.fileId = fileId;
    this.limits = limits;
  }

  /**
   * Adds {@code e} to its process's trace.
   *
   * @throws BulkheadException if a limit is exceeded; the message names {@code where}
   */
  void add(RuntimeEvent e, String where) throws BulkheadException {
    List<RuntimeEvent> events = byPid.get(e.pid());
    if (events == null) {
      if (byPid.size() >= limits.maxTraces()) {
        throw new BulkheadException(
            where + ": more than " + limits.maxTraces() + " processes in one recording");
      }
      events = new ArrayList<>();
      byPid.put(e.pid(), events);
    }
    if (events.size() >= limits.maxEventsPerTrace() || ++total > limits.maxTotalEvents()) {
      throw new BulkheadException(
          where + ": too many events (limit " + limits.maxEventsPerTrace() + " per process)");
    }
    events.add(e);
  }

  /** Hands one trace per process to {@code sink}. */
  void emit(Consumer<Trace> sink) {
    byPid.forEach((pid, events) -> sink.accept(Trace.ofEvents(fileId + "#" + pid, events, -1)));
  }
}
