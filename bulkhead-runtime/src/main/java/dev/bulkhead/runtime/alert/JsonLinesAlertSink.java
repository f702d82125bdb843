package dev.bulkhead.runtime.alert;

import dev.bulkhead.core.BulkheadException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends alerts as JSON lines to a file (or any writer, e.g. standard output), flushing each line
 * so that readers tailing the file see alerts at once.
 */
public final class JsonLinesAlertSink implements AlertSink {
  private final Writer out;
  private final boolean closeWriter;
  private long failures;

  private JsonLinesAlertSink(Writer out, boolean closeWriter) {
    this.out = out;
    this.closeWriter = closeWriter;
  }

  /**
   * Appends to {@code file}, creating it and its directory.
   *
   * @throws BulkheadException when the file cannot be opened
   */
  public static JsonLinesAlertSink toFile(Path file) throws BulkheadException {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return new JsonLinesAlertSink(
          Files.newBufferedWriter(
              file,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND,
              StandardOpenOption.WRITE),
          true);
    } catch (IOException e) {
      throw new BulkheadException(
          "cannot open alerts file " + file + " for appending: " + e.getMessage(), e);
    }
  }

  /** Writes to {@code out}, which stays open on {@link #close}. */
  public static JsonLinesAlertSink toWriter(Writer out) {
    return new JsonLinesAlertSink(out, false);
  }

  @Override
  public synchronized void publish(Alert alert) {
    try {
      out.write(AlertJson.line(alert));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      failures++;
    }
  }

  @Override
  public synchronized long failures() {
    return failures;
  }

  @Override
  public synchronized void close() {
    try {
      out.flush();
      if (closeWriter) {
        out.close();
      }
    } catch (IOException e) {
      failures++;
    }
  }
}
