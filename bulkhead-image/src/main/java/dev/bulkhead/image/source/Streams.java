package dev.bulkhead.image.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Offers small stream helpers the sources and the walker share. */
public final class Streams {
  private Streams() {}

  /** Returns a view of {@code in} whose {@code close()} does nothing. */
  public static InputStream nonClosing(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public void close() {}
    };
  }

  /** Reads {@code in} to its end, discarding the bytes, and returns how many there were. */
  public static long drain(InputStream in) throws IOException {
    byte[] buf = new byte[65536];
    long total = 0;
    for (int n; (n = in.read(buf)) >= 0; ) {
      total += n;
    }
    return total;
  }
}
