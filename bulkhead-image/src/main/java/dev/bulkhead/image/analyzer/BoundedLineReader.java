package dev.bulkhead.image.analyzer;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines from a stream without ever holding more than one bounded line in memory.
 *
 * <p>A line longer than the limit is cut at the limit and the rest of it is skipped; {@link
 * #lastLineTruncated()} tells when that happened. The stream is not closed.
 */
public final class BoundedLineReader {
  private final InputStream in;
  private final int maxLineBytes;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private long lineNumber;
  private boolean truncated;

  /**
   * Creates a reader over a stream.
   *
   * @param in the stream to read; it is buffered here and not closed
   * @param maxLineBytes the most bytes kept of one line
   */
  public BoundedLineReader(InputStream in, int maxLineBytes) {
    this.in = new BufferedInputStream(in, 64 * 1024);
    this.maxLineBytes = maxLineBytes;
  }

  /** Returns the next line without its terminator ({@code \n} or {@code \r\n}), or null at EOF. */
  public String readLine() throws IOException {
    line.reset();
    truncated = false;
    int b = in.read();
    if (b < 0) {
      return null;
    }
    while (b >= 0 && b != '\n') {
      if (line.size() < maxLineBytes) {
        line.write(b);
      } else {
        truncated = true;
      }
      b = in.read();
    }
    lineNumber++;
    byte[] bytes = line.toByteArray();
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\r') {
      length--;
    }
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  /** Returns the 1-based number of the line last returned. */
  public long lineNumber() {
    return lineNumber;
  }

  /** Tells whether the line last returned was cut at the length limit. */
  public boolean lastLineTruncated() {
    return truncated;
  }
}
