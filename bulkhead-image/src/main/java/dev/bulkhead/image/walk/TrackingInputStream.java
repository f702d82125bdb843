package dev.bulkhead.image.walk;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Limits a file's stream to a number of bytes and remembers whether the underlying storage failed,
 * so the walker can tell a broken layer from an analyzer that could not parse its file.
 */
final class TrackingInputStream extends FilterInputStream {
  private long remaining;
  private IOException failure;

  TrackingInputStream(InputStream in, long limit) {
    super(in);
    this.remaining = limit;
  }

  /** Returns the exception the underlying stream threw, or {@code null}. */
  IOException failure() {
    return failure;
  }

  @Override
  public int read() throws IOException {
    if (remaining <= 0) {
      return -1;
    }
    int b = track(() -> super.read());
    if (b >= 0) {
      remaining--;
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    if (remaining <= 0) {
      return -1;
    }
    int n = track(() -> super.read(buf, off, (int) Math.min(len, remaining)));
    if (n > 0) {
      remaining -= n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = track(() -> (int) super.skip(Math.min(Math.min(n, remaining), 1 << 30)));
    remaining -= skipped;
    return skipped;
  }

  @Override
  public int available() throws IOException {
    return (int) Math.min(track(() -> super.available()), remaining);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private interface Read {
    int run() throws IOException;
  }

  private int track(Read read) throws IOException {
    try {
      return read.run();
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }
}
