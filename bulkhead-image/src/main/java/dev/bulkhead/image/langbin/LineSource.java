package dev.bulkhead.image.langbin;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines from a stream, holding at most one bounded line in memory; a longer line is cut
 * at the limit and the rest of it skipped. The stream is not closed.
 */
final class LineSource {
  static final int MAX_LINE = 64 * 1024;

  private final InputStream in;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private long number;
  private boolean truncated;

  LineSource(InputStream in) {
    this.in = new BufferedInputStream(in, 64 * 1024);
  }

  /** Returns the next line without its terminator, or null at the end. */
  String next() throws IOException {
    line.reset();
    truncated = false;
    int b = in.read();
    if (b < 0) {
      return null;
    }
    while (b >= 0 && b != '\n') {
      if (line.size() < MAX_LINE) {
        line.write(b);
      } else {
        truncated = true;
      }
      b = in.read();
    }
    number++;
    String s = line.toString(StandardCharsets.UTF_8);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  /** Returns the 1-based number of the last line returned. */
  long number() {
    return number;
  }

  /** Tells whether the last line was cut at {@link #MAX_LINE}. */
  boolean truncated() {
    return truncated;
  }
}
