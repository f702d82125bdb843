package dev.bulkhead.runtime.response;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulkhead.core.BulkheadException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records every action request and its outcome (executed, dry-run, rate-limited, skipped, failed)
 * as one JSON line in an append-only file, flushed before the outcome is returned. The outermost
 * link of a response chain, so nothing escapes it.
 *
 * <p>Entry: {@code {"time","alertId","containerId","containerName","action","reason","status",
 * "message"}}.
 */
public final class AuditLog implements ResponseLink, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Writer out;
  private final Clock clock;

  private AuditLog(Path file, Writer out, Clock clock) {
    this.file = file;
    this.out = out;
    this.clock = clock;
  }

  /**
   * Opens {@code file} for appending.
   *
   * @throws BulkheadException when it cannot be opened
   */
  public static AuditLog open(Path file, Clock clock) throws BulkheadException {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Writer w =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      return new AuditLog(file, w, clock);
    } catch (IOException e) {
      throw new BulkheadException(
          "cannot open audit log " + file + " for appending: " + e.getMessage(), e);
    }
  }

  /** The file entries go to. */
  public Path file() {
    return file;
  }

  @Override
  public ActionOutcome handle(ActionRequest request, Responder next) {
    ActionOutcome outcome;
    try {
      outcome = next.respond(request);
    } catch (RuntimeException e) {
      outcome = ActionOutcome.failed("responder failed: " + e);
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("time", Instant.now(clock).toString());
    entry.put("alertId", request.alertId());
    entry.put("containerId", request.containerId());
    entry.put("containerName", request.containerName());
    entry.put("action", request.action().id());
    entry.put("reason", request.reason());
    entry.put("status", outcome.status());
    entry.put("message", outcome.message());
    synchronized (this) {
      try {
        out.write(JSON.writeValueAsString(entry));
        out.write('\n');
        out.flush();
      } catch (IOException e) {
        return new ActionOutcome(
            outcome.status(),
            outcome.message() + " (audit log " + file + " write failed: " + e.getMessage() + ")");
      }
    }
    return outcome;
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      // nothing left to record it in
    }
  }
}
